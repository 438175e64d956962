-- Closed loop: when a case is resolved, the customer is asked how satisfied they are with its
-- solution, in the workspace's follow-up survey; the invitation carries what it follows up on
-- ("case:<id>"), and so does the answer, which goes back onto the case.
alter table feedback_settings add column follow_up_survey_id uuid;
alter table survey_invitation add column reference text;

alter table case_entry drop constraint case_entry_kind_check;
alter table case_entry add constraint case_entry_kind_check
  check (kind in ('OPENED', 'NOTE', 'STATUS', 'ASSIGNED', 'SEVERITY', 'CATEGORY', 'MESSAGE', 'REPLY', 'PROMISE',
                  'ALERT', 'ESCALATED', 'SURVEY'));

-- Cases opened before the deadline sweep existed: looked at on its first round, their silence
-- counted from the last letter they got.
update support_case c set next_alarm = now(),
       last_update_at = (select max(e.at) from case_entry e
                         where e.workspace_id = c.workspace_id and e.case_id = c.id and e.kind = 'MESSAGE')
where c.status not in ('RESOLVED', 'CLOSED') and c.next_alarm is null;

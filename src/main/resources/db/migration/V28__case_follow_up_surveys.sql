-- Closed loop: when a case is resolved, the customer is asked how satisfied they are with its
-- solution, in the workspace's follow-up survey; the invitation carries what it follows up on
-- ("case:<id>"), and so does the answer, which goes back onto the case.
alter table feedback_settings add column follow_up_survey_id uuid;
alter table survey_invitation add column reference text;

alter table case_entry drop constraint case_entry_kind_check;
alter table case_entry add constraint case_entry_kind_check
  check (kind in ('OPENED', 'NOTE', 'STATUS', 'ASSIGNED', 'SEVERITY', 'CATEGORY', 'MESSAGE', 'REPLY', 'PROMISE',
                  'ALERT', 'ESCALATED', 'SURVEY'));

-- An invitation's state and its times agree, as SurveyInvitation requires of every row it reads:
-- a skipped invitation (and only that) has a reason, a sent or answered one a send time, an
-- answered one (and only that) an answer time, a scheduled e-mail an address.
--
-- Rows written before could disagree: invitations the demo stored as answered had no answer
-- time, and a link answered while its e-mail still waited, or after a rule had stopped that
-- e-mail, kept no send time or its skip reason. They are mended first.
update survey_invitation i set answered_at = coalesce(
    (select r.completed_at from survey_response r where r.workspace_id = i.workspace_id and r.invitation_id = i.id),
    i.sent_at, i.created_at)
where i.status = 'ANSWERED' and i.answered_at is null;
update survey_invitation set sent_at = coalesce(answered_at, created_at)
where status in ('SENT', 'ANSWERED') and sent_at is null;
update survey_invitation set skip_reason = null where status <> 'SKIPPED' and skip_reason is not null;
update survey_invitation set skip_reason = 'SURVEY_NOT_ACTIVE' where status = 'SKIPPED' and skip_reason is null;
update survey_invitation set status = 'SKIPPED', skip_reason = 'NO_EMAIL'
where status = 'SCHEDULED' and channel = 'EMAIL' and email is null;

alter table survey_invitation
  add constraint survey_invitation_skip_reason check ((status = 'SKIPPED') = (skip_reason is not null)),
  add constraint survey_invitation_sent check (status not in ('SENT', 'ANSWERED') or sent_at is not null),
  add constraint survey_invitation_answered check ((status = 'ANSWERED') = (answered_at is not null)),
  add constraint survey_invitation_address check (status <> 'SCHEDULED' or channel <> 'EMAIL' or email is not null);

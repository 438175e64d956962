-- Archiving a workspace cancels the reminders its sent invitations were still waiting for; a
-- restored workspace does not send them months late.
alter table survey_invitation add column reminder_cancelled_at timestamptz;

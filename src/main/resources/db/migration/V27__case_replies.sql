-- Replies come back: each case has an unguessable token that its letters carry in their reply
-- address (support+c-<token>@…), so a reply lands on its case and nobody can write onto a case
-- by guessing its number. Mails read from the mailbox are kept by their Message-ID, once.
alter table support_case add column reply_token text;
create unique index support_case_by_reply_token on support_case (reply_token) where reply_token is not null;

alter table case_entry add column message_id text;
create unique index case_entry_by_message on case_entry (workspace_id, message_id) where message_id is not null;

alter table case_entry drop constraint case_entry_kind_check;
alter table case_entry add constraint case_entry_kind_check
  check (kind in ('OPENED', 'NOTE', 'STATUS', 'ASSIGNED', 'SEVERITY', 'CATEGORY', 'MESSAGE', 'REPLY', 'PROMISE',
                  'ALERT', 'ESCALATED'));

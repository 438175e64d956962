-- "Forgot password": a link by e-mail, valid for an hour and once. Only the token's hash is
-- kept, so a copy of the database cannot reset anyone's password.
create table password_reset (
  token_hash   text        primary key,
  account_id   uuid        not null references account (id) on delete cascade,
  requested_at timestamptz not null,
  expires_at   timestamptz not null,
  used_at      timestamptz
);
create index password_reset_by_account on password_reset (account_id, requested_at);

-- A person's own time zone for the times they read; none means the workspace's.
alter table account add column time_zone text;

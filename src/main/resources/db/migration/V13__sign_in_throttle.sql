-- Sign-in no longer locks accounts (anyone could lock anyone, and "locked" told that an account
-- exists): failures count per e-mail and client address instead, and only that address waits.
alter table app_user drop column failed_logins, drop column locked_until;

create table sign_in_throttle (
  login_hash      text        not null check (login_hash ~ '^[0-9a-f]{64}$'),
  address         text        not null check (length(address) between 1 and 100),
  failures        integer     not null check (failures > 0),
  last_failure_at timestamptz not null,
  blocked_until   timestamptz,
  primary key (login_hash, address)
);

create index sign_in_throttle_last_failure on sign_in_throttle (last_failure_at);

-- The signed-in user held by sessions changed its serialized form.
delete from spring_session;

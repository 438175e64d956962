-- Tenancy is structural: every table carries workspace_id and every key includes it.
-- The two installation-wide unique indexes below are authentication look-ups (a login
-- name and a key hash must each identify exactly one account).

create table workspace (
  id             uuid        primary key,
  name           text        not null check (length(name) between 1 and 120),
  default_locale text        not null default 'en' check (default_locale in ('de', 'en')),
  time_zone      text        not null default 'Europe/Berlin',
  created_at     timestamptz not null default now()
);

create table app_user (
  workspace_id          uuid        not null references workspace (id),
  id                    uuid        not null,
  email                 text        not null check (length(email) between 3 and 254),
  display_name          text        not null check (length(display_name) between 1 and 120),
  password_hash         text,
  role                  text        not null check (role in ('ADMIN', 'CX_MANAGER', 'AGENT', 'MARKETING', 'VIEWER')),
  department            text        not null check (department in ('MARKETING', 'SALES', 'SERVICE', 'PRODUCT', 'LOGISTICS', 'MANAGEMENT')),
  locale                text        check (locale in ('de', 'en')),
  enabled               boolean     not null default true,
  failed_logins         int         not null default 0,
  locked_until          timestamptz,
  invitation_hash       text,
  invitation_expires_at timestamptz,
  created_at            timestamptz not null default now(),
  last_login_at         timestamptz,
  primary key (workspace_id, id)
);
create unique index app_user_login on app_user (lower(email));
create unique index app_user_invitation on app_user (invitation_hash) where invitation_hash is not null;

create table api_key (
  workspace_id  uuid        not null references workspace (id),
  id            uuid        not null,
  kind          text        not null check (kind in ('WRITE', 'MANAGEMENT')),
  name          text        not null check (length(name) between 1 and 120),
  token_prefix  text        not null,
  token_hash    text        not null,
  role          text        check (role in ('ADMIN', 'CX_MANAGER', 'AGENT', 'MARKETING', 'VIEWER')),
  -- write keys may be bound to a touchpoint; the touchpoint registry adds the foreign key
  touchpoint_id uuid,
  created_by    uuid,
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  primary key (workspace_id, id),
  check ((kind = 'MANAGEMENT') = (role is not null)),
  check (kind = 'WRITE' or touchpoint_id is null)
);
create unique index api_key_token on api_key (token_hash);

-- Spring Modulith's event publication registry (schema v2): a crash never loses a reaction.
create table event_publication (
  id                     uuid        not null primary key,
  listener_id            text        not null,
  event_type             text        not null,
  serialized_event       text        not null,
  publication_date       timestamptz not null,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

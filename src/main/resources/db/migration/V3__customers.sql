-- One profile per customer, known (with a user id) or anonymous. Merged profiles stay as
-- pointers to the profile they were merged into, so old references still resolve.
create table customer (
  workspace_id  uuid        not null references workspace (id),
  id            uuid        not null,
  user_id       text,
  email         text,
  display_name  text,
  traits        jsonb       not null default '{}',
  -- when each trait was last set, so that an older message never overwrites a newer value
  trait_times   jsonb       not null default '{}',
  first_seen_at timestamptz not null,
  last_seen_at  timestamptz not null,
  merged_into   uuid,
  created_at    timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index customer_recent on customer (workspace_id, last_seen_at desc) where merged_into is null;
create index customer_by_email on customer (workspace_id, lower(email)) where merged_into is null;

-- The identity graph: every id a customer is known by points to exactly one profile.
create table customer_identity (
  workspace_id  uuid        not null,
  kind          text        not null check (kind in ('user_id', 'anonymous_id', 'email')),
  value         text        not null,
  customer_id   uuid        not null,
  first_seen_at timestamptz not null,
  primary key (workspace_id, kind, value),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);
create index customer_identity_by_customer on customer_identity (workspace_id, customer_id);

-- Consent per channel, with where it came from and when; later modules ask before they send.
create table customer_consent (
  workspace_id uuid        not null,
  customer_id  uuid        not null,
  channel      text        not null check (channel in ('EMAIL', 'PHONE', 'POST', 'TRACKING')),
  granted      boolean     not null,
  source       text        not null check (length(source) between 1 and 60),
  recorded_at  timestamptz not null,
  primary key (workspace_id, customer_id, channel),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);

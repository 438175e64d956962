-- Touchpoints: where customers meet the company. Every event is attributed to one.
create table touchpoint (
  workspace_id     uuid          not null references workspace (id),
  id               uuid          not null,
  key              text          not null check (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  name             text          not null check (length(name) between 1 and 120),
  channel          text          not null check (channel in ('WEB', 'APP', 'SHOP', 'STORE', 'CALL_CENTER', 'EMAIL', 'CHAT', 'FIELD_SALES', 'SOCIAL', 'OTHER')),
  department       text          not null check (department in ('MARKETING', 'SALES', 'SERVICE', 'PRODUCT', 'LOGISTICS', 'MANAGEMENT')),
  cost_per_contact numeric(12, 2) not null default 0 check (cost_per_contact >= 0),
  active           boolean       not null default true,
  created_at       timestamptz   not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, key)
);

-- Every workspace has the touchpoint "unassigned" for events that name none.
insert into touchpoint (workspace_id, id, key, name, channel, department)
select id, gen_random_uuid(), 'unassigned', 'Unassigned', 'OTHER', 'MANAGEMENT' from workspace;

alter table api_key
  add constraint api_key_touchpoint foreign key (workspace_id, touchpoint_id) references touchpoint (workspace_id, id);

-- Retries of a message id never create a second event: the first insert wins. Kept as long as
-- the events themselves, so that de-duplication holds for the whole retention period.
create table event_message (
  workspace_id uuid        not null,
  message_id   text        not null,
  received_at  timestamptz not null,
  primary key (workspace_id, message_id)
);

-- Raw events, partitioned by month of arrival: new rows go to one partition, retention drops
-- old partitions whole. Indexes serve the customer timeline and time-range rollups.
create table event (
  workspace_id  uuid        not null,
  id            uuid        not null,
  message_id    text        not null,
  type          text        not null check (type in ('track', 'identify', 'page', 'screen', 'group', 'alias')),
  name          text,
  anonymous_id  text,
  user_id       text,
  previous_id   text,
  group_id      text,
  touchpoint_id uuid        not null,
  occurred_at   timestamptz not null,
  received_at   timestamptz not null,
  sent_at       timestamptz,
  properties    jsonb,
  traits        jsonb,
  context       jsonb,
  primary key (workspace_id, received_at, id)
) partition by range (received_at);

create index event_by_user on event (workspace_id, user_id, occurred_at) where user_id is not null;
create index event_by_anonymous on event (workspace_id, anonymous_id, occurred_at) where anonymous_id is not null;
create index event_by_time on event (workspace_id, occurred_at);

-- Catches rows outside the monthly partitions that EventPartitions creates ahead of time.
create table event_default partition of event default;

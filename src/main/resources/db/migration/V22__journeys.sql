-- Stored events reach the lifecycle through this queue: one row per stored batch, naming the
-- arrival times its events carry (the event table's primary key leads with them). It shares the
-- identity observations' sequence, so a batch is handed out only once every observation stored
-- before or with it has been resolved into profiles.
create table event_batch (
  workspace_id uuid          not null,
  id           bigint        not null default nextval('identity_observation_id_seq'),
  received_at  timestamptz[] not null,
  -- failed attempts to follow it; after three it is set aside (kept, not handed out)
  attempts     smallint      not null default 0,
  primary key (workspace_id, id)
);
create index event_batch_order on event_batch (id);

-- The current stage of each customer lives with the profile, so that lists filter and sort by it;
-- the journeys module owns it and writes it with every transition.
alter table customer
  add column lifecycle_stage text check (lifecycle_stage in ('AWARENESS', 'CONSIDERATION', 'DECISION', 'ONBOARDING',
                                                               'USAGE', 'REPEAT', 'INACTIVE', 'CHURNED')),
  add column stage_since timestamptz;
create index customer_by_stage on customer (workspace_id, lifecycle_stage, last_seen_at desc) where merged_into is null;

-- The transition rules and inactivity windows of a workspace; a new version re-derives every stage.
create table journey_rules (
  workspace_id uuid        not null references workspace (id),
  version      int         not null check (version > 0),
  rules        jsonb       not null,
  updated_at   timestamptz not null,
  updated_by   uuid,
  primary key (workspace_id)
);

-- What the lifecycle machine remembers of each customer between events.
create table journey_state (
  workspace_id      uuid        not null,
  customer_id       uuid        not null,
  stage             text        not null,
  since             timestamptz not null,
  purchases         int         not null default 0,
  first_purchase_at timestamptz,
  last_purchase_at  timestamptz,
  -- unbounded: a customer's sum of capped amounts can never overflow it
  revenue           numeric     not null default 0,
  -- the headline answer of the latest survey response, for the 360° summary
  last_score_type   text,
  last_score        int,
  last_score_at     timestamptz,
  last_event_at     timestamptz not null,
  -- when the customer counts as inactive unless they buy again; null outside the active phase
  inactive_at       timestamptz,
  rules_version     int         not null,
  primary key (workspace_id, customer_id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);
create index journey_state_due on journey_state (inactive_at) where inactive_at is not null;
create index journey_state_version on journey_state (workspace_id, rules_version, customer_id);

-- Every stage a customer entered: from where, when, and the event or rule that moved them.
create table journey_transition (
  workspace_id uuid        not null,
  customer_id  uuid        not null,
  id           bigint      generated always as identity,
  from_stage   text,
  to_stage     text        not null,
  occurred_at  timestamptz not null,
  cause        text        not null check (cause in ('EVENT', 'INACTIVITY', 'WIN_BACK')),
  event_name   text,
  event_id     uuid,
  touchpoint_id uuid,
  primary key (workspace_id, customer_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);
create index journey_transition_by_time on journey_transition (workspace_id, occurred_at);

-- A replay of every customer's history after the rules changed: resumable from its cursor, worked
-- on by one node at a time (the worker holds the row's lock while it replays a chunk).
create table journey_rederivation (
  workspace_id   uuid        not null,
  rules_version  int         not null,
  after_customer uuid,
  done           bigint      not null default 0,
  total          bigint      not null,
  started_at     timestamptz not null,
  finished_at    timestamptz,
  primary key (workspace_id)
);

-- Customers stored before the lifecycle existed get their stages from a first replay.
insert into journey_rederivation (workspace_id, rules_version, total, started_at)
select w.id, 1, (select count(*) from customer c where c.workspace_id = w.id and c.merged_into is null), now()
from workspace w
where exists (select 1 from customer c where c.workspace_id = w.id);

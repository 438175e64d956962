-- The lifecycle's own compact log of what customers did: each track event once, under the profile
-- it belongs to (merges move it), with the stage it happened in, so funnels, paths and the
-- pain-point map read customer sequences without resolving ids on every query. Written by the
-- journeys intake, back-filled by replays.
create table journey_event (
  workspace_id  uuid        not null,
  event_id      uuid        not null,
  customer_id   uuid        not null,
  name          text        not null,
  touchpoint_id uuid        not null,
  occurred_at   timestamptz not null,
  -- the stage the customer was in when it happened (replays after a rule change rewrite it)
  stage         text,
  -- what it says about the experience: NEGATIVE or POSITIVE feedback, a COMPLAINT, or nothing
  signal        text        check (signal in ('NEGATIVE', 'POSITIVE', 'COMPLAINT')),
  primary key (workspace_id, event_id)
);
create index journey_event_by_name on journey_event (workspace_id, name, occurred_at) include (customer_id);
create index journey_event_by_customer on journey_event (workspace_id, customer_id, occurred_at);
-- the pain-point map and strict funnels read a period of everything
create index journey_event_by_time on journey_event (workspace_id, occurred_at);
-- what is behind a pain point: the few events that say something about the experience
create index journey_event_signals on journey_event (workspace_id, touchpoint_id, stage, occurred_at)
  where signal is not null;

-- Where the customer's first event happened (the first touchpoint), for breakdowns.
alter table journey_state add column first_touchpoint_id uuid;

-- Funnels a workspace saved: ordered steps (events or stages), a conversion window and an order mode.
create table journey_funnel (
  workspace_id uuid        not null references workspace (id),
  id           uuid        not null,
  name         text        not null check (length(name) between 1 and 120),
  definition   jsonb       not null,
  created_by   uuid,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  primary key (workspace_id, id)
);

-- Histories stored before this log existed reach it through one more replay of every customer.
update journey_rederivation set after_customer = null, done = 0, finished_at = null, started_at = now(),
  total = (select count(*) from customer c where c.workspace_id = journey_rederivation.workspace_id and c.merged_into is null);
insert into journey_rederivation (workspace_id, rules_version, total, started_at)
select w.id, coalesce((select r.version from journey_rules r where r.workspace_id = w.id), 1),
       (select count(*) from customer c where c.workspace_id = w.id and c.merged_into is null), now()
from workspace w
where exists (select 1 from customer c where c.workspace_id = w.id)
  and not exists (select 1 from journey_rederivation r where r.workspace_id = w.id);

-- What stored events reveal about identities, written in the same transaction as the events and
-- taken in bulk by the customers module (FOR UPDATE SKIP LOCKED, so several nodes can share the
-- work). Durable: a crash between storing and resolving loses nothing.
create table identity_observation (
  workspace_id uuid        not null,
  id           bigint      generated always as identity,
  type         text        not null,
  anonymous_id text,
  user_id      text,
  previous_id  text,
  traits       text,
  occurred_at  timestamptz not null,
  primary key (workspace_id, id)
);
create index identity_observation_order on identity_observation (id);

-- Messages of a batch that could not be stored, with the reasons, kept for the event debugger
-- instead of failing their valid neighbours (tracking libraries never retry a 4xx). Kept a few
-- days only: they can hold personal data.
create table collection_rejection (
  workspace_id uuid        not null,
  id           uuid        not null,
  api_key_id   uuid,
  received_at  timestamptz not null,
  endpoint     text        not null check (length(endpoint) between 1 and 40),
  message_id   text,
  message      text        not null,
  truncated    boolean     not null default false,
  problems     jsonb       not null,
  primary key (workspace_id, received_at, id)
);
create index collection_rejection_by_key on collection_rejection (workspace_id, api_key_id, received_at);
create index collection_rejection_age on collection_rejection (received_at);

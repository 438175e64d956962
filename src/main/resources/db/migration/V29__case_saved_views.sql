-- An agent's saved queue views: a name and the queue's filters, theirs alone.
create table case_saved_view (
  workspace_id uuid        not null references workspace (id),
  id           uuid        not null,
  owner_id     uuid        not null,
  name         text        not null check (length(name) between 1 and 60),
  filters      text        not null check (length(filters) <= 500),
  created_at   timestamptz not null,
  primary key (workspace_id, id),
  unique (workspace_id, owner_id, name)
);

-- CSV imports of offline touchpoints (customers, orders, interactions) and their row errors.
create table import_job (
  workspace_id   uuid        not null references workspace (id),
  id             uuid        not null,
  kind           text        not null check (kind in ('CUSTOMERS', 'ORDERS', 'INTERACTIONS')),
  file_name      text        not null,
  status         text        not null check (status in ('UPLOADED', 'RUNNING', 'DONE', 'FAILED')),
  mapping        jsonb,
  touchpoint_id  uuid,
  total_rows     bigint      not null default 0,
  processed_rows bigint      not null default 0,
  imported_rows  bigint      not null default 0,
  skipped_rows   bigint      not null default 0,
  failure        text,
  created_at     timestamptz not null default now(),
  finished_at    timestamptz,
  primary key (workspace_id, id)
);

create table import_row_error (
  workspace_id uuid   not null,
  job_id       uuid   not null,
  row_number   bigint not null,
  column_name  text   not null,
  reason       text   not null,
  primary key (workspace_id, job_id, row_number, column_name),
  foreign key (workspace_id, job_id) references import_job (workspace_id, id)
);

-- Durable jobs (db-scheduler): one row per task instance; whichever node picks a due row first
-- runs it, the others see its version moved on. This is the library's own layout.
create table scheduled_tasks (
  task_name            text        not null,
  task_instance        text        not null,
  task_data            bytea,
  execution_time       timestamptz,
  picked               boolean     not null,
  picked_by            text,
  last_success         timestamptz,
  last_failure         timestamptz,
  consecutive_failures integer,
  last_heartbeat       timestamptz,
  version              bigint      not null,
  priority             smallint,
  state                text,
  primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority on scheduled_tasks (priority desc, execution_time asc);

-- What an agent promised the customer ("Rückruf bis Freitag 12 Uhr"): due when, kept when; a
-- promise not kept by its due time is overdue from then on, kept late or not at all.
create table case_promise (
  workspace_id  uuid        not null,
  case_id       uuid        not null,
  id            uuid        not null,
  what          text        not null check (length(what) between 1 and 500),
  due_at        timestamptz not null,
  made_by       uuid,
  made_by_name  text,
  department    text        not null,
  made_at       timestamptz not null,
  kept_at       timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, case_id) references support_case (workspace_id, id)
);
create index case_promise_by_case on case_promise (workspace_id, case_id, due_at);
create index case_promise_by_due on case_promise (workspace_id, due_at);

-- Every warning, breach, reminder and update the deadline sweep raised, once per case and
-- occasion: the primary key is what makes a sweep repeated after a crash, or run on two nodes,
-- raise nothing twice.
create table case_alarm (
  workspace_id uuid        not null,
  case_id      uuid        not null,
  occasion     text        not null,
  due_at       timestamptz not null,
  raised_at    timestamptz not null,
  primary key (workspace_id, case_id, occasion),
  foreign key (workspace_id, case_id) references support_case (workspace_id, id)
);

-- The sweep reads only cases whose next alarm is due, across workspaces; last_update_at is when
-- the customer last heard from us (the silence rule counts from it); escalations raise a case in
-- the queue.
alter table support_case
  add column next_alarm     timestamptz,
  add column last_update_at timestamptz,
  add column escalations    integer not null default 0;
create index support_case_alarms on support_case (next_alarm) where next_alarm is not null;

alter table case_entry drop constraint case_entry_kind_check;
alter table case_entry add constraint case_entry_kind_check
  check (kind in ('OPENED', 'NOTE', 'STATUS', 'ASSIGNED', 'SEVERITY', 'CATEGORY', 'MESSAGE', 'PROMISE', 'ALERT',
                  'ESCALATED'));

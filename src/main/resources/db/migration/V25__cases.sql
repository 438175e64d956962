-- Complaint cases: one per complaint, low answer, agent's note of a problem or e-mail, with the
-- customer it is about, how bad it is and where it stands. A source event or response raises at
-- most one case (the unique index), so a message delivered twice opens nothing twice.
create table support_case (
  workspace_id   uuid        not null references workspace (id),
  id             uuid        not null,
  -- what agents and customers call it: #1, #2 … per workspace
  number         bigint      not null,
  customer_id    uuid        not null,
  subject        text        not null,
  category       text        not null,
  severity       text        not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  status         text        not null check (status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER',
                                                        'RESOLVED', 'CLOSED')),
  source         text        not null check (source in ('COMPLAINT', 'FEEDBACK', 'AGENT', 'EMAIL')),
  -- the event or response that raised it
  source_ref     text,
  touchpoint_id  uuid,
  department     text        not null,
  assignee_id    uuid,
  -- the assignee's name when assigned, so the queue needs no join across modules
  assignee_name  text,
  -- the earlier case of the same customer and category this one repeats
  repeat_of      uuid,
  opened_at      timestamptz not null,
  first_response_at timestamptz,
  resolved_at    timestamptz,
  closed_at      timestamptz,
  -- service times (docs/cases.md): when the first answer and the resolution are due, in working
  -- time; while the case waits for the customer its clock stops (paused_at), and the working time
  -- it waited moves the resolution due date
  first_response_due timestamptz,
  resolution_due timestamptz,
  paused_at      timestamptz,
  waited_seconds bigint      not null default 0,
  -- what is due next while open: the first answer, then the resolution; the queue sorts by it
  next_due       timestamptz,
  reopened       integer     not null default 0,
  updated_at     timestamptz not null,
  version        integer     not null default 0,
  primary key (workspace_id, id),
  unique (workspace_id, number),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id),
  foreign key (workspace_id, repeat_of) references support_case (workspace_id, id)
);
create unique index support_case_by_source on support_case (workspace_id, source, source_ref)
  where source_ref is not null;
create index support_case_queue on support_case (workspace_id, status, next_due);
create index support_case_by_customer on support_case (workspace_id, customer_id, category, opened_at);

-- What happened on a case, oldest first: opened, notes, status changes, assignments, severity,
-- category, and the messages sent to the customer.
create table case_entry (
  workspace_id uuid        not null,
  case_id      uuid        not null,
  id           uuid        not null,
  kind         text        not null check (kind in ('OPENED', 'NOTE', 'STATUS', 'ASSIGNED', 'SEVERITY', 'CATEGORY',
                                                  'MESSAGE')),
  body         text,
  from_value   text,
  to_value     text,
  author_id    uuid,
  author_name  text,
  at           timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, case_id) references support_case (workspace_id, id)
);
create index case_entry_by_case on case_entry (workspace_id, case_id, at, id);

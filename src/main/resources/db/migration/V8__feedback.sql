-- Feedback: surveys, the invitations that carry them to customers, and the responses.

-- A survey's questions, pages and texts are one JSON document (SurveyDefinition), validated
-- by the application: they are always read and written whole.
create table survey (
  workspace_id    uuid        not null references workspace (id),
  id              uuid        not null,
  -- the anonymous link /s/{public_key}; random, never derived from the id
  public_key      text        not null unique,
  name            text        not null check (length(name) between 1 and 120),
  status          text        not null check (status in ('DRAFT', 'ACTIVE', 'CLOSED')),
  default_language text       not null check (default_language in ('de', 'en')),
  touchpoint_id   uuid,
  lifecycle_stage text,
  definition      jsonb       not null,
  -- when and to whom the website widget shows the survey (WidgetSettings)
  widget          jsonb       not null,
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, touchpoint_id) references touchpoint (workspace_id, id)
);

-- The workspace's rules for inviting customers; one row per workspace, created on first use.
create table feedback_settings (
  workspace_id          uuid    not null primary key references workspace (id),
  invitation_gap_days   integer not null default 30 check (invitation_gap_days between 0 and 365),
  reminder_after_days   integer not null default 3 check (reminder_after_days between 0 and 60),
  link_valid_days       integer not null default 14 check (link_valid_days between 1 and 365),
  -- true: e-mail only to customers who said yes; false: to everyone who did not say no
  require_email_opt_in  boolean not null default true,
  -- personal links are HMAC(token_key, invitation id), so a reminder can repeat the first link
  token_key             bytea   not null
);

-- One invitation of one customer to one survey. Skipped invitations stay, with the reason.
create table survey_invitation (
  workspace_id  uuid        not null,
  id            uuid        not null,
  survey_id     uuid        not null,
  customer_id   uuid,
  channel       text        not null check (channel in ('LINK', 'EMAIL')),
  status        text        not null check (status in ('SCHEDULED', 'SENT', 'ANSWERED', 'SKIPPED')),
  skip_reason   text,
  token_hash    text        unique,
  language      text        not null check (language in ('de', 'en')),
  email         text,
  created_at    timestamptz not null,
  due_at        timestamptz not null,
  sent_at       timestamptz,
  reminded_at   timestamptz,
  expires_at    timestamptz,
  answered_at   timestamptz,
  trigger_id    uuid,
  primary key (workspace_id, id),
  foreign key (workspace_id, survey_id) references survey (workspace_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);
-- Secondary indexes lead with the survey or customer id, not the workspace id: a look-up by
-- primary key (workspace_id, id) must never be tempted into scanning a whole workspace by an
-- index that shares the first column, as generic plans on fresh tables otherwise are.
create index survey_invitation_by_customer on survey_invitation (customer_id, due_at)
  where status in ('SCHEDULED', 'SENT', 'ANSWERED');
create index survey_invitation_due on survey_invitation (due_at) where status = 'SCHEDULED';
create index survey_invitation_to_remind on survey_invitation (sent_at) where status = 'SENT' and channel = 'EMAIL' and reminded_at is null;
create index survey_invitation_by_survey on survey_invitation (survey_id, created_at desc);

-- A response is created with its first answered page; completed_at marks the last page.
create table survey_response (
  workspace_id    uuid        not null,
  id              uuid        not null,
  survey_id       uuid        not null,
  invitation_id   uuid        unique,
  customer_id     uuid,
  anonymous_id    text,
  touchpoint_id   uuid,
  lifecycle_stage text,
  language        text        not null,
  channel         text        not null check (channel in ('LINK', 'PERSONAL_LINK', 'EMAIL', 'WIDGET')),
  pages_done      integer     not null default 0,
  started_at      timestamptz not null,
  updated_at      timestamptz not null,
  completed_at    timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, survey_id) references survey (workspace_id, id)
);
create index survey_response_by_survey on survey_response (survey_id, started_at);

-- One answer per question: a scale value (and, for expectation-vs-experience, the importance),
-- chosen options, or text.
create table survey_answer (
  workspace_id uuid    not null,
  response_id  uuid    not null,
  question_id  text    not null,
  value        integer,
  importance   integer,
  choices      text[],
  text         text    check (length(text) <= 5000),
  primary key (workspace_id, response_id, question_id),
  foreign key (workspace_id, response_id) references survey_response (workspace_id, id) on delete cascade
);

-- "N days after event X, for customers matching Y, send survey Z". The watermark is the
-- position (receive time, event id) up to which events have been turned into scheduled invitations.
create table survey_trigger (
  workspace_id  uuid        not null,
  id            uuid        not null,
  survey_id     uuid        not null,
  event_name    text        not null check (length(event_name) between 1 and 200),
  delay_days    integer     not null check (delay_days between 0 and 365),
  trait_name    text,
  trait_value   text,
  active        boolean     not null default true,
  watermark     timestamptz not null,
  watermark_event uuid      not null default '00000000-0000-0000-0000-000000000000',
  created_at    timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, survey_id) references survey (workspace_id, id)
);

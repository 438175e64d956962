-- A workspace's service levels: its working week and hours, whose public holidays count, when
-- a customer who heard nothing gets an update, and the first-response and resolution times per
-- severity. Without a row the installation's defaults apply.
create table case_settings (
  workspace_id   uuid    not null primary key references workspace (id),
  country        text    not null,
  region         text,
  day_start      time    not null,
  day_end        time    not null,
  working_days   text    not null,
  silence_days   integer not null check (silence_days between 1 and 30),
  -- {"CRITICAL": [first response minutes, resolution days], …}
  targets        jsonb   not null,
  updated_at     timestamptz not null
);

-- The update interval is per severity, like the other service times: each severity's pair in
-- targets gets the workspace's silence as its third value. And a workspace may give a case not
-- resolved in time to a lead of its department.
update case_settings set targets = coalesce(
  (select jsonb_object_agg(key, value || to_jsonb(silence_days)) from jsonb_each(targets)), '{}'::jsonb);
alter table case_settings drop column silence_days;
alter table case_settings add column reassign_on_breach boolean not null default false;

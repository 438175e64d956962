-- A write key sits in every web page that uses it, so it is public unless an admin keeps it on a
-- server and says so. Only server-side keys (and OpenCXM itself: imports, staff, the demo) may
-- set e-mail, phone and consent, and so tie profiles together by e-mail. Every existing key
-- starts out public.
alter table api_key add column server_side boolean not null default false;

-- Which key sent an event and whether its identity claims count; queued observations from before
-- this change are treated as public.
alter table event add column api_key_id uuid;
alter table identity_observation add column api_key_id uuid;
alter table identity_observation add column trusted boolean not null default false;

-- Every consent change keeps the key it came through (null: a person, an import, OpenCXM itself).
alter table customer_consent add column api_key_id uuid;

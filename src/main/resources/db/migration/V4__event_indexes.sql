-- The timeline needs events by user and by anonymous id; time-range rollups will get their own
-- structures with the analytics module. Every index costs on each of the many inserts.
drop index event_by_time;

-- A write key's default touchpoint belongs to the touchpoint registry, which depends on the
-- platform's keys, not the other way round: the reference moves out of api_key.
create table write_key_touchpoint (
  workspace_id  uuid not null,
  api_key_id    uuid not null,
  touchpoint_id uuid not null,
  primary key (workspace_id, api_key_id),
  foreign key (workspace_id, api_key_id) references api_key (workspace_id, id),
  foreign key (workspace_id, touchpoint_id) references touchpoint (workspace_id, id)
);

insert into write_key_touchpoint (workspace_id, api_key_id, touchpoint_id)
select workspace_id, id, touchpoint_id from api_key where touchpoint_id is not null;

alter table api_key drop constraint api_key_touchpoint;
alter table api_key drop column touchpoint_id;

-- The encoding an upload was found to have, so that preview and import read it the same way.
-- Files uploaded before were read as UTF-8.
alter table import_job
  add column encoding text not null default 'UTF-8' check (encoding in ('UTF-8', 'windows-1252'));

-- A workspace's own wording of the letters cases send customers, per part and language, with
-- named placeholders ({number}, {due} …). A part without a row reads as OpenCXM words it.
create table case_letter_text (
  workspace_id uuid        not null references workspace (id),
  part         text        not null,
  language     text        not null check (language in ('de', 'en')),
  text         text        not null,
  updated_at   timestamptz not null,
  primary key (workspace_id, part, language)
);

-- What respondents see of the company on survey pages: its colour and logo. The logo is kept
-- here rather than linked from elsewhere, so survey pages load nothing from other servers.
create table survey_branding (
  workspace_id uuid        primary key references workspace (id),
  colour       text        check (colour ~ '^#[0-9a-f]{6}$'),
  logo         bytea       check (octet_length(logo) <= 262144),
  logo_type    text        check (logo_type in ('image/png', 'image/jpeg')),
  updated_at   timestamptz not null,
  check ((logo is null) = (logo_type is null))
);

-- How a workspace files and raises cases: its categories (key, German and English name, the words
-- that file a complaint under it, retired ones kept for the cases filed under them), the highest
-- answer per scale that opens a case, and per survey a threshold of its own or none at all.
-- Without a row the built-in categories and thresholds apply.
create table case_intake (
  workspace_id  uuid        not null primary key references workspace (id),
  -- [{"key": "delivery", "german": null, "english": null, "words": ["versand"], "retired": false}, …]
  categories    jsonb       not null,
  -- {"NPS": 6, "CSAT": 2, "CES": 3, "STARS": 2}
  thresholds    jsonb       not null,
  -- {"<survey id>": 4, "<survey id>": null (opens none)}
  surveys       jsonb       not null,
  updated_at    timestamptz not null
);

-- What a complaint or a negative response said (its comment or description, the first 500
-- characters), kept beside the event so that the pain-point map's evidence shows the words
-- behind a cell without reading the raw events. Only events with a signal carry one.
alter table journey_event add column note text;

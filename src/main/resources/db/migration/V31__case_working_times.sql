-- How long the first answer and the resolution took in working time (the workspace's calendar
-- when it happened, without the time the case waited for the customer), so the figures take
-- medians without a calendar in SQL. Cases answered or resolved before this column existed have
-- none and count in the shares, not in the medians.
alter table support_case add column first_response_worked bigint;
alter table support_case add column resolution_worked bigint;
create index support_case_by_opening on support_case (workspace_id, opened_at);

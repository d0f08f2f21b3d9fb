-- Fact-check words go straight into the GIN index instead of its pending list. A freshly imported library
-- (10,389 CheckThat! fact-checks) left some 300 pages pending until autovacuum came round; every matching
-- query then scanned them linearly (22 ms of a 26 ms candidate search) and the planner, seeing the index
-- that dear, read the whole table instead. A library is read by every match and written in rare feeds.
alter index factcheck_search_idx set (fastupdate = off);
select gin_clean_pending_list('factcheck_search_idx'::regclass);

-- GIN's fast update parks new entries in an unsorted pending list that every search reads in full until
-- vacuum merges it. The matching job searches the fact-check library and the claims once per claim of an
-- import, while the import writes claims faster than autovacuum comes by: in bench:import the library's
-- 10k rows all sat in the pending list (331 pages read per search) and the claims' list held 8k entries.
-- The library changes rarely, so its rows go straight into the tree; claims keep fast update (inserting
-- each claim's words into the tree one by one would slow extraction) with a list small enough to read.
alter index factcheck_search_idx set (fastupdate = off);
select gin_clean_pending_list('factcheck_search_idx'::regclass);
alter index claim_search_idx set (gin_pending_list_limit = 128);

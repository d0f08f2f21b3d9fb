-- GIN's fast update parks new entries in an unsorted pending list that every search reads in full until
-- vacuum merges it. The matching job searches the claims once per claim of an import, while the import
-- writes claims faster than autovacuum comes by: in bench:import the claims' list held 8k entries.
-- Claims keep fast update (inserting each claim's words into the tree one by one would slow extraction) with
-- a list small enough to read. (The fact-check library's index has no pending list at all: 000014.)
alter index claim_search_idx set (gin_pending_list_limit = 128);

-- Articles' words waited in the GIN index's pending list (fast update) that every search reads in full until
-- a vacuum merges it, and autovacuum comes by only after a fifth of the table is new (the list flushes itself
-- at 4 MB). In bench:api, 40,000 articles left 295 pending pages: 11 ms of a search's 16 ms in Postgres went
-- to scanning them, for a word no article held. Like the claims' index (000015), a list small enough to read.
alter index article_search_idx set (gin_pending_list_limit = 128);
select gin_clean_pending_list('article_search_idx'::regclass);

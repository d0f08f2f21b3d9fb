-- The speaker lookups of every extraction batch, kept off whole-table scans on a table never analysed (this
-- machine's Postgres runs with autovacuum off). The batch asked for live speakers sharing a key; the planner,
-- with no statistics, took `merged_into is null` for rare and read the listing index's every entry instead of
-- this GIN index (both partial on it): all speakers, dead versions too, once per batch of 25 articles. The
-- lookup now searches this index alone (src/speakers/resolve-repository.ts), so it must not be partial, and it
-- has no pending list: every batch searches it, and a list is read in full by each search until vacuum merges it.
create index speaker_match_keys_any_idx on speaker using gin (match_keys) with (fastupdate = off);
drop index speaker_match_keys_idx;

-- Every batch that quotes a speaker rewrites its row (count, first and last seen, aliases). Room left on each
-- page lets a rewrite that changes no indexed column (the aliases unchanged) stay on its page as a HOT update:
-- no new entry in the speaker's five indexes, and the old version pruned without a vacuum.
alter table speaker set (fillfactor = 70);

-- An import's articles get their words (article_search, 000017) one statement at a time instead of one row at a
-- time, and the words' GIN index takes them in merges of 100 articles instead of ~20. In bench:import-writes the row
-- trigger was 1.25 ms of the ~1.4 ms of Postgres CPU an imported article's insert cost: the tsvectors about half, the
-- GIN index a quarter, nearly all of that quarter merging the pending list (000016). A merge costs about one descent
-- of the tree per distinct word in the list, and the 128 kB list held some twenty articles' words, so a common word
-- went in once per twenty articles; in a merge of a hundred it goes in once per hundred.
--
-- Searches read the whole pending list, which is why 000016 keeps it small; that limit now comes from the writing
-- functions instead of the index, so an import's statement may grow the list past it by one chunk of articles,
-- which it merges at once. Only these functions write article_search.
alter index article_search_search_idx reset (gin_pending_list_limit);

-- A title or body changed by an update: one row at a time as before (000017), with the list as small as before.
alter function article_search_write() set gin_pending_list_limit = 128;

-- New articles, a statement's at once: the same words as article_search_write. A statement of at least `chunk`
-- articles (an import's, up to 500) lets the list grow while it inserts `chunk` of them and merges it after each
-- chunk, when the role may (the index's owner, as for VACUUM; see also src/matching/batch.ts); a smaller one (the
-- API's single article) leaves its entries in a list as small as before, merged by a later insert or by vacuum.
-- The chunk bounds what a search running beside an import reads: 100 articles' words are ~100 list pages (~0.8 MB),
-- against 16 before and ~500 for a whole 500-article statement.
create function article_search_add() returns trigger language plpgsql
  set gin_pending_list_limit = 128 as $$
declare
  chunk constant int := 100;
  n constant int := (select count(*) from added);
  merge constant boolean := n >= chunk
    and pg_has_role(current_user, (select relowner from pg_class where oid = 'article_search_search_idx'::regclass), 'usage');
begin
  if merge then
    perform set_config('gin_pending_list_limit', '64MB', true);
  end if;
  for part in 0 .. case when merge then (n - 1) / chunk else 0 end loop
    insert into article_search (article_id, search, search_lead)
    select a.id, t.title || setweight(to_tsvector('english', left(a.body, 20000)), 'B'),
           t.title || setweight(to_tsvector('english', left(a.body, 800)), 'B')
      from (select id, title, body from added order by id offset part * chunk limit case when merge then chunk end) a,
           lateral (select setweight(to_tsvector('english', coalesce(a.title, '')), 'A') as title offset 0) t;
    if merge then
      perform gin_clean_pending_list('article_search_search_idx'::regclass);
    end if;
  end loop;
  return null;
end $$;

drop trigger article_search_on_insert on article;
create trigger article_search_on_insert after insert on article referencing new table as added
  for each statement execute function article_search_add();

-- The body is compressed when stored (TOAST, over 2 kB): pglz's compressing was 8–9 % of an imported article's
-- insert. lz4 compresses several times faster and decompresses faster for snippets; PolNeAR bodies take 0.5 % more
-- room. Only new values: rows already stored keep pglz and read as before. The words stay as they were: pglz leaves
-- a tsvector uncompressed where lz4 compresses some (bench:search's), and every search that filters articles by
-- their words then decompressed them (common words 15 → 17 ms p50).
alter table article alter column body set compression lz4;

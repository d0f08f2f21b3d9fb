-- An article's words move out of its row into `article_search`, written once when the article is stored.
-- As stored generated columns of `article` they were recomputed, re-TOASTed and re-entered in the GIN index
-- (every word of the body) on each of the pipeline's updates of the row: the lease, `extracted`,
-- `matched_at`. Those updates change indexed columns, so none could be a HOT update that skips the indexes.
create table article_search (
  article_id uuid primary key references article (id) on delete cascade,
  search tsvector not null,
  search_lead tsvector not null
);
insert into article_search (article_id, search, search_lead) select id, search, search_lead from article;
alter table article drop column search, drop column search_lead;

-- What decides a match (the whole body, as before) and what ranks articles (title and lead, see 000008).
create index article_search_search_idx on article_search using gin (search) with (gin_pending_list_limit = 128);
alter table article_search alter column search set statistics 1000;

-- Kept right by every write path, as the generated columns were: on insert, and when the title or body changes.
create function article_search_write() returns trigger language plpgsql as $$
begin
  insert into article_search (article_id, search, search_lead) values (
    new.id,
    setweight(to_tsvector('english', coalesce(new.title, '')), 'A') || setweight(to_tsvector('english', left(new.body, 20000)), 'B'),
    setweight(to_tsvector('english', coalesce(new.title, '')), 'A') || setweight(to_tsvector('english', left(new.body, 800)), 'B')
  )
  on conflict (article_id) do update set search = excluded.search, search_lead = excluded.search_lead;
  return null;
end $$;
create trigger article_search_on_insert after insert on article for each row execute function article_search_write();
create trigger article_search_on_update after update of title, body on article for each row
  when (old.title is distinct from new.title or old.body is distinct from new.body)
  execute function article_search_write();

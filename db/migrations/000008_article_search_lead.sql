-- Ranking articles by their whole body means reading every matching body's tsvector out of TOAST: a
-- common word made one search read 80,000 pages (bench:search). Articles are ranked by their title and
-- lead instead (small enough to stay inline), while `search` and its GIN index still decide what matches.
alter table article add column search_lead tsvector generated always as (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', left(body, 800)), 'B')
) stored;

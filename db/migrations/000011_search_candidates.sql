-- Search ranks only the newest matches of each kind (CANDIDATES in src/search/repository.ts). For a common
-- word these indexes hand them over newest first, reading a few pages instead of every matching row; with
-- a filter, the index leading with the filtered column does the same. Publication dates and publishers
-- find their articles (and those articles' claims) without testing every match.
create index article_created_at_idx on article (created_at, id);
create index article_published_idx on article ((coalesce(published_at, created_at)), id);
create index article_publisher_published_idx on article (publisher, (coalesce(published_at, created_at)));
create index factcheck_created_at_idx on factcheck (created_at, id);
create index claim_verdict_idx on claim (verdict, created_at, id) where verdict is not null;
-- Whether a word (or a prefix*) is common enough for the newest-first read is the planner's guess from
-- the most common lexemes it keeps; with the default hundred it took a prefix matching 5 % of claims for
-- one matching 0.6 % and read them all. Ten times more lexemes, at the price of a longer ANALYZE.
alter table claim alter column search set statistics 1000;
alter table article alter column search set statistics 1000;
alter table factcheck alter column search set statistics 1000;

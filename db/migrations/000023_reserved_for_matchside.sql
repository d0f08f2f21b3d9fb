-- Placeholder on branch importpg only: number 000023 belongs to branch matchside's migration (the matching
-- search's side table), and postgres-migrations wants consecutive numbers. Drop this file when merging that one.
select 1;

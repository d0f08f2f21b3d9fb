-- The job that extracts an article when that is not its own ArticleExtract job: imports extract their
-- articles in batches (ArticleExtractBatch). Kept in Postgres so the reconciler can tell an article still
-- waiting in its batch from one whose job Redis lost.
alter table article add column extract_job text;

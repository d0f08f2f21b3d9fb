-- The fact-check library (ClaimReviews published by others, imported as feeds) and full-text search
-- columns shared by matching and search. A claim reviewed in claimtrack is a fact-check too; it stays in
-- `claim` and is found there, so `factcheck` holds only what came from outside.
create extension if not exists pg_trgm;

create table factcheck (
  id uuid primary key default gen_random_uuid(),
  -- ClaimReview `url`: the fact-check's own address; a feed imported twice stores each fact-check once.
  url text not null,
  claim_reviewed text not null,
  -- reviewRating as published, and mapped onto claimtrack's verdict scale when the mapping is clear.
  rating_value numeric,
  rating_best numeric,
  rating_worst numeric,
  rating_name text,
  verdict text,
  -- `author`: the fact-checking organisation; `itemReviewed.author`: who made the claim.
  author_org text,
  claimant text,
  claim_date timestamptz,
  appearance_url text,
  title text,
  published_at timestamptz,
  raw jsonb not null default '{}',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('english', claim_reviewed), 'A') || setweight(to_tsvector('english', coalesce(title, '')), 'B')
  ) stored,
  constraint factcheck_url_key unique (url),
  constraint factcheck_created_by_fkey foreign key (created_by) references api_key (id),
  constraint factcheck_verdict_check check (verdict in ('true', 'mostly_true', 'mixed', 'mostly_false', 'false', 'misleading', 'unverifiable'))
);
create index factcheck_search_idx on factcheck using gin (search);
create index factcheck_published_at_idx on factcheck (published_at, id);

-- Claims and articles searchable by words; generated, so every write path keeps them right.
alter table claim add column search tsvector generated always as (to_tsvector('english', text)) stored;
create index claim_search_idx on claim using gin (search);

alter table article add column search tsvector generated always as (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', left(body, 20000)), 'B')
) stored;
create index article_search_idx on article using gin (search);

-- Bulk imports: one row per feed sent, its first line errors, and the articles it created.

create table import (
  id uuid primary key default gen_random_uuid(),
  -- The same feed sent twice with the same Idempotency-Key returns the first import.
  idempotency_key text,
  key_id uuid,
  status text not null default 'receiving',
  -- Lines seen; each is exactly one of duplicate, invalid or queued (a new article).
  received integer not null default 0,
  duplicate integer not null default 0,
  invalid integer not null default 0,
  queued integer not null default 0,
  started_at timestamptz not null default now(),
  received_at timestamptz,
  finished_at timestamptz,
  constraint import_status_check check (status in ('receiving', 'processing', 'finished')),
  constraint import_idempotency_key_key unique (idempotency_key),
  constraint import_key_id_fkey foreign key (key_id) references api_key (id)
);

-- Only the first 100 problems of an import are kept: enough to fix a feed, bounded for a broken one.
create table import_error (
  import_id uuid not null,
  line integer not null,
  problem text not null,
  constraint import_error_pkey primary key (import_id, line),
  constraint import_error_import_id_fkey foreign key (import_id) references import (id) on delete cascade
);

-- The import that created an article; extracted/failed/claim counts are computed live from these rows.
alter table article add column import_id uuid;
alter table article add constraint article_import_id_fkey foreign key (import_id) references import (id) on delete set null;
create index article_import_id_idx on article (import_id, status) where import_id is not null;

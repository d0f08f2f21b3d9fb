-- Articles as received, claims as extracted, API keys (hashed) and the append-only claim history.

create table article (
  id uuid primary key default gen_random_uuid(),
  url text,
  title text,
  body text not null,
  publisher text,
  author text,
  published_at timestamptz,
  content_hash text not null,
  status text not null default 'queued',
  error text,
  attempts integer not null default 0,
  -- While a worker holds an article in 'processing', nobody else takes it until the lease runs out.
  lease_until timestamptz,
  claim_count integer not null default 0,
  extractor_version text,
  request_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  extracted_at timestamptz,
  constraint article_status_check check (status in ('queued', 'processing', 'extracted', 'failed')),
  constraint article_content_hash_key unique (content_hash)
);
create unique index article_url_key on article (url) where url is not null;
create index article_status_idx on article (status, updated_at) where status in ('queued', 'processing', 'failed');

create table claim (
  id uuid primary key default gen_random_uuid(),
  article_id uuid not null,
  -- Stable identity across re-extraction: article + speaker + normalised content.
  claim_key text not null,
  position integer not null,
  text text not null,
  kind text not null,
  cue text,
  speaker_mention text,
  speaker_name text,
  speaker_type text not null,
  speaker_anonymous boolean not null,
  speaker_title text,
  speaker_affiliation text,
  via text[] not null default '{}',
  hedges text[] not null default '{}',
  checkworthy real not null,
  confidence real not null,
  content_spans jsonb not null,
  source_spans jsonb not null,
  cue_spans jsonb not null,
  extractor_name text not null,
  extractor_version text not null,
  status text not null default 'unreviewed',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint claim_article_id_fkey foreign key (article_id) references article (id) on delete cascade,
  constraint claim_article_id_claim_key_key unique (article_id, claim_key),
  constraint claim_kind_check check (kind in ('direct', 'indirect', 'mixed', 'hedged'))
);
create index claim_listing_idx on claim (created_at, id);
create index claim_status_idx on claim (status, created_at, id);
create index claim_speaker_type_idx on claim (speaker_type, created_at, id);

create table api_key (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  role text not null,
  -- sha256 of the whole key: keys are 256-bit random, so a fast hash is enough and lookups stay O(1).
  key_hash text not null,
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  constraint api_key_role_check check (role in ('admin', 'editor', 'reviewer', 'importer')),
  constraint api_key_key_hash_key unique (key_hash)
);

create table claim_event (
  id bigserial primary key,
  claim_id uuid not null,
  type text not null,
  from_status text,
  to_status text,
  actor_key_id uuid,
  actor_name text,
  actor_role text,
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  constraint claim_event_claim_id_fkey foreign key (claim_id) references claim (id) on delete cascade,
  constraint claim_event_actor_key_id_fkey foreign key (actor_key_id) references api_key (id)
);
create index claim_event_claim_id_idx on claim_event (claim_id, id);

-- History is append-only: the database itself refuses edits and deletes of events.
create function claim_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'claim_event is append-only';
end $$;
create trigger claim_event_no_update before update or delete on claim_event
  for each row when (pg_trigger_depth() = 0) execute function claim_event_append_only();

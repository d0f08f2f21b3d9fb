-- The speaker registry: speakers resolved across articles become records; claims point at them.
-- Merges, splits and renames are append-only speaker_event rows, each carrying what is needed to undo it.

-- array_to_string is only stable (in general, element output may depend on settings); for text[] it is not.
create function speaker_search_text(name text, aliases text[], affiliation text) returns text
  language sql immutable parallel safe as $$ select name || ' ' || array_to_string(aliases, ' ') || ' ' || coalesce(affiliation, '') $$;

create table speaker (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  type text not null,
  title text,
  affiliation text,
  -- Other names seen or given to this speaker (a rename keeps the old name here).
  aliases text[] not null default '{}',
  -- Normalised names the resolver matches mentions by (src/speakers/identity.ts): across articles only full
  -- names, organisations, or a single name together with its title or affiliation, never a surname alone.
  match_keys text[] not null default '{}',
  -- Set for speakers known only within one article (anonymous sources, a bare surname): never matched from
  -- another article.
  article_id uuid,
  merged_into uuid,
  first_seen timestamptz,
  last_seen timestamptz,
  claim_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    to_tsvector('simple', speaker_search_text(name, aliases, affiliation))
  ) stored,
  constraint speaker_type_check check (type in ('official', 'expert', 'source', 'person', 'organization', 'media')),
  constraint speaker_article_id_fkey foreign key (article_id) references article (id) on delete cascade,
  constraint speaker_merged_into_fkey foreign key (merged_into) references speaker (id)
);
create index speaker_match_keys_idx on speaker using gin (match_keys) where merged_into is null;
create index speaker_article_id_idx on speaker (article_id) where article_id is not null;
create index speaker_search_idx on speaker using gin (search);
create index speaker_listing_idx on speaker (name, id) where merged_into is null;

alter table claim add column speaker_id uuid,
  add constraint claim_speaker_id_fkey foreign key (speaker_id) references speaker (id);
create index claim_speaker_id_idx on claim (speaker_id, created_at, id) where speaker_id is not null;

-- When the speakers of an article's current extraction were resolved; the reconciler looks for
-- extracted articles without it (Redis lost the SpeakerResolve job).
alter table article add column speakers_resolved_at timestamptz;
create index article_speakers_pending_idx on article (extracted_at) where status = 'extracted' and speakers_resolved_at is null;

create table speaker_event (
  id bigserial primary key,
  speaker_id uuid not null,
  type text not null,
  -- merge: { other_id, claim_ids }, split: { new_id, claim_ids, restored }, rename: { from, to }.
  data jsonb not null default '{}',
  actor_key_id uuid,
  actor_name text,
  actor_role text,
  created_at timestamptz not null default now(),
  constraint speaker_event_type_check check (type in ('merge', 'split', 'rename')),
  constraint speaker_event_speaker_id_fkey foreign key (speaker_id) references speaker (id) on delete cascade,
  constraint speaker_event_actor_key_id_fkey foreign key (actor_key_id) references api_key (id)
);
create index speaker_event_speaker_id_idx on speaker_event (speaker_id, id);

create function speaker_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'speaker_event is append-only';
end $$;
create trigger speaker_event_no_update before update or delete on speaker_event
  for each row when (pg_trigger_depth() = 0) execute function speaker_event_append_only();

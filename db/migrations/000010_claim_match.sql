-- Matching: links from a claim to a fact-check or to an earlier claim, found by the matcher or a person.
-- The row holds the link's current state; every confirm, reject and unlink is a claim_event row.

create table claim_match (
  id uuid primary key default gen_random_uuid(),
  claim_id uuid not null,
  factcheck_id uuid,
  target_claim_id uuid,
  state text not null,
  -- The matcher's calibrated probability when the link was proposed, and the model that gave it.
  score real not null,
  model_version text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint claim_match_claim_id_fkey foreign key (claim_id) references claim (id) on delete cascade,
  constraint claim_match_factcheck_id_fkey foreign key (factcheck_id) references factcheck (id) on delete cascade,
  constraint claim_match_target_claim_id_fkey foreign key (target_claim_id) references claim (id) on delete cascade,
  constraint claim_match_state_check check (state in ('suggested', 'auto', 'confirmed', 'rejected')),
  constraint claim_match_one_target_check check ((factcheck_id is null) <> (target_claim_id is null))
);
-- One row per pair, ever: a rejected suggestion keeps its row, so the matcher cannot propose it again.
create unique index claim_match_pair_key on claim_match (claim_id, (coalesce(factcheck_id, target_claim_id)));
create index claim_match_factcheck_idx on claim_match (factcheck_id) where factcheck_id is not null;
create index claim_match_target_claim_idx on claim_match (target_claim_id) where target_claim_id is not null;

-- Claims joined by confirmed or automatic links (directly or through a shared fact-check) share a group.
alter table claim add column group_id uuid;
create index claim_group_id_idx on claim (group_id) where group_id is not null;

-- When the matcher last ran over the article's claims; the reconciler re-enqueues extracted articles without it.
alter table article add column matched_at timestamptz;
create index article_unmatched_idx on article (extracted_at) where status = 'extracted' and matched_at is null;

-- The verification workflow: the claim row holds the current review state (history lives in claim_event),
-- and webhooks with one delivery row per event and subscriber.

alter table claim
  add column priority text,
  add column flag_reason text,
  add column flagged_at timestamptz,
  add column assignee_key_id uuid,
  add column assignee_name text,
  add column verdict text,
  add column verdict_note text,
  add column verdict_at timestamptz,
  add column verdict_event_id bigint,
  -- Where a superseded claim stood, so it can come back if a later extraction finds it again.
  add column status_before_superseded text,
  add constraint claim_priority_check check (priority in ('low', 'normal', 'high', 'urgent')),
  add constraint claim_verdict_check check (verdict in ('true', 'mostly_true', 'mixed', 'mostly_false', 'false', 'misleading', 'unverifiable')),
  add constraint claim_status_check check (status in ('unreviewed', 'flagged', 'in_review', 'reviewed', 'dismissed', 'superseded'));

create index claim_review_queue_idx on claim (status, priority, checkworthy, flagged_at) where status in ('flagged', 'in_review');
create index claim_verdict_at_idx on claim (verdict_at, id) where verdict_at is not null;

create table webhook (
  id uuid primary key default gen_random_uuid(),
  url text not null,
  -- Needed in clear to sign deliveries; never returned by the API after creation.
  secret text not null,
  active boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now(),
  constraint webhook_created_by_fkey foreign key (created_by) references api_key (id)
);

create table webhook_delivery (
  id uuid primary key default gen_random_uuid(),
  webhook_id uuid not null,
  claim_event_id bigint not null,
  event_type text not null,
  payload jsonb not null,
  status text not null default 'pending',
  attempts integer not null default 0,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  delivered_at timestamptz,
  constraint webhook_delivery_status_check check (status in ('pending', 'delivered', 'failed')),
  constraint webhook_delivery_webhook_id_fkey foreign key (webhook_id) references webhook (id) on delete cascade,
  constraint webhook_delivery_claim_event_id_fkey foreign key (claim_event_id) references claim_event (id) on delete cascade,
  constraint webhook_delivery_webhook_id_claim_event_id_key unique (webhook_id, claim_event_id)
);
create index webhook_delivery_pending_idx on webhook_delivery (created_at) where status = 'pending';

-- Imports that stop receiving (client gone, process killed, body too large) end `failed` (nothing read)
-- or `partial` (what was read is kept), and can be resumed with the same Idempotency-Key, which is now
-- scoped to the API key that sent it.

alter table import drop constraint import_status_check;
alter table import add constraint import_status_check
  check (status in ('receiving', 'processing', 'finished', 'failed', 'partial'));

alter table import drop constraint import_idempotency_key_key;
alter table import add constraint import_key_id_idempotency_key_key unique (key_id, idempotency_key);

alter table import
  -- Why it stopped receiving, for `failed` and `partial`.
  add column failure text,
  -- Touched while a request is reading the feed; a `receiving` import whose heartbeat is old lost its request.
  add column heartbeat_at timestamptz not null default now(),
  -- sha256 of the whole feed once read: the same key with another feed is refused (422).
  add column body_hash text,
  -- The last line committed, and the sha256 of the feed up to and including it: a resumed request
  -- skips those lines after checking that they are the same.
  add column resume_line integer not null default 0,
  add column resume_hash text;

create index import_receiving_idx on import (heartbeat_at) where status = 'receiving';

-- The fact-check library's version, for what remembers answers computed from it: matching keeps a claim
-- text's ranked fact-checks per process (src/matching/factcheck-memo.ts) and forgets them when the library
-- changes. Every statement that writes `factcheck` appends a row here in its own transaction, so the row
-- count, read in any later snapshot, has moved exactly when a committed change to the library is visible.
-- Append-only (never delete from it), so concurrent feeds never wait on each other for it, as a counter row
-- would make them (and two feeds of several statements could then deadlock). A statement that changes no
-- row (a feed imported again) counts too: the memo is forgotten once more than needed, which is harmless.
create table factcheck_change (
  at timestamptz not null default now()
);

create function factcheck_change_record() returns trigger language plpgsql as $$
begin
  insert into factcheck_change default values;
  return null;
end $$;

create trigger factcheck_change_record after insert or update or delete or truncate on factcheck
  for each statement execute function factcheck_change_record();

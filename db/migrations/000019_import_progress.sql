-- An import's progress (extracted, failed, pending, claims) without reading its articles. Counting the article
-- rows cost every poll of GET /v1/imports/:id and every SSE tick a scan of all the import's row versions (about
-- six per article on this machine's Postgres, autovacuum off): ~100 ms at 10,000 articles, polled every second,
-- so the cost grew as N². Each statement that changes an imported article's status or claim count now appends
-- the change per import here, in its own transaction, so the sums are exact whenever its articles are; readers
-- add up a few hundred rows. Append-only, so concurrent extraction batches never wait on each other for it (a
-- counter on the import row would serialise their commits and could deadlock with their speaker updates).
create table import_progress (
  import_id uuid not null,
  extracted integer not null,
  failed integer not null,
  pending integer not null,
  claims bigint not null
);
-- No foreign key: deleting an import sets its articles' import_id to null, which this trigger records too.
create index import_progress_import_id_idx on import_progress (import_id);

create function import_progress_record() returns trigger language plpgsql as $$
begin
  -- Each branch names only the transition tables its event has (plpgsql plans a statement when it first runs).
  if tg_op = 'INSERT' then
    insert into import_progress (import_id, extracted, failed, pending, claims)
    select import_id, sum(extracted), sum(failed), sum(pending), sum(claims)
      from (select import_id, (status = 'extracted')::int as extracted, (status = 'failed')::int as failed,
                   (status in ('queued', 'processing'))::int as pending,
                   case when status = 'extracted' then claim_count else 0 end as claims
              from new_rows where import_id is not null) d
     group by import_id;
  elsif tg_op = 'DELETE' then
    insert into import_progress (import_id, extracted, failed, pending, claims)
    select import_id, -sum(extracted), -sum(failed), -sum(pending), -sum(claims)
      from (select import_id, (status = 'extracted')::int as extracted, (status = 'failed')::int as failed,
                   (status in ('queued', 'processing'))::int as pending,
                   case when status = 'extracted' then claim_count else 0 end as claims
              from old_rows where import_id is not null) d
     group by import_id;
  else
    -- New minus old, per import; a statement that changes none of the four (a lease, matched_at) adds no row.
    insert into import_progress (import_id, extracted, failed, pending, claims)
    select import_id, sum(extracted), sum(failed), sum(pending), sum(claims)
      from (select import_id, (status = 'extracted')::int as extracted, (status = 'failed')::int as failed,
                   (status in ('queued', 'processing'))::int as pending,
                   case when status = 'extracted' then claim_count else 0 end as claims
              from new_rows where import_id is not null
            union all
            select import_id, -(status = 'extracted')::int, -(status = 'failed')::int,
                   -(status in ('queued', 'processing'))::int,
                   case when status = 'extracted' then -claim_count else 0 end
              from old_rows where import_id is not null) d
     group by import_id
    having sum(extracted) <> 0 or sum(failed) <> 0 or sum(pending) <> 0 or sum(claims) <> 0;
  end if;
  return null;
end
$$;

create trigger article_import_progress_insert after insert on article
  referencing new table as new_rows for each statement execute function import_progress_record();
create trigger article_import_progress_update after update on article
  referencing old table as old_rows new table as new_rows for each statement execute function import_progress_record();
create trigger article_import_progress_delete after delete on article
  referencing old table as old_rows for each statement execute function import_progress_record();

-- The imports already there start from their rows' counts.
insert into import_progress (import_id, extracted, failed, pending, claims)
select import_id, count(*) filter (where status = 'extracted'), count(*) filter (where status = 'failed'),
       count(*) filter (where status in ('queued', 'processing')),
       coalesce(sum(claim_count) filter (where status = 'extracted'), 0)
  from article where import_id is not null group by import_id;

-- The verdict a claim carries over its confirmed or automatic links, as listings show it (claimJson in
-- src/claims/present-sql.ts) and single claims too (linkedVerdicts in src/matching/targets.ts): a linked
-- fact-check's verdict first (the claim's own links, then its group's), else the most recent verdict given in
-- claimtrack to another claim of its group. Suggestions carry nothing until a person confirms them. One branch
-- per way in, so each can use its index (claim_match by claim_id, claim by group_id). Null when there is none.
--
-- A function rather than a sub-select written into each listing: Postgres sets up a statement's whole plan on
-- every execution, sub-selects included, even when no row needs them. This lookup's plan (three branches,
-- seven scans) cost ~40 µs of Postgres CPU on every page read (a page of an article's claims: ~185 → ~145 µs),
-- although listings run it only for claims in a group (rare: every link puts both ends in one). PL/pgSQL plans
-- its query at the first call in a session and keeps the plan; a page without such claims never calls it.
-- STABLE, so it reads with the snapshot of the statement that calls it.
create function claim_linked_verdict(for_claim uuid, in_group uuid) returns claim_json_linked_verdict
language plpgsql stable as $$
begin
  return (
    select row(v.verdict, v.source, v.id, v.url)::claim_json_linked_verdict from (
      select f.verdict, 'factcheck' as source, f.id, f.url, 0 as pref, f.published_at as at
        from claim_match m join factcheck f on f.id = m.factcheck_id
       where m.claim_id = for_claim and m.state in ('auto', 'confirmed') and f.verdict is not null
      union all
      select f.verdict, 'factcheck', f.id, f.url, 0, f.published_at
        from claim g join claim_match m on m.claim_id = g.id join factcheck f on f.id = m.factcheck_id
       where in_group is not null and g.group_id = in_group and g.id <> for_claim
         and m.state in ('auto', 'confirmed') and f.verdict is not null
      union all
      select o.verdict, 'claim', o.id, null, 1, o.verdict_at
        from claim o
       where in_group is not null and o.group_id = in_group and o.id <> for_claim
         and o.status = 'reviewed' and o.verdict is not null
      order by pref, at desc nulls last, id
      limit 1
    ) v
  );
end $$;

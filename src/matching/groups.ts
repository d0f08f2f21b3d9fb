import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool';
import type { MatchRow } from './repository';

/**
 * Recomputes the groups around the given claims: claims joined by confirmed or automatic links, to each
 * other or to one fact-check, share a group id. Every member of the groups they were in is looked at
 * again, so an unlink that splits a group gives the split-off part its own id. A group keeps the
 * smallest id its members already had (ids stay stable as groups grow). Serialised by an advisory lock,
 * since two links made at once may join the same groups.
 */
export async function regroup(db: Queryable, claimIds: string[]): Promise<void> {
  if (!claimIds.length) return;
  await db.query(`select pg_advisory_xact_lock(hashtext('claimtrack.claim_group'))`);
  const { rows: affected } = await db.query<{ id: string }>(
    `select id from claim where id = any($1::uuid[])
     union select id from claim where group_id in (select group_id from claim where id = any($1::uuid[]))
     order by id`,
    [claimIds],
  );
  const seen = new Set<string>();
  const used = new Set<string>();
  for (const { id: start } of affected) {
    if (seen.has(start)) continue;
    const component = await componentOf(db, start);
    for (const c of component.claims) seen.add(c.id);
    let group: string | null = null;
    if (component.linked) {
      const kept = component.claims.map((r) => r.group_id).filter((g): g is string => !!g && !used.has(g));
      group = kept.sort()[0] ?? randomUUID();
      used.add(group);
    }
    await db.query('update claim set group_id = $2 where id = any($1::uuid[]) and group_id is distinct from $2', [
      component.claims.map((c) => c.id),
      group,
    ]);
  }
}

/**
 * The claims reachable from one claim over confirmed and automatic links (through shared fact-checks
 * too), walked breadth first with indexed lookups; `linked` when the claim has any such link.
 */
async function componentOf(db: Queryable, start: string) {
  const claims = new Set([start]);
  const factchecks = new Set<string>();
  let frontier = { claims: [start], factchecks: [] as string[] };
  let linked = false;
  while (frontier.claims.length || frontier.factchecks.length) {
    const { rows } = await db.query<{ claim_id: string; target_claim_id: string | null; factcheck_id: string | null }>(
      `select claim_id, target_claim_id, factcheck_id from claim_match
        where state in ('auto', 'confirmed')
          and (claim_id = any($1::uuid[]) or target_claim_id = any($1::uuid[]) or factcheck_id = any($2::uuid[]))`,
      [frontier.claims, frontier.factchecks],
    );
    linked ||= rows.length > 0;
    const next = { claims: [] as string[], factchecks: [] as string[] };
    for (const r of rows) {
      for (const c of [r.claim_id, r.target_claim_id]) {
        if (c && !claims.has(c)) {
          claims.add(c);
          next.claims.push(c);
        }
      }
      if (r.factcheck_id && !factchecks.has(r.factcheck_id)) {
        factchecks.add(r.factcheck_id);
        next.factchecks.push(r.factcheck_id);
      }
    }
    frontier = next;
  }
  const { rows } = await db.query<{ id: string; group_id: string | null }>(
    'select id, group_id from claim where id = any($1::uuid[])',
    [[...claims]],
  );
  return { claims: rows, linked };
}

/**
 * New confirmed or automatic links only ever join groups, so they need no walk: each link's claim takes
 * its target's group (a target claim's, or that of any claim already linked to the target fact-check),
 * groups that meet merge into the smallest id, and loners draw a new one. All the links of a matching run
 * are joined at once (two queries under the lock, not a few per link): the lock serialises every
 * matching transaction, and one held across a hundred round trips kept the other workers waiting.
 */
export async function joinGroups(
  db: Queryable,
  links: Pick<MatchRow, 'claim_id' | 'factcheck_id' | 'target_claim_id'>[],
) {
  if (!links.length) return;
  await db.query(`select pg_advisory_xact_lock(hashtext('claimtrack.claim_group'))`);
  const claimIds = [
    ...new Set(links.flatMap((l) => (l.target_claim_id ? [l.claim_id, l.target_claim_id] : [l.claim_id]))),
  ];
  const factcheckIds = [...new Set(links.flatMap((l) => (l.factcheck_id ? [l.factcheck_id] : [])))];
  // Every claim linked to a fact-check is in one group already, so any one of them names it. Each linked
  // claim's group is read by its primary key: as a join, a planner that took grouped claims for rare (a
  // table analysed before its claims were grouped) scanned all of them per link, 18 ms a matching run.
  const { rows } = await db.query<{ node: string; group_id: string | null }>(
    `select 'c' || id as node, group_id from claim where id = any($1::uuid[])
     union all
     select distinct on (l.factcheck_id) 'f' || l.factcheck_id, l.group_id
       from (select m.factcheck_id, (select c.group_id from claim c where c.id = m.claim_id) as group_id
               from claim_match m where m.factcheck_id = any($2::uuid[]) and m.state in ('auto', 'confirmed')) l
      where l.group_id is not null`,
    [claimIds, factcheckIds],
  );
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const l of links) union(`c${l.claim_id}`, l.factcheck_id ? `f${l.factcheck_id}` : `c${l.target_claim_id}`);
  const existing = new Map<string, string[]>();
  for (const r of rows) if (r.group_id) existing.set(find(r.node), [...(existing.get(find(r.node)) ?? []), r.group_id]);
  const chosen = new Map<string, string>();
  const merged: { from: string; to: string }[] = [];
  for (const id of claimIds) {
    const root = find(`c${id}`);
    if (chosen.has(root)) continue;
    const groups = [...new Set(existing.get(root) ?? [])].sort();
    const group = groups[0] ?? randomUUID();
    chosen.set(root, group);
    for (const g of groups.slice(1)) merged.push({ from: g, to: group });
  }
  const ids = claimIds.map((id) => chosen.get(find(`c${id}`))!);
  await db.query(
    `update claim c set group_id = v.group_id from unnest($1::uuid[], $2::uuid[]) as v(id, group_id)
      where c.id = v.id and c.group_id is distinct from v.group_id`,
    [claimIds, ids],
  );
  if (!merged.length) return;
  await db.query(
    `update claim c set group_id = v.group_id from unnest($1::uuid[], $2::uuid[]) as v(old, group_id)
      where c.group_id = v.old`,
    [merged.map((m) => m.from), merged.map((m) => m.to)],
  );
}

import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool';

export interface MatchRow {
  id: string;
  claim_id: string;
  factcheck_id: string | null;
  target_claim_id: string | null;
  state: 'suggested' | 'auto' | 'confirmed' | 'rejected';
  score: number;
  model_version: string;
  created_at: Date;
  updated_at: Date;
}

export interface NewMatch {
  claim_id: string;
  factcheck_id: string | null;
  target_claim_id: string | null;
  state: 'suggested' | 'auto';
  score: number;
}

/**
 * One statement for all links a matching run proposes. A pair seen before (in any state, rejected
 * included) is left as it is, so a repeated job writes nothing and a rejection is final.
 */
export async function insertMatches(db: Queryable, matches: NewMatch[], modelVersion: string): Promise<MatchRow[]> {
  if (!matches.length) return [];
  const { rows } = await db.query<MatchRow>(
    `insert into claim_match (claim_id, factcheck_id, target_claim_id, state, score, model_version)
     select r.claim_id, r.factcheck_id, r.target_claim_id, r.state, r.score, $2
       from jsonb_to_recordset($1::jsonb) as r(claim_id uuid, factcheck_id uuid, target_claim_id uuid, state text, score real)
     on conflict (claim_id, (coalesce(factcheck_id, target_claim_id))) do nothing
     returning *`,
    [JSON.stringify(matches), modelVersion],
  );
  return rows;
}

export async function lockMatch(db: Queryable, claimId: string, matchId: string): Promise<MatchRow | undefined> {
  const { rows } = await db.query<MatchRow>(
    'select * from claim_match where id = $1 and (claim_id = $2 or target_claim_id = $2) for update',
    [matchId, claimId],
  );
  return rows[0];
}

export async function setMatchState(db: Queryable, id: string, state: MatchRow['state']): Promise<MatchRow> {
  const { rows } = await db.query<MatchRow>(
    'update claim_match set state = $2, updated_at = now() where id = $1 returning *',
    [id, state],
  );
  return rows[0]!;
}

export async function matchesOfClaim(db: Queryable, claimId: string): Promise<MatchRow[]> {
  const { rows } = await db.query<MatchRow>(
    `select * from claim_match where claim_id = $1 or target_claim_id = $1
      order by case state when 'confirmed' then 0 when 'auto' then 1 when 'suggested' then 2 else 3 end, score desc, id`,
    [claimId],
  );
  return rows;
}

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
 * A new confirmed or automatic link only ever joins groups, so it needs no walk: the claim takes the
 * target's group (a target claim's, or that of any claim already linked to the target fact-check), two
 * groups merge into the smaller id, and two loners draw a new one. Unlinks use `regroup`.
 */
export async function joinGroup(db: Queryable, link: Pick<MatchRow, 'claim_id' | 'factcheck_id' | 'target_claim_id'>) {
  await db.query(`select pg_advisory_xact_lock(hashtext('claimtrack.claim_group'))`);
  const { rows } = await db.query<{ mine: string | null; theirs: string | null }>(
    `select (select group_id from claim where id = $1) as mine,
            coalesce((select group_id from claim where id = $2),
                     (select c.group_id from claim_match m join claim c on c.id = m.claim_id
                       where m.factcheck_id = $3 and m.state in ('auto', 'confirmed') and c.group_id is not null
                         and c.id <> $1 limit 1)) as theirs`,
    [link.claim_id, link.target_claim_id, link.factcheck_id],
  );
  const { mine, theirs } = rows[0]!;
  const group = [mine, theirs].filter((g): g is string => !!g).sort()[0] ?? randomUUID();
  const members = [link.claim_id, ...(link.target_claim_id ? [link.target_claim_id] : [])];
  await db.query(
    `update claim set group_id = $1
      where (id = any($2::uuid[]) or group_id = any($3::uuid[])) and group_id is distinct from $1`,
    [group, members, [mine, theirs].filter((g): g is string => !!g && g !== group)],
  );
}

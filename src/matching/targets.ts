import type { z } from 'zod';
import type { Queryable } from '../db/pool';
import type { MatchTarget } from './schema';

export type Target = z.infer<typeof MatchTarget>;

/** What a link points at, as the API shows it, for many ids in two queries. */
export async function loadTargets(db: Queryable, factcheckIds: string[], claimIds: string[]) {
  const out = new Map<string, Target>();
  if (factcheckIds.length) {
    // Its twins (twins.ts) with it: a link or a result names one fact-check of the group, the others go with it.
    const { rows } = await db.query(
      `select f.id, f.url, f.claim_reviewed, f.verdict, f.rating_name, f.author_org, f.claimant, f.published_at,
              coalesce((select json_agg(json_build_object('id', t.id, 'url', t.url) order by t.seq)
                          from factcheck t where t.twin_key = f.twin_key and t.id <> f.id), '[]') as duplicates
         from factcheck f where f.id = any($1::uuid[])`,
      [factcheckIds],
    );
    for (const r of rows)
      out.set(r.id, { type: 'factcheck', ...r, published_at: r.published_at?.toISOString() ?? null } as Target);
  }
  if (claimIds.length) {
    const { rows } = await db.query(
      `select c.id, c.text, c.article_id, a.title as article_title, c.speaker_name, c.status, c.verdict
         from claim c join article a on a.id = c.article_id where c.id = any($1::uuid[])`,
      [claimIds],
    );
    for (const r of rows) out.set(r.id, { type: 'claim', ...r } as Target);
  }
  return out;
}

export interface LinkedVerdict {
  verdict: string;
  source: 'factcheck' | 'claim';
  id: string;
  url: string | null;
}

/**
 * The verdict claim `c` carries over its confirmed or automatic links, as the body of a lateral subquery
 * over a relation `c` with the claim's `id` and `group_id`: a linked fact-check's verdict first (its own
 * links, then its group's), else the most recent verdict given in claimtrack to another claim of its
 * group. Suggestions carry nothing until a person confirms them. One branch per way in, so each can use
 * its index (claim_match by claim_id, claim by group_id).
 */
export const linkedVerdictOf = (c: string) => `
         select f.verdict, 'factcheck' as source, f.id, f.url, 0 as pref, f.published_at as at
           from claim_match m join factcheck f on f.id = m.factcheck_id
          where m.claim_id = ${c}.id and m.state in ('auto', 'confirmed') and f.verdict is not null
         union all
         select f.verdict, 'factcheck', f.id, f.url, 0, f.published_at
           from claim g join claim_match m on m.claim_id = g.id join factcheck f on f.id = m.factcheck_id
          where ${c}.group_id is not null and g.group_id = ${c}.group_id and g.id <> ${c}.id
            and m.state in ('auto', 'confirmed') and f.verdict is not null
         union all
         select o.verdict, 'claim', o.id, null, 1, o.verdict_at
           from claim o
          where ${c}.group_id is not null and o.group_id = ${c}.group_id and o.id <> ${c}.id
            and o.status = 'reviewed' and o.verdict is not null
         order by pref, at desc nulls last, id
         limit 1`;

/** `linkedVerdictOf` for many claims at once, by id. */
export async function linkedVerdicts(db: Queryable, claimIds: string[]): Promise<Map<string, LinkedVerdict>> {
  const out = new Map<string, LinkedVerdict>();
  if (!claimIds.length) return out;
  // Named: it runs with every claim shown, and planning it costs more than running it.
  const { rows } = await db.query<LinkedVerdict & { claim_id: string }>({
    name: 'claim-linked-verdicts',
    text: `select c.id as claim_id, v.verdict, v.source, v.id, v.url
             from claim c join lateral (${linkedVerdictOf('c')}) v on true
            where c.id = any($1::uuid[])`,
    values: [claimIds],
  });
  for (const r of rows) out.set(r.claim_id, { verdict: r.verdict, source: r.source, id: r.id, url: r.url });
  return out;
}

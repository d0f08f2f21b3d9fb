import type { z } from 'zod';
import type { Queryable } from '../db/pool';
import type { MatchTarget } from './schema';

export type Target = z.infer<typeof MatchTarget>;

/** What a link points at, as the API shows it, for many ids in two queries. */
export async function loadTargets(db: Queryable, factcheckIds: string[], claimIds: string[]) {
  const out = new Map<string, Target>();
  if (factcheckIds.length) {
    const { rows } = await db.query(
      `select id, url, claim_reviewed, verdict, rating_name, author_org, claimant, published_at
         from factcheck where id = any($1::uuid[])`,
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
 * The verdict each claim carries over its confirmed or automatic links: a linked fact-check's verdict
 * first, else the most recent verdict given in claimtrack to another claim of its group. Suggestions
 * carry nothing until a person confirms them.
 */
export async function linkedVerdicts(db: Queryable, claimIds: string[]): Promise<Map<string, LinkedVerdict>> {
  const out = new Map<string, LinkedVerdict>();
  if (!claimIds.length) return out;
  const { rows } = await db.query<LinkedVerdict & { claim_id: string }>(
    `select distinct on (c.id) c.id as claim_id, v.verdict, v.source, v.id, v.url
       from claim c
       join lateral (
         select f.verdict, 'factcheck' as source, f.id, f.url, 0 as pref, f.published_at as at
           from claim_match m join claim g on g.id = m.claim_id join factcheck f on f.id = m.factcheck_id
          where m.state in ('auto', 'confirmed') and f.verdict is not null
            and (m.claim_id = c.id or (c.group_id is not null and g.group_id = c.group_id))
         union all
         select o.verdict, 'claim', o.id, null, 1, o.verdict_at
           from claim o
          where c.group_id is not null and o.group_id = c.group_id and o.id <> c.id
            and o.status = 'reviewed' and o.verdict is not null
       ) v on true
      where c.id = any($1::uuid[])
      order by c.id, v.pref, v.at desc nulls last, v.id`,
    [claimIds],
  );
  for (const r of rows) out.set(r.claim_id, { verdict: r.verdict, source: r.source, id: r.id, url: r.url });
  return out;
}

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
 * The verdict each of these claims carries over its confirmed or automatic links (claim_linked_verdict, migration
 * 000023: a linked fact-check's first, else the most recent one given to another claim of its group), by id.
 */
export async function linkedVerdicts(db: Queryable, claimIds: string[]): Promise<Map<string, LinkedVerdict>> {
  const out = new Map<string, LinkedVerdict>();
  if (!claimIds.length) return out;
  // Named: it runs with every claim shown (the function keeps its own plan per session).
  const { rows } = await db.query<LinkedVerdict & { claim_id: string }>({
    name: 'claim-linked-verdicts',
    text: `select c.id as claim_id, v.verdict, v.source, v.id, v.url
             from claim c cross join lateral claim_linked_verdict(c.id, c.group_id) v
            where c.id = any($1::uuid[]) and v.verdict is not null`,
    values: [claimIds],
  });
  for (const r of rows) out.set(r.claim_id, { verdict: r.verdict, source: r.source, id: r.id, url: r.url });
  return out;
}

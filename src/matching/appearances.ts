import type { Queryable } from '../db/pool';
import type { Appearances } from '../reviews/claimreview';

/**
 * The article URLs where a claim's group appeared, in order of appearance, for the ClaimReview export's
 * `appearance` and `firstAppearance`; null when the claim is in no group.
 */
export async function appearancesOf(db: Queryable, claimId: string): Promise<Appearances | null> {
  const { rows } = await db.query<{ url: string | null }>(
    `select a.url from claim c join article a on a.id = c.article_id
      where c.group_id = (select group_id from claim where id = $1)
      order by coalesce(a.published_at, a.created_at), c.created_at, c.id`,
    [claimId],
  );
  if (!rows.length) return null;
  const urls = [...new Set(rows.map((r) => r.url).filter((u): u is string => !!u))];
  return { urls, first: urls[0] ?? null };
}

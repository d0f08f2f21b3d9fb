import type { Deps } from '../deps';
import { jobIds } from '../jobs';

/**
 * After an extraction commits: one ClaimMatch job for one article, one ClaimMatchBatch for a batch, with
 * deterministic ids. Best effort: if Redis is away the articles stay unmatched in Postgres (matched_at is
 * null) and the reconciler enqueues them; with MATCHING=off nothing is enqueued.
 */
export async function enqueueMatching(deps: Deps, articleIds: string[], requestId?: string): Promise<void> {
  if (deps.config.MATCHING === 'off' || !articleIds.length) return;
  try {
    if (articleIds.length === 1) {
      const articleId = articleIds[0]!;
      await deps.producer.enqueue('ClaimMatch', { articleId, requestId }, jobIds.claimMatch(articleId));
    } else {
      await deps.producer.enqueue('ClaimMatchBatch', { articleIds, requestId }, jobIds.claimMatchBatch(articleIds[0]!));
    }
  } catch (err) {
    deps.log.warn(
      { err: (err as Error).message, articles: articleIds.length },
      'matching enqueue failed; the reconciler will retry',
    );
  }
}

/** The reconciler's share: extracted articles never matched (a lost job, a killed worker) get a job again. */
export async function enqueueUnmatched(deps: Deps, olderThanSeconds: number, limit: number): Promise<number> {
  if (deps.config.MATCHING === 'off') return 0;
  const { rows } = await deps.db.query<{ id: string }>(
    `select id from article where status = 'extracted' and matched_at is null
        and extracted_at < now() - make_interval(secs => $1) order by extracted_at limit $2`,
    [olderThanSeconds, limit],
  );
  if (!rows.length) return 0;
  await deps.producer.enqueueBulk(
    'ClaimMatch',
    rows.map((r) => ({ payload: { articleId: r.id }, jobId: jobIds.claimMatch(r.id) })),
  );
  return rows.length;
}

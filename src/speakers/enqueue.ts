import type { Deps } from '../deps';
import { jobIds } from '../jobs';
import { findUnresolvedArticles } from './resolve-repository';

const PER_JOB = 25;

/**
 * The hook after an extraction commit: the articles' speakers are resolved by their own job. Best effort:
 * if Redis is down the articles stay without `speakers_resolved_at` and the reconciler enqueues them.
 */
export async function enqueueSpeakerResolution(deps: Pick<Deps, 'producer' | 'log'>, articleIds: string[]) {
  const jobs = [];
  for (let i = 0; i < articleIds.length; i += PER_JOB) {
    const ids = articleIds.slice(i, i + PER_JOB);
    jobs.push({ payload: { articleIds: ids }, jobId: jobIds.speakerResolve(ids[0]!) });
  }
  try {
    await deps.producer.enqueueBulk('SpeakerResolve', jobs);
  } catch (err) {
    deps.log.warn(
      { err: (err as Error).message, count: articleIds.length },
      'speaker resolution not enqueued; the reconciler will',
    );
  }
}

/**
 * The reconciler's part: extracted articles left unresolved for a while (their job lost with Redis) are
 * enqueued again. Job ids are deterministic, so a pass while the same jobs wait adds nothing.
 */
export async function reconcileSpeakerResolution(deps: Pick<Deps, 'db' | 'producer' | 'log'>): Promise<number> {
  const ids = await findUnresolvedArticles(deps.db, 60, 5000);
  if (ids.length) await enqueueSpeakerResolution(deps, ids);
  return ids.length;
}

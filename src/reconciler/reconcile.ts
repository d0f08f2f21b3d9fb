import { enqueueExtraction } from '../articles/service';
import type { Deps } from '../deps';
import { jobIds } from '../jobs';
import { enqueueUnmatched } from '../matching/enqueue';
import { enqueuePendingDeliveries } from '../webhooks/service';
import { findStrandedArticles, type StrandedArticle } from './repository';

export const SCHEDULER_ID = 'reconcile';
/** A queued article younger than this is left to the enqueue that follows its insert. */
const QUEUED_FOR_SECONDS = 5;
const PER_PASS = 20_000;
/** Long enough for a busy import's matching jobs to run; a duplicate job would be harmless, only wasted. */
const UNMATCHED_FOR_SECONDS = 120;
const CHUNK = 1000;

/**
 * Rebuilds the queue from Postgres: every stranded article is enqueued again. Job ids are deterministic,
 * so an article whose job is still in Redis (waiting, delayed or active) is not added twice, and the
 * extraction itself is idempotent, so a pass racing a worker costs nothing but a skipped job.
 */
export async function reconcileOnce(deps: Deps): Promise<{ enqueued: number }> {
  const stranded = await findStrandedArticles(deps.db, QUEUED_FOR_SECONDS, PER_PASS);
  let enqueued = 0;
  for (let i = 0; i < stranded.length; i += CHUNK) {
    const missing = await withoutJob(deps, stranded.slice(i, i + CHUNK));
    if (!missing || !(await enqueueExtraction(deps, missing, 'reconcile'))) break;
    enqueued += missing.length;
  }
  if (enqueued) deps.log.info({ enqueued }, 'reconciler re-enqueued stranded articles');
  // Extracted articles whose matching job was lost (a killed worker, a flushed Redis) are matched again.
  await enqueueUnmatched(deps, UNMATCHED_FOR_SECONDS, PER_PASS).catch((err) =>
    deps.log.warn({ err: (err as Error).message }, 'unmatched articles not re-enqueued'),
  );
  // Webhook deliveries are rebuilt from Postgres the same way.
  await enqueuePendingDeliveries(deps).catch((err) =>
    deps.log.warn({ err: (err as Error).message }, 'pending webhook deliveries not re-enqueued'),
  );
  return { enqueued };
}

/**
 * A long backlog is `queued` in Postgres with its jobs waiting in Redis; one pipelined EXISTS per article
 * (its own job and, for an import's article, its batch job) finds the few whose job is really gone, far
 * cheaper than re-adding them all (undefined: Redis is down). Those are re-enqueued one by one.
 */
async function withoutJob(deps: Deps, articles: StrandedArticle[]): Promise<string[] | undefined> {
  const single = deps.producer.queue('ArticleExtract');
  const batch = deps.producer.queue('ArticleExtractBatch');
  const keys = articles.map((a) => [
    single.toKey(jobIds.articleExtract(a.id)),
    ...(a.extract_job ? [batch.toKey(a.extract_job)] : []),
  ]);
  const pipeline = deps.producer.redis.pipeline();
  for (const key of keys.flat()) pipeline.exists(key);
  try {
    const results = (await pipeline.exec()) ?? [];
    let at = 0;
    return articles
      .filter((_, i) => {
        const mine = results.slice(at, at + keys[i]!.length);
        at += keys[i]!.length;
        return mine.every((r) => r?.[1] === 0);
      })
      .map((a) => a.id);
  } catch (err) {
    deps.log.warn({ err: (err as Error).message }, 'reconciler cannot reach Redis; the next pass will retry');
    return undefined;
  }
}

/**
 * One pass now, then the repeatable Reconcile job (any worker of the cluster runs it) and, with `timer`,
 * a plain timer in this process too: a FLUSHALL deletes the job scheduler along with everything else,
 * and the timer does not depend on Redis remembering anything.
 */
export function startReconciler(deps: Deps, options: { timer: boolean }): { stop: () => void } {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await reconcileOnce(deps);
      if (options.timer) await scheduleReconcile(deps);
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'reconcile pass failed; the next one will retry');
    } finally {
      running = false;
    }
  };
  void pass();
  const timer = options.timer ? setInterval(pass, deps.config.RECONCILE_EVERY_SECONDS * 1000) : undefined;
  return { stop: () => clearInterval(timer) };
}

/** Idempotent: upserting the scheduler again after a flush recreates it, otherwise changes nothing. */
export async function scheduleReconcile(deps: Deps): Promise<void> {
  await deps.producer
    .queue('Reconcile')
    .upsertJobScheduler(
      SCHEDULER_ID,
      { every: deps.config.RECONCILE_EVERY_SECONDS * 1000 },
      { name: 'Reconcile', data: {} },
    );
}

import { markFailed } from '../articles/repository';
import { enqueueExtraction, enqueueExtractionBatches } from '../articles/service';
import type { Deps } from '../deps';
import { stopStalledImports } from '../imports/lifecycle';
import { reconcileSpeakerResolution } from '../speakers/enqueue';
import { enqueueUnmatched } from '../matching/enqueue';
import { enqueuePendingDeliveries } from '../webhooks/service';
import { withoutLiveJob } from './job-liveness';
import { findStrandedArticles, type StrandedArticle } from './repository';

export const SCHEDULER_ID = 'reconcile';
/** A queued article younger than this is left to the enqueue that follows its insert. */
const QUEUED_FOR_SECONDS = 5;
const PER_PASS = 20_000;
/** Long enough for a busy import's matching jobs to run; a duplicate job would be harmless, only wasted. */
const UNMATCHED_FOR_SECONDS = 120;
const CHUNK = 1000;

/**
 * Rebuilds the queue from Postgres: every article `queued` or `processing` without a live job in Redis
 * (job-liveness.ts) is enqueued again. Job ids are deterministic, so an article whose job is still in Redis
 * is not added twice, and the extraction itself is idempotent, so a pass racing a worker costs nothing
 * but a skipped job. An article leased this many times without finishing (every worker that took it was
 * lost) is failed instead, so no article can crash workers for ever.
 */
export async function reconcileOnce(deps: Deps): Promise<{ enqueued: number; failed: number }> {
  const stranded = await findStrandedArticles(deps.db, QUEUED_FOR_SECONDS, PER_PASS);
  const maxLeases = deps.config.EXTRACT_ATTEMPTS * 2;
  let enqueued = 0;
  let failed = 0;
  for (let i = 0; i < stranded.length; i += CHUNK) {
    const found = await withoutLiveJob(deps, stranded.slice(i, i + CHUNK));
    if (!found) break;
    for (const a of found.missing.filter((a) => a.attempts >= maxLeases)) {
      await markFailed(deps.db, a.id, `gave up after ${a.attempts} attempts: the extraction never finished`);
      failed++;
    }
    const again = found.missing.filter((a) => a.attempts < maxLeases);
    const single = deps.producer.queue('ArticleExtract');
    await Promise.all(found.parked.map((jobId) => single.remove(jobId).catch(() => 0)));
    if (!(await enqueueAgain(deps, again))) break;
    enqueued += again.length;
  }
  if (enqueued || failed) deps.log.info({ enqueued, failed }, 'reconciler re-enqueued stranded articles');
  // Extracted articles whose matching job was lost (a killed worker, a flushed Redis) are matched again.
  await enqueueUnmatched(deps, UNMATCHED_FOR_SECONDS, PER_PASS).catch((err) =>
    deps.log.warn({ err: (err as Error).message }, 'unmatched articles not re-enqueued'),
  );
  // Webhook deliveries are rebuilt from Postgres the same way.
  await enqueuePendingDeliveries(deps).catch((err) =>
    deps.log.warn({ err: (err as Error).message }, 'pending webhook deliveries not re-enqueued'),
  );
  // So are speaker resolutions whose job Redis lost.
  await reconcileSpeakerResolution(deps).catch((err) =>
    deps.log.warn({ err: (err as Error).message }, 'speaker resolutions not re-enqueued'),
  );
  // Uploads whose API process died mid-way are marked stopped even if nobody looks at them.
  await stopStalledImports(deps.db).then(
    (stopped) => stopped.length && deps.log.warn({ imports: stopped.map((i) => i.id) }, 'uploads stopped mid-way'),
    (err) => deps.log.warn({ err: (err as Error).message }, 'stalled uploads not checked'),
  );
  return { enqueued, failed };
}

/**
 * Articles an import's batch job never leased (Redis lost the job) go back into their batch, under the same
 * job id, so a flushed import recovers at the batch path's pace. Every other one (leased by a job that died,
 * or handed on after a failure) gets its own job, so one that kills whatever runs it cannot take its batch
 * with it. Single jobs first: those articles were in flight, ahead of the rest.
 */
async function enqueueAgain(deps: Deps, articles: StrandedArticle[]): Promise<boolean> {
  const batched = articles.filter((a) => a.extract_job && a.attempts === 0) as (StrandedArticle & {
    extract_job: string;
  })[];
  const single = articles.filter((a) => !(a.extract_job && a.attempts === 0)).map((a) => a.id);
  return (
    (await enqueueExtraction(deps, single, 'reconcile')) && (await enqueueExtractionBatches(deps, batched, 'reconcile'))
  );
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

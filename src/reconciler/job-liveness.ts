import type { Queue } from 'bullmq';
import type { Deps } from '../deps';
import { jobIds } from '../jobs';
import type { StrandedArticle } from './repository';

/**
 * Which articles have no live job in Redis. An article is owned by the job that leased it for as long as
 * that job lives: waiting, delayed, active, or back from a crashed worker as a stalled job. Gone (Redis
 * flushed, a batch job that failed for good) or parked in the failed set (it gave up while Postgres was
 * down) means nobody will finish the article, so the reconciler must enqueue it again at once, whatever
 * its lease says. Asked with pipelined EXISTS and ZSCORE: first the import batches' jobs, once per batch
 * job, then the own jobs of only the articles no live batch job holds. During a big import every pass (every
 * 10 s) finds thousands of articles still queued behind the workers; asking about each one's own job too
 * cost the workers and Redis about 60-120 ms of CPU per pass at 5,000 queued articles, growing with the
 * import. Returns undefined when Redis is down.
 */
export async function withoutLiveJob(
  deps: Deps,
  articles: StrandedArticle[],
): Promise<{ missing: StrandedArticle[]; parked: string[] } | undefined> {
  const single = deps.producer.queue('ArticleExtract');
  const batch = deps.producer.queue('ArticleExtractBatch');
  const batches = await jobStates(
    deps,
    articles.flatMap((a) => (a.extract_job ? [[batch, a.extract_job] as [Queue, string]] : [])),
  );
  if (!batches) return undefined;
  const unheld = articles.filter((a) => !(a.extract_job && batches.get(batch.toKey(a.extract_job))?.live));
  const own = await jobStates(
    deps,
    unheld.map((a) => [single, jobIds.articleExtract(a.id)]),
  );
  if (!own) return undefined;
  const missing: StrandedArticle[] = [];
  const parked: string[] = [];
  for (const a of unheld) {
    const id = jobIds.articleExtract(a.id);
    const state = own.get(single.toKey(id))!;
    // A failed job keeps its id taken: it is removed before the article is enqueued again.
    if (state.parked) parked.push(id);
    if (!state.live) missing.push(a);
  }
  return { missing, parked };
}

/** Each job's state by its key, asked once however many articles share it; undefined when Redis is down. */
async function jobStates(
  deps: Deps,
  jobs: [Queue, string][],
): Promise<Map<string, { live: boolean; parked: boolean }> | undefined> {
  const states = new Map<string, { live: boolean; parked: boolean }>();
  const asked: string[] = [];
  const pipeline = deps.producer.redis.pipeline();
  for (const [queue, id] of jobs) {
    const key = queue.toKey(id);
    if (states.has(key)) continue;
    states.set(key, { live: false, parked: false });
    asked.push(key);
    pipeline.exists(key).zscore(queue.toKey('failed'), id);
  }
  if (!asked.length) return states;
  let results: [Error | null, unknown][];
  try {
    results = (await pipeline.exec()) ?? [];
  } catch (err) {
    deps.log.warn({ err: (err as Error).message }, 'reconciler cannot reach Redis; the next pass will retry');
    return undefined;
  }
  asked.forEach((key, i) => {
    const exists = results[2 * i]?.[1] === 1;
    const failed = results[2 * i + 1]?.[1] != null;
    states.set(key, { live: exists && !failed, parked: exists && failed });
  });
  return states;
}

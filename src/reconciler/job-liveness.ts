import type { Queue } from 'bullmq';
import type { Deps } from '../deps';
import { jobIds } from '../jobs';
import type { StrandedArticle } from './repository';

/**
 * Which articles have no live job in Redis. An article is owned by the job that leased it for as long as
 * that job lives: waiting, delayed, active, or back from a crashed worker as a stalled job. Gone (Redis
 * flushed, a batch job that failed for good) or parked in the failed set (it gave up while Postgres was
 * down) means nobody will finish the article, so the reconciler must enqueue it again at once, whatever
 * its lease says. One pipelined EXISTS and ZSCORE per job (its own and, for an import's article, its
 * batch's; a batch's job asked once for all its articles). Returns undefined when Redis is down.
 */
export async function withoutLiveJob(
  deps: Deps,
  articles: StrandedArticle[],
): Promise<{ missing: StrandedArticle[]; parked: string[] } | undefined> {
  const single = deps.producer.queue('ArticleExtract');
  const batch = deps.producer.queue('ArticleExtractBatch');
  const jobsOf = (a: StrandedArticle): [Queue, string][] => [
    [single, jobIds.articleExtract(a.id)],
    ...(a.extract_job ? [[batch, a.extract_job] as [Queue, string]] : []),
  ];
  // Each job asked about once: the 25 articles of an import batch share its job, and during a big import
  // every pass (every 10 s) finds thousands of them still queued behind the workers.
  const asked = new Map<string, number>();
  const pipeline = deps.producer.redis.pipeline();
  for (const a of articles) {
    for (const [queue, id] of jobsOf(a)) {
      const key = queue.toKey(id);
      if (asked.has(key)) continue;
      asked.set(key, asked.size * 2);
      pipeline.exists(key).zscore(queue.toKey('failed'), id);
    }
  }
  let results: [Error | null, unknown][];
  try {
    results = (await pipeline.exec()) ?? [];
  } catch (err) {
    deps.log.warn({ err: (err as Error).message }, 'reconciler cannot reach Redis; the next pass will retry');
    return undefined;
  }
  const missing: StrandedArticle[] = [];
  const parked: string[] = [];
  for (const a of articles) {
    let live = false;
    for (const [queue, id] of jobsOf(a)) {
      const at = asked.get(queue.toKey(id))!;
      const exists = results[at]?.[1] === 1;
      const failed = results[at + 1]?.[1] != null;
      if (exists && !failed) live = true;
      // A failed job keeps its id taken: it is removed before the article is enqueued again.
      if (exists && failed && queue === single) parked.push(id);
    }
    if (!live) missing.push(a);
  }
  return { missing, parked };
}

import { writeFirstExtractions } from '../claims/repository';
import type { Db } from '../db/pool';
import { EXTRACTOR, type ExtractedClaim } from '../extraction';
import { jobIds } from '../jobs';
import type { Logger } from '../logger';
import type { JobProducer } from '../queue/producer';
import { counted, extractTimed, storeClaims } from './extract';
import { leaseArticles, markFailed } from './repository';

export interface BatchOutcome {
  extracted: number;
  /** Already extracted (a retried or duplicated job): nothing to do. */
  skipped: number;
  /** Handed on to their own ArticleExtract jobs, or marked failed when no attempt is left. */
  failed: number;
  claims: number;
}

/**
 * The ArticleExtractBatch use case: the articles of one import batch leased in one statement, extracted,
 * and written in one statement. Safe to run twice: a finished article is not leased again, and each
 * write is guarded as in `writeFirstExtraction`. Never all-or-nothing: an article the batch write cannot
 * store is written on its own, and one that still fails goes on as its own ArticleExtract job with the
 * retries and backoff of any single article (this pass counts as its first attempt).
 */
export async function extractArticleBatch(
  deps: { db: Db; log: Logger; producer: JobProducer },
  articleIds: string[],
  opts: { leaseSeconds: number; attempts: number },
): Promise<BatchOutcome> {
  const leased = await leaseArticles(deps.db, articleIds, EXTRACTOR.version, opts.leaseSeconds);
  const extracted: { articleId: string; claims: ExtractedClaim[] }[] = [];
  const failed: { articleId: string; error: string }[] = [];
  for (const { id, body } of leased) {
    try {
      extracted.push({ articleId: id, claims: extractTimed(body) });
    } catch (err) {
      failed.push({ articleId: id, error: message(err) });
    }
  }
  let written = new Set<string>();
  try {
    written = await writeFirstExtractions(deps.db, extracted, EXTRACTOR);
  } catch (err) {
    deps.log.warn({ err: message(err), articles: extracted.length }, 'batch write failed; writing articles one by one');
  }
  const outcome: BatchOutcome = { extracted: 0, skipped: articleIds.length - leased.length, failed: 0, claims: 0 };
  for (const e of extracted) {
    try {
      const stored = written.has(e.articleId)
        ? counted(e.articleId, e.claims)
        : await storeClaims(deps.db, e.articleId, e.claims);
      // A duplicate job may have finished the article between our lease and this write.
      if (stored.skipped) outcome.skipped++;
      else {
        outcome.extracted++;
        outcome.claims += stored.claims;
      }
    } catch (err) {
      failed.push({ articleId: e.articleId, error: message(err) });
    }
  }
  await handOn(deps, failed, opts.attempts);
  return { ...outcome, failed: failed.length };
}

/** Failed articles get their own jobs with the attempts left; with none left they are failed now. */
async function handOn(
  deps: { db: Db; producer: JobProducer },
  failed: { articleId: string; error: string }[],
  attempts: number,
): Promise<void> {
  if (!failed.length) return;
  if (attempts <= 1) {
    for (const f of failed) await markFailed(deps.db, f.articleId, f.error);
    return;
  }
  // If this throws (Redis down), the batch job is retried; its finished articles are skipped then.
  await deps.producer.enqueueBulk(
    'ArticleExtract',
    failed.map((f) => ({ payload: { articleId: f.articleId }, jobId: jobIds.articleExtract(f.articleId) })),
    { attempts: attempts - 1 },
  );
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

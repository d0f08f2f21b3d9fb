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
  let claims = 0;
  for (const e of extracted) {
    try {
      if (written.has(e.articleId)) counted(e.articleId, e.claims);
      else await storeClaims(deps.db, e.articleId, e.claims);
      claims += e.claims.length;
    } catch (err) {
      failed.push({ articleId: e.articleId, error: message(err) });
    }
  }
  await handOn(deps, failed, opts.attempts);
  return {
    extracted: extracted.length - failed.length,
    skipped: articleIds.length - leased.length,
    failed: failed.length,
    claims,
  };
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

import { EXTRACTOR, type ExtractedClaim, type ExtractorModel } from '../extraction';
import { ExtractionRefused } from '../extraction-pool/pool';
import { jobIds } from '../jobs';
import { isDependencyDown } from '../queue/outage';
import type { JobProducer } from '../queue/producer';
import { counted, type ExtractDeps, extractTimed, refuse, storeClaims } from './extract';
import { writeFirstExtractionsWithSpeakers } from './first-write';
import { leaseArticles, markFailed } from './repository';

export interface BatchOutcome {
  extracted: number;
  /** Already extracted (a retried or duplicated job): nothing to do. */
  skipped: number;
  /** Handed on to their own ArticleExtract jobs, marked failed when no attempt is left, or refused. */
  failed: number;
  claims: number;
  /** Extracted here but through the full path: their speakers wait for a SpeakerResolve job. */
  speakersPending: string[];
}

/**
 * The ArticleExtractBatch use case: the articles of one import batch leased in one statement, extracted,
 * and written in one statement. Safe to run twice: a finished article is not leased again, and each
 * write is guarded as in `writeFirstExtractions`. Never all-or-nothing: an article the batch write cannot
 * store is written on its own, and one that still fails goes on as its own ArticleExtract job with the
 * retries and backoff of any single article (this pass counts as its first attempt). An outage is not an
 * article's fault: it fails the whole job, which is retried once Postgres or Redis is back.
 */
export async function extractArticleBatch(
  deps: ExtractDeps & { producer: JobProducer },
  articleIds: string[],
  opts: { leaseSeconds: number; attempts: number },
): Promise<BatchOutcome> {
  const leased = await leaseArticles(deps.db, articleIds, EXTRACTOR.version, opts.leaseSeconds);
  const extracted: { articleId: string; claims: ExtractedClaim[]; model: ExtractorModel }[] = [];
  const failed: { articleId: string; error: string }[] = [];
  let refused = 0;
  // All handed to the pool at once, so every thread of it has work.
  const models = leased.map((a) => deps.extractor.modelFor(a.extractor_model));
  const results = await Promise.allSettled(leased.map(({ body }, i) => extractTimed(deps.extractor, body, models[i]!)));
  for (const [i, result] of results.entries()) {
    const articleId = leased[i]!.id;
    if (result.status === 'fulfilled') extracted.push({ articleId, claims: result.value, model: models[i]! });
    else if (result.reason instanceof ExtractionRefused) {
      await refuse(deps, articleId, result.reason);
      refused++;
    } else failed.push({ articleId, error: message(result.reason) });
  }
  let written = new Set<string>();
  try {
    written = await writeFirstExtractionsWithSpeakers(deps.db, extracted, EXTRACTOR);
  } catch (err) {
    if (isDependencyDown(err)) throw err;
    deps.log.warn({ err: message(err), articles: extracted.length }, 'batch write failed; writing articles one by one');
  }
  const outcome: BatchOutcome = {
    extracted: 0,
    skipped: articleIds.length - leased.length,
    failed: 0,
    claims: 0,
    speakersPending: [],
  };
  for (const e of extracted) {
    try {
      const stored = written.has(e.articleId)
        ? { ...counted(e.articleId, e.claims), speakersResolved: true }
        : await storeClaims(deps.db, e.articleId, e.claims, e.model);
      // A duplicate job may have finished the article between our lease and this write.
      if (stored.skipped) outcome.skipped++;
      else {
        outcome.extracted++;
        outcome.claims += stored.claims;
        if (!stored.speakersResolved) outcome.speakersPending.push(e.articleId);
      }
    } catch (err) {
      if (isDependencyDown(err)) throw err;
      failed.push({ articleId: e.articleId, error: message(err) });
    }
  }
  await handOn(deps, failed, opts.attempts);
  return { ...outcome, failed: failed.length + refused };
}

/** Failed articles get their own jobs with the attempts left; with none left they are failed now. */
async function handOn(
  deps: ExtractDeps & { producer: JobProducer },
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

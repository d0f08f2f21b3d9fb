import { retireMissingClaims, upsertClaims } from '../claims/repository';
import type { Db } from '../db/pool';
import { withTransaction } from '../db/pool';
import { EXTRACTOR, type ExtractedClaim, type ExtractorModel } from '../extraction';
import { type ExtractionPool, ExtractionRefused } from '../extraction-pool/pool';
import type { Logger } from '../logger';
import { claimsExtracted, extractionDuration } from '../observability/metrics';
import { isDependencyDown } from '../queue/outage';
import { writeFirstExtractionsWithSpeakers } from './first-write';
import { leaseArticle, lockArticle, markExtracted, markFailed } from './repository';

export interface ExtractOutcome {
  articleId: string;
  skipped: boolean;
  claims: number;
  /** Written by the first-extraction path, with the claims' registry speakers: no SpeakerResolve job needed. */
  speakersResolved?: boolean;
  /** Why the extractor refused the article (over its time or memory budget); it is now `failed`. */
  refused?: string;
}

export type ExtractDeps = { db: Db; log: Logger; extractor: ExtractionPool };

/**
 * The ArticleExtract use case. Safe to run twice or concurrently: a finished article is skipped, and the
 * claims and the `extracted` status are written in one transaction under a row lock, upserting on stable
 * claim keys, so a retried or duplicated job never duplicates claims.
 */
export async function extractArticle(
  deps: ExtractDeps,
  articleId: string,
  opts: { leaseSeconds: number; finalAttempt: boolean },
): Promise<ExtractOutcome> {
  const leased = await leaseArticle(deps.db, articleId, EXTRACTOR.version, opts.leaseSeconds);
  if (!leased) return { articleId, skipped: true, claims: 0 };
  try {
    const model = deps.extractor.modelFor(leased.extractor_model);
    return await storeClaims(deps.db, articleId, await extractTimed(deps.extractor, leased.body, model), model);
  } catch (err) {
    if (err instanceof ExtractionRefused) return await refuse(deps, articleId, err);
    // Report on the final attempt only, so intermediate retries do not flap the article's status; an
    // outage is not the article's fault (its job is retried once the dependency is back).
    if (opts.finalAttempt && !isDependencyDown(err)) {
      await markFailed(deps.db, articleId, (err as Error).message ?? String(err));
    }
    throw err;
  }
}

/** The same text would fail the same way again: the article is failed now, with the reason, not retried. */
export async function refuse(deps: ExtractDeps, articleId: string, err: ExtractionRefused): Promise<ExtractOutcome> {
  deps.log.warn({ articleId, reason: err.message }, 'article refused by the extractor');
  await markFailed(deps.db, articleId, err.message);
  return { articleId, skipped: false, claims: 0, refused: err.message };
}

/** Extraction in the pool's threads: the same pure function the CLI and the tests run. */
export async function extractTimed(
  extractor: ExtractionPool,
  body: string,
  model: ExtractorModel,
): Promise<ExtractedClaim[]> {
  const timer = extractionDuration.startTimer();
  try {
    return await extractor.extract(body, model);
  } finally {
    timer();
  }
}

/**
 * Stores an article's claims and marks it extracted. First extraction of an article: one transaction that
 * also resolves the speakers. Otherwise, or when a duplicate job raced us, the full path locks the article and
 * retires claims no longer found; the SpeakerResolve job resolves its speakers after.
 */
export async function storeClaims(
  db: Db,
  articleId: string,
  claims: ExtractedClaim[],
  model: ExtractorModel,
): Promise<ExtractOutcome> {
  const extractor = { ...EXTRACTOR, model };
  if ((await writeFirstExtractionsWithSpeakers(db, [{ articleId, claims }], extractor)).has(articleId))
    return { ...counted(articleId, claims), speakersResolved: true };
  return await withTransaction(db, async (tx) => {
    const current = await lockArticle(tx, articleId);
    if (!current) return { articleId, skipped: true, claims: 0 };
    if (current.status === 'extracted' && current.extractor_version === EXTRACTOR.version) {
      return { articleId, skipped: true, claims: 0 };
    }
    const keys = await upsertClaims(tx, articleId, claims, extractor);
    await retireMissingClaims(tx, articleId, keys);
    await markExtracted(tx, articleId, claims.length, EXTRACTOR.version);
    return counted(articleId, claims);
  });
}

export function counted(articleId: string, claims: ExtractedClaim[]): ExtractOutcome {
  const bySpeakerType = new Map<string, number>();
  for (const c of claims) bySpeakerType.set(c.speaker.type, (bySpeakerType.get(c.speaker.type) ?? 0) + 1);
  for (const [speaker_type, n] of bySpeakerType) claimsExtracted.inc({ speaker_type }, n);
  return { articleId, skipped: false, claims: claims.length };
}

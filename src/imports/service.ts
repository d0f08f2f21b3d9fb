import { type Hash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contentHash, enqueueExtractionBatches } from '../articles/service';
import { ArticleInput } from '../articles/schema';
import { headlineOf } from '../extraction/headline';
import { withTransaction } from '../db/pool';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { findBadText } from '../http/text';
import { HEARTBEAT_MS, markStopped, touchImport, uploadsInProgress } from './lifecycle';
import { jobIds } from '../jobs';
import type { SourceLine } from './lines';
import {
  addCounts,
  addErrors,
  type ImportedArticle,
  insertImportedArticles,
  type LineError,
  markReceived,
  type PlannedArticle,
} from './repository';

export const BATCH_SIZE = 500;
/**
 * Articles per extraction job. One job, one lease and one claims write for 25 articles instead of 25 of
 * each: the queue, the worker's database round trips and Postgres's per-statement work shrink 25-fold,
 * while a 500-line batch still spreads over 20 jobs for the workers to share.
 */
export const EXTRACT_BATCH = 25;
export const KEPT_ERRORS = 100;

/**
 * Reads an import line by line: each line is validated on its own, valid ones are inserted 500 at a
 * time in one statement, and each batch is enqueued with addBulk only after it has committed. The next
 * lines are read only once a batch is stored (backpressure). If enqueuing fails, the articles stay
 * `queued` in Postgres and the reconciler enqueues them. `hash` is the feed's running digest (see
 * FeedLimits.hash): each batch records how far it got, so a broken-off import can be resumed.
 */
export async function receiveImport(
  deps: Deps,
  importId: string,
  source: AsyncIterable<SourceLine>,
  requestId: string,
  hash: Hash,
): Promise<void> {
  let batch: ImportedArticle[] = [];
  let errors: LineError[] = [];
  let invalid = 0;
  let keptErrors = 0;
  let upTo: { line: number; hash: string | null } | undefined;
  const flush = async () => {
    const { unique, duplicate } = dedupe(batch);
    const inserted = await withTransaction(deps.db, async (tx) => {
      const rows = await insertImportedArticles(tx, importId, requestId, planBatches(unique));
      await addErrors(tx, importId, errors);
      await addCounts(
        tx,
        importId,
        {
          received: batch.length + invalid,
          duplicate: duplicate + unique.length - rows.length,
          invalid,
          queued: rows.length,
        },
        upTo ?? { line: 0, hash: null },
      );
      return rows;
    });
    batch = [];
    errors = [];
    invalid = 0;
    await enqueueExtractionBatches(deps, inserted, requestId);
  };
  uploadsInProgress.add(importId);
  const heartbeat = setInterval(() => {
    touchImport(deps.db, importId).catch(() => {});
  }, HEARTBEAT_MS);
  try {
    for await (const item of interruptible(source)) {
      const checked = checkLine(item);
      if ('article' in checked) batch.push(checked.article);
      else {
        invalid++;
        if (keptErrors++ < KEPT_ERRORS) errors.push({ line: item.line, problem: checked.problem });
      }
      // The digest now covers exactly lines 1..item.line (the reader is paused at this line).
      upTo = { line: item.line, hash: hash.copy().digest('hex') };
      if (batch.length + invalid >= BATCH_SIZE) await flush();
    }
    if (batch.length || invalid) await flush();
    await markReceived(deps.db, importId, hash.digest('hex'));
  } catch (err) {
    // Whole lines already read are kept even when the body breaks off: those articles are real, will be
    // extracted, and a resumed request skips them.
    await (batch.length || invalid ? flush() : Promise.resolve()).catch(() => {});
    await markStopped(deps.db, importId, (err as Error).message).catch(() => {});
    throw err;
  } finally {
    uploadsInProgress.delete(importId);
    clearInterval(heartbeat);
  }
}

/** A line becomes an article, or a problem naming the field (and, for bad text, the offset). */
function checkLine(item: SourceLine): { article: ImportedArticle } | { problem: string } {
  if (item.parseError) return { problem: item.parseError };
  const bad = findBadText(item.value);
  if (bad) return { problem: bad.path ? `${bad.path}: ${bad.message}` : bad.message };
  const parsed = ArticleInput.safeParse(item.value);
  if (!parsed.success) return { problem: describe(parsed.error) };
  return { article: toArticle(parsed.data) };
}

/** The request's own failures (client gone, connection cut) are the client's, not a server error. */
async function* interruptible(source: AsyncIterable<SourceLine>): AsyncGenerator<SourceLine> {
  try {
    yield* source;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'upload_interrupted',
      400,
      `The upload broke off before the feed ended (${(err as Error).message}).`,
    );
  }
}

/** Ids chosen here, so each article's batch job (named after the batch's first article) is stored with it. */
function planBatches(articles: ImportedArticle[]): PlannedArticle[] {
  let job = '';
  return articles.map((a, i) => {
    const id = randomUUID();
    if (i % EXTRACT_BATCH === 0) job = jobIds.articleExtractBatch(id);
    return { ...a, id, extract_job: job };
  });
}

function toArticle(a: ArticleInput): ImportedArticle {
  return {
    url: a.url ?? null,
    title: a.title ?? headlineOf(a.body),
    body: a.body,
    publisher: a.publisher ?? null,
    author: a.author ?? null,
    published_at: a.published_at ?? null,
    content_hash: contentHash(a.body),
  };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** The same URL or body twice in one batch: the first wins, the others are duplicates. */
function dedupe(batch: ImportedArticle[]): { unique: ImportedArticle[]; duplicate: number } {
  const urls = new Set<string>();
  const hashes = new Set<string>();
  const unique: ImportedArticle[] = [];
  for (const a of batch) {
    if (hashes.has(a.content_hash) || (a.url !== null && urls.has(a.url))) continue;
    hashes.add(a.content_hash);
    if (a.url !== null) urls.add(a.url);
    unique.push(a);
  }
  return { unique, duplicate: batch.length - unique.length };
}

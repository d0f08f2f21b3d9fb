import { randomUUID } from 'node:crypto';
import { contentHash, enqueueExtractionBatches } from '../articles/service';
import { ArticleInput } from '../articles/schema';
import { withTransaction } from '../db/pool';
import type { Deps } from '../deps';
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
 * `queued` in Postgres and the reconciler enqueues them.
 */
export async function receiveImport(
  deps: Deps,
  importId: string,
  source: AsyncIterable<SourceLine>,
  requestId: string,
): Promise<void> {
  let batch: ImportedArticle[] = [];
  let errors: LineError[] = [];
  let invalid = 0;
  let keptErrors = 0;
  const flush = async () => {
    const { unique, duplicate } = dedupe(batch);
    const inserted = await withTransaction(deps.db, async (tx) => {
      const rows = await insertImportedArticles(tx, importId, requestId, planBatches(unique));
      await addErrors(tx, importId, errors);
      await addCounts(tx, importId, {
        received: batch.length + invalid,
        duplicate: duplicate + unique.length - rows.length,
        invalid,
        queued: rows.length,
      });
      return rows;
    });
    batch = [];
    errors = [];
    invalid = 0;
    await enqueueExtractionBatches(deps, inserted, requestId);
  };
  try {
    for await (const item of source) {
      const problem = item.parseError ?? undefined;
      const parsed = problem ? undefined : ArticleInput.safeParse(item.value);
      const article = parsed?.success ? toArticle(parsed.data) : undefined;
      if (article) batch.push(article);
      else {
        invalid++;
        if (keptErrors++ < KEPT_ERRORS) errors.push({ line: item.line, problem: problem ?? describe(parsed) });
      }
      if (batch.length + invalid >= BATCH_SIZE) await flush();
    }
  } finally {
    // Whatever was read is kept even when the body breaks off: those articles are real and will be extracted.
    if (batch.length || invalid) await flush();
    await markReceived(deps.db, importId);
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

function toArticle(a: ArticleInput): ImportedArticle | undefined {
  const article = {
    url: a.url ?? null,
    title: a.title ?? null,
    body: a.body,
    publisher: a.publisher ?? null,
    author: a.author ?? null,
    published_at: a.published_at ?? null,
    content_hash: contentHash(a.body),
  };
  // Postgres text cannot hold NUL; refusing the line here keeps it from failing its whole batch.
  return JSON.stringify(article).includes('\\u0000') ? undefined : article;
}

function describe(parsed: ReturnType<typeof ArticleInput.safeParse> | undefined): string {
  if (!parsed || parsed.success) return 'contains a NUL character, which cannot be stored';
  return parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
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

import { createHash } from 'node:crypto';
import type { Deps } from '../deps';
import { headlineOf } from '../extraction/headline';
import type { ExtractorModel } from '../extraction/models';
import { notFound } from '../errors';
import { jobIds } from '../jobs';
import { type ArticleRow, findArticleByUrlOrHash, getArticle, insertArticle } from './repository';
import type { ArticleInput } from './schema';

/** Line endings and surrounding blank space do not make a different article. */
export function contentHash(body: string): string {
  return createHash('sha256').update(body.replace(/\r\n?/g, '\n').trim()).digest('hex');
}

export interface Submitted {
  article: ArticleRow;
  created: boolean;
}

/**
 * Stores the article, then (after the insert has committed) asks a worker to extract it. A known URL or
 * body returns the existing article. If Redis is unreachable the article stays `queued` and the
 * reconciler enqueues it later: Postgres is the source of truth, the queue only dispatches.
 */
export async function submitArticle(
  deps: Deps,
  input: ArticleInput,
  requestId: string,
  model?: ExtractorModel,
): Promise<Submitted> {
  const hash = contentHash(input.body);
  const url = input.url ?? null;
  const existing = await findArticleByUrlOrHash(deps.db, url, hash);
  if (existing) return { article: existing, created: false };
  const inserted = await insertArticle(deps.db, {
    url,
    // Sent without a title: the headline line its body opens with, if any.
    title: input.title ?? headlineOf(input.body),
    body: input.body,
    publisher: input.publisher ?? null,
    author: input.author ?? null,
    published_at: input.published_at ?? null,
    extractor_model: model ?? null,
    content_hash: hash,
    request_id: requestId,
  });
  if (!inserted) {
    // Lost a race with an identical concurrent post: answer with the winner.
    const winner = await findArticleByUrlOrHash(deps.db, url, hash);
    if (winner) return { article: winner, created: false };
    throw new Error('article vanished after a conflicting insert');
  }
  await enqueueExtraction(deps, [inserted.id], requestId);
  return { article: inserted, created: true };
}

/** Best effort: a failure here is repaired by the reconciler, so it must not fail the request. */
export async function enqueueExtraction(deps: Deps, articleIds: string[], requestId?: string): Promise<boolean> {
  return bestEffort(deps, articleIds.length, requestId, () =>
    deps.producer.enqueueBulk(
      'ArticleExtract',
      articleIds.map((articleId) => ({ payload: { articleId, requestId }, jobId: jobIds.articleExtract(articleId) })),
    ),
  );
}

/**
 * Best effort too: one ArticleExtractBatch job per batch of an import (`extract_job`, chosen when the
 * articles were inserted). A failed batch job is not kept in Redis, so the reconciler sees it gone and
 * re-enqueues the articles it had leased one by one (those it never leased go back into the batch).
 */
export async function enqueueExtractionBatches(
  deps: Deps,
  articles: { id: string; extract_job: string }[],
  requestId?: string,
): Promise<boolean> {
  const batches = new Map<string, string[]>();
  for (const a of articles) {
    const ids = batches.get(a.extract_job);
    if (ids) ids.push(a.id);
    else batches.set(a.extract_job, [a.id]);
  }
  return bestEffort(deps, articles.length, requestId, () =>
    deps.producer.enqueueBulk(
      'ArticleExtractBatch',
      [...batches].map(([jobId, articleIds]) => ({ payload: { articleIds, requestId }, jobId })),
      { removeOnFail: true },
    ),
  );
}

async function bestEffort(deps: Deps, count: number, requestId: string | undefined, enqueue: () => Promise<void>) {
  try {
    await enqueue();
    return true;
  } catch (err) {
    deps.log.warn(
      { err: (err as Error).message, reqId: requestId, count },
      'enqueue failed; the reconciler will retry',
    );
    return false;
  }
}

export async function requireArticle(deps: Pick<Deps, 'db'>, id: string): Promise<ArticleRow> {
  const article = await getArticle(deps.db, id);
  if (!article) throw notFound('article', id);
  return article;
}

type ArticleSummaryRow = Pick<
  ArticleRow,
  'id' | 'url' | 'title' | 'publisher' | 'author' | 'published_at' | 'status' | 'claim_count' | 'created_at'
>;

/** An article as lists show it: no body. */
export function presentArticleSummary(a: ArticleSummaryRow) {
  return {
    id: a.id,
    url: a.url,
    title: a.title,
    publisher: a.publisher,
    author: a.author,
    published_at: a.published_at?.toISOString() ?? null,
    status: a.status,
    claim_count: a.claim_count,
    created_at: a.created_at.toISOString(),
  };
}

export function presentArticle(a: ArticleRow) {
  return {
    ...presentArticleSummary(a),
    error: a.error,
    extractor_version: a.extractor_version,
    extractor_model: a.extractor_model,
    body: a.body,
    updated_at: a.updated_at.toISOString(),
    extracted_at: a.extracted_at?.toISOString() ?? null,
  };
}

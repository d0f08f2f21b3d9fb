import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { jobIds } from '../jobs';
import { enqueueExtraction } from '../articles/service';
import {
  articleProgress,
  failedArticleIds,
  getImport,
  type ImportRow,
  listErrors,
  listFailedArticles,
  markFinished,
  requeueFailed,
} from './repository';
import { KEPT_ERRORS } from './service';
import { STALE_AFTER_SECONDS, stopStalledImports } from './lifecycle';

export async function requireImport(deps: Pick<Deps, 'db'>, id: string): Promise<ImportRow> {
  const row = await getImport(deps.db, id);
  if (!row) throw notFound('import', id);
  return row;
}

/**
 * Where an import stands, from the changes its articles recorded. The import is marked finished lazily, by the
 * first reader who sees nothing left to do; its finish time is the last article's, not the reader's.
 * Likewise a `receiving` import whose request died unnoticed (process killed) is marked stopped by
 * the first reader after its heartbeat goes stale.
 */
export async function importSummary(deps: Pick<Deps, 'db'>, row: ImportRow, withErrors = true) {
  if (row.status === 'receiving' && Date.now() - row.heartbeat_at.getTime() > STALE_AFTER_SECONDS * 1000) {
    row = (await stopStalledImports(deps.db, row.id))[0] ?? row;
  }
  const progress = await articleProgress(deps.db, row.id);
  if (row.status === 'processing' && progress.pending === 0) {
    row = (await markFinished(deps.db, row.id)) ?? row;
  }
  const end = row.finished_at ?? new Date();
  const seconds = Math.max((end.getTime() - row.started_at.getTime()) / 1000, 0.001);
  return {
    id: row.id,
    status: row.status,
    failure: row.failure,
    totals: {
      received: row.received,
      duplicate: row.duplicate,
      invalid: row.invalid,
      queued: row.queued,
      extracted: progress.extracted,
      failed: progress.failed,
      pending: progress.pending,
    },
    claims: progress.claims,
    rate: { articles_per_s: round(progress.extracted / seconds), claims_per_s: round(progress.claims / seconds) },
    started_at: row.started_at.toISOString(),
    received_at: row.received_at?.toISOString() ?? null,
    finished_at: row.finished_at?.toISOString() ?? null,
    errors: withErrors ? await listErrors(deps.db, row.id, KEPT_ERRORS) : [],
  };
}
export type ImportSummary = Awaited<ReturnType<typeof importSummary>>;

const round = (n: number) => Math.round(n * 10) / 10;

export async function importFailures(deps: Pick<Deps, 'db'>, id: string, limit: number) {
  await requireImport(deps, id);
  const rows = await listFailedArticles(deps.db, id, limit);
  return rows.map((r) => ({ ...r, updated_at: r.updated_at.toISOString() }));
}

/**
 * Failed articles get a fresh set of attempts. BullMQ keeps failed jobs, and adding an id that still
 * exists is a no-op, so the old jobs are removed first; only then are the rows reset and enqueued.
 */
export async function retryFailed(deps: Deps, id: string, requestId: string): Promise<{ retried: number }> {
  await requireImport(deps, id);
  const ids = await failedArticleIds(deps.db, id);
  if (!ids.length) return { retried: 0 };
  const queue = deps.producer.queue('ArticleExtract');
  try {
    for (let i = 0; i < ids.length; i += 100) {
      await Promise.all(ids.slice(i, i + 100).map((articleId) => queue.remove(jobIds.articleExtract(articleId))));
    }
  } catch (err) {
    throw new AppError(
      'queue_unavailable',
      503,
      `The queue is unreachable (${(err as Error).message}); nothing was retried.`,
      {},
      { 'Retry-After': '5' },
    );
  }
  const requeued = await requeueFailed(deps.db, id, ids);
  await enqueueExtraction(deps, requeued, requestId);
  return { retried: requeued.length };
}

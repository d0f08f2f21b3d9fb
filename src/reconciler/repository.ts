import type { Queryable } from '../db/pool';

/**
 * Articles whose job may be gone: `queued` for a while (the enqueue failed, or Redis lost it), or
 * `processing` for a while (the worker died and its job with Redis, or its job gave up during an outage);
 * the reconciler asks Redis which of them still have a live job. The age keeps a pass from racing the
 * enqueue that follows every insert.
 */
export async function findStrandedArticles(
  db: Queryable,
  queuedForSeconds: number,
  limit: number,
): Promise<StrandedArticle[]> {
  const { rows } = await db.query<StrandedArticle>(
    // In-flight articles first: they were first in line, and must not wait behind the rest of an import.
    `(select id, extract_job, attempts from article
       where status = 'processing' and updated_at < now() - make_interval(secs => $1) order by updated_at limit $2)
     union all
     (select id, extract_job, attempts from article
       where status = 'queued' and updated_at < now() - make_interval(secs => $1) order by updated_at limit $2)`,
    [queuedForSeconds, limit],
  );
  return rows;
}

/** An article whose job may be gone; `extract_job` names its batch job when an import made it. */
export interface StrandedArticle {
  id: string;
  extract_job: string | null;
  /** Times a job has leased it. */
  attempts: number;
}

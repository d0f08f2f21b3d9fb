import type { Queryable } from '../db/pool';

/**
 * Articles whose job may be gone: `queued` for a while (the enqueue failed, or Redis lost it), or
 * `processing` past the lease (the worker died and its job with Redis). The age keeps a pass from racing
 * the enqueue that follows every insert.
 */
export async function findStrandedArticles(db: Queryable, queuedForSeconds: number, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `(select id from article where status = 'queued' and updated_at < now() - make_interval(secs => $1) order by updated_at limit $2)
     union all
     (select id from article where status = 'processing' and lease_until < now() order by updated_at limit $2)`,
    [queuedForSeconds, limit],
  );
  return rows.map((r) => r.id);
}

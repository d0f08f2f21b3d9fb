import type { Queryable } from '../db/pool';
import type { ClaimRow } from './repository';

export interface ClaimFilter {
  status?: string;
  speakerType?: string;
  articleId?: string;
  minConfidence?: number;
  limit: number;
  newestFirst?: boolean;
  after?: { createdAt: string; id: string };
}

/** One page of an article's claims in reading order, keyset on (position, id); one row more than `limit`. */
export async function listClaimsOfArticle(
  db: Queryable,
  articleId: string,
  page: { limit: number; after?: { position: number; id: string } },
): Promise<ClaimRow[]> {
  const { rows } = await db.query<ClaimRow>(
    `select * from claim
      where article_id = $1 and ($2::int is null or (position, id) > ($2::int, $3::uuid))
      order by position, id limit $4`,
    [articleId, page.after?.position ?? null, page.after?.id ?? null, page.limit + 1],
  );
  return rows;
}

/** Keyset pagination on (created_at, id): stable under concurrent inserts, no OFFSET scans. */
export async function listClaims(db: Queryable, f: ClaimFilter): Promise<(ClaimRow & { cursor_created_at: string })[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  if (f.status) where.push(`status = ${arg(f.status)}`);
  if (f.speakerType) where.push(`speaker_type = ${arg(f.speakerType)}`);
  if (f.articleId) where.push(`article_id = ${arg(f.articleId)}`);
  if (f.minConfidence) where.push(`confidence >= ${arg(f.minConfidence)}`);
  const [after, direction] = f.newestFirst ? ['<', 'desc'] : ['>', 'asc'];
  if (f.after)
    where.push(`(created_at, id) ${after} (${arg(f.after.createdAt)}::timestamptz, ${arg(f.after.id)}::uuid)`);
  // The cursor keeps created_at as Postgres prints it: JS dates would cut microseconds and repeat rows.
  const sql = `select *, created_at::text as cursor_created_at from claim ${where.length ? `where ${where.join(' and ')}` : ''}
               order by created_at ${direction}, id ${direction} limit ${arg(f.limit + 1)}`;
  const { rows } = await db.query<ClaimRow & { cursor_created_at: string }>(sql, args);
  return rows;
}

export interface ClaimWithArticle extends ClaimRow {
  article_url: string | null;
  article_title: string | null;
  article_publisher: string | null;
  article_published_at: Date | null;
  article_extracted_at: Date | null;
}

export async function getClaimWithArticle(db: Queryable, id: string): Promise<ClaimWithArticle | undefined> {
  const { rows } = await db.query<ClaimWithArticle>(
    `select c.*, a.url as article_url, a.title as article_title, a.publisher as article_publisher,
            a.published_at as article_published_at, a.extracted_at as article_extracted_at
       from claim c join article a on a.id = c.article_id
      where c.id = $1`,
    [id],
  );
  return rows[0];
}

export async function sliceArticleBody(db: Queryable, articleId: string, spans: [number, number][]): Promise<string[]> {
  if (!spans.length) return [];
  // substr is 1-based and counts characters; our offsets are UTF-16 units, so slice in JS instead.
  const { rows } = await db.query<{ body: string }>('select body from article where id = $1', [articleId]);
  const body = rows[0]?.body ?? '';
  return spans.map(([a, b]) => body.slice(a, b));
}

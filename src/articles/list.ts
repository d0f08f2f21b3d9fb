import type { Queryable } from '../db/pool';
import { decodeCursor, encodeCursor } from '../claims/service';
import type { ArticleListQuery } from './schema';
import { presentArticleSummary } from './service';

// A date alone means that whole day (UTC), as in search: `to=2026-11-18` includes the 18th.
const dayStart = (day: string) => (day.includes('T') ? day : `${day}T00:00:00Z`);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

type ArticleListRow = Parameters<typeof presentArticleSummary>[0] & { cursor_created_at: string };

/**
 * Articles newest first (by when they reached us), keyset-paginated on (created_at, id) so a page never
 * repeats or skips rows while newsrooms keep posting. `from`/`to` filter on the publication date.
 */
export async function pageOfArticles(db: Queryable, q: ArticleListQuery) {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  if (q.q)
    where.push(
      `id in (select article_id from article_search where search @@ websearch_to_tsquery('english', ${arg(q.q)}))`,
    );
  if (q.publisher) where.push(`lower(publisher) = lower(${arg(q.publisher)})`);
  if (q.status) where.push(`status = ${arg(q.status)}`);
  if (q.from) where.push(`published_at >= ${arg(dayStart(q.from))}::timestamptz`);
  if (q.to) where.push(`published_at < ${arg(q.to.includes('T') ? q.to : nextDay(q.to))}::timestamptz`);
  if (q.cursor) {
    // The same opaque (created_at, id) cursor as the claim list.
    const after = decodeCursor(q.cursor);
    where.push(`(created_at, id) < (${arg(after.createdAt)}::timestamptz, ${arg(after.id)}::uuid)`);
  }
  const { rows } = await db.query<ArticleListRow>(
    `select id, url, title, publisher, author, published_at, status, claim_count, created_at,
            created_at::text as cursor_created_at
       from article ${where.length ? `where ${where.join(' and ')}` : ''}
      order by created_at desc, id desc limit ${arg(q.limit + 1)}`,
    args,
  );
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  return {
    items: page.map(presentArticleSummary),
    next_cursor: more ? encodeCursor(page[page.length - 1]!) : null,
  };
}

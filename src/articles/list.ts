import type { Queryable } from '../db/pool';
import { AppError } from '../errors';
import type { ArticleListQuery } from './schema';

interface ArticleListRow {
  id: string;
  url: string | null;
  title: string | null;
  publisher: string | null;
  author: string | null;
  published_at: Date | null;
  status: string;
  claim_count: number;
  created_at: Date;
  cursor_created_at: string;
}

// Opaque to clients: base64url of the last row's (created_at as Postgres prints it, id).
function encodeCursor(row: ArticleListRow): string {
  return Buffer.from(JSON.stringify([row.cursor_created_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad cursor');
    return [at, id];
  } catch {
    throw new AppError('invalid_cursor', 400, 'The cursor is not one this API issued; start again without it.');
  }
}

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
  if (q.q) where.push(`search @@ websearch_to_tsquery('english', ${arg(q.q)})`);
  if (q.publisher) where.push(`lower(publisher) = lower(${arg(q.publisher)})`);
  if (q.status) where.push(`status = ${arg(q.status)}`);
  if (q.from) where.push(`published_at >= ${arg(q.from)}::timestamptz`);
  if (q.to) where.push(`published_at < ${arg(q.to)}::timestamptz`);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor);
    where.push(`(created_at, id) < (${arg(at)}::timestamptz, ${arg(id)}::uuid)`);
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
    items: page.map((a) => ({
      id: a.id,
      url: a.url,
      title: a.title,
      publisher: a.publisher,
      author: a.author,
      published_at: a.published_at?.toISOString() ?? null,
      status: a.status,
      claim_count: a.claim_count,
      created_at: a.created_at.toISOString(),
    })),
    next_cursor: more ? encodeCursor(page[page.length - 1]!) : null,
  };
}

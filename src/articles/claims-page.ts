import { z } from 'zod';
import { pageJson } from '../claims/present-sql';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { listClaimsOfArticle } from './claims-page-query';

export const ArticleClaimsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(200).optional().meta({ description: 'next_cursor from the previous page' }),
});

// Opaque to clients: base64url of the last claim's place in reading order.
const CursorShape = z.tuple([z.number().int().min(0).max(2_147_483_647), z.uuid()]);

function decode(cursor: string): { position: number; id: string } {
  try {
    const [position, id] = CursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { position, id };
  } catch {
    throw new AppError('invalid_cursor', 400, 'The cursor is not one this API issued; start again without it.');
  }
}

const encode = (c: { position: number; id: string }) =>
  Buffer.from(JSON.stringify([c.position, c.id])).toString('base64url');

/**
 * An article's claims in reading order, a page at a time: one pathological article can hold thousands
 * of claims (megabytes of JSON), so clients that need them all follow next_cursor. The JSON text of the page.
 */
export async function pageOfArticleClaims(
  deps: Pick<Deps, 'db'>,
  articleId: string,
  query: z.infer<typeof ArticleClaimsQuery>,
) {
  const after = query.cursor ? decode(query.cursor) : undefined;
  const found = await listClaimsOfArticle(deps.db, articleId, { limit: query.limit, after });
  if (!found) throw notFound('article', articleId);
  return pageJson({ article_id: articleId, status: found.status }, found.items === null ? [] : [found.items], {
    next_cursor: found.last ? encode(found.last) : null,
  });
}

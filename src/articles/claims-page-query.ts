import { claimJson, fetchSize } from '../claims/present-sql';
import { storedClaimJson } from '../claims/stored-json';
import { PRESENTED_COLUMNS } from '../claims/queries';
import { type Queryable, statementText } from '../db/pool';

/** One page of an article's claims: their JSON texts joined with commas, and where the page ends if more follow. */
export interface ArticleClaimsRows {
  status: string;
  /** The page's claims' JSON texts in reading order, comma-separated; null for an empty page. */
  items: string | null;
  /** The last claim of the page, when more follow it. */
  last?: { position: number; id: string };
}

interface PageRow {
  article_status: string;
  items: string | null;
  more: boolean;
  last_position: number | null;
  last_id: string | null;
  /** Only from the stored-text statement: some claim of the page has no stored text to send. */
  incomplete?: boolean;
}

/**
 * One page of an article's claims in reading order, keyset on (position, id), with the article's status: one
 * row. Undefined when there is no such article.
 *
 * Postgres joins the page's JSON texts itself (string_agg, in reading order), so pg parses one DataRow instead of
 * one per claim and the API holds one string instead of a string and a row object per claim: for the 25 claims of
 * an article, 5–14 % less of the API's CPU per page, for 5–11 % more of Postgres's (a window numbering the rows
 * and a sort of the page's texts in the aggregate; see docs/measurements.md, 2026-11-30).
 *
 * A page is first read from the claims' stored texts alone (storedClaimJson, which says why). A page holding a
 * claim that must be built at read time is read again with the statement that can build it: one more round trip
 * for those pages, a quarter less Postgres CPU for all others.
 */
export async function listClaimsOfArticle(
  db: Queryable,
  articleId: string,
  page: { limit: number; after?: { position: number; id: string } },
): Promise<ArticleClaimsRows | undefined> {
  const values = [articleId, page.after?.position ?? null, page.after?.id ?? null, page.limit];
  let row = await readPage(db, 'stored', page.limit, values);
  if (row?.incomplete) row = await readPage(db, 'built', page.limit, values);
  if (!row) return undefined;
  const last =
    row.more && row.last_position !== null && row.last_id !== null
      ? { position: row.last_position, id: row.last_id }
      : undefined;
  return { status: row.article_status, items: row.items, last };
}

// The claim's JSON in each statement: the stored text or null (`stored`), or the text built when it must be.
const JSON_OF = {
  stored: storedClaimJson('k'),
  built: claimJson('k'),
};

async function readPage(
  db: Queryable,
  kind: keyof typeof JSON_OF,
  limit: number,
  values: unknown[],
): Promise<PageRow | undefined> {
  // Named (prepared once per connection) like every listing: these run on each request. Rows are fetched with a
  // literal limit (fetchSize): numbered in reading order, those past the page only tell that more follow. The
  // JSON is built after the limit, so a page of a huge article costs its page, not the article.
  const size = fetchSize(limit);
  const name = kind === 'built' ? `claim-page-of-article-${size}` : `claim-page-of-article-${kind}-${size}`;
  const { rows } = await db.query<PageRow>({
    name,
    text: statementText(
      name,
      () => `select a.status as article_status, p.items, p.more, p.last_position, p.last_id${
        kind === 'stored' ? ', p.incomplete' : ''
      } from article a
             left join lateral (
               select string_agg(c.json, ',' order by c.n) filter (where c.n <= $4) as items,
                      count(*) > $4 as more,
                      max(c.position) filter (where c.n = $4) as last_position,
                      max(c.id::text) filter (where c.n = $4) as last_id,
                      bool_or(c.json is null) filter (where c.n <= $4) as incomplete
                 from (
                   select k.position, k.id, ${JSON_OF[kind]} as json,
                          row_number() over (order by k.position, k.id) as n
                     from (
                       select ${PRESENTED_COLUMNS} from claim
                        where article_id = a.id and ($2::int is null or (position, id) > ($2::int, $3::uuid))
                        order by position, id limit ${size}
                     ) k
                 ) c
             ) p on true
            where a.id = $1`,
    ),
    values,
  });
  return rows[0];
}

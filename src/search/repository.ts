import { type Db, type Queryable, withTransaction } from '../db/pool';
import { type ParsedQuery, placeholder, type SearchCursor } from './query';

export type SearchType = 'claim' | 'article' | 'factcheck';

export interface SearchFilter {
  types: SearchType[];
  speakerId?: string;
  speakerType?: string;
  claimStatus?: string;
  articleStatus?: string;
  verdict?: string;
  publisher?: string;
  from?: string;
  to?: string;
}

export interface RankedHit {
  type: SearchType;
  id: string;
  score: number;
}

/**
 * The tsquery of a parsed search box as SQL: websearch_to_tsquery of the text, each placeholder then
 * replaced by its prefix as `to_tsquery` normalises it (`running*` gives 'run':*). A prefix that is a
 * stop word keeps its placeholder, which matches nothing.
 */
export function tsquery(q: ParsedQuery, arg: (v: unknown) => string): string {
  let sql = `websearch_to_tsquery('english', ${arg(q.text)})::text`;
  q.prefixes.forEach((prefix, i) => {
    const word = `'''${placeholder(i)}'''`;
    sql = `replace(${sql}, ${word}, coalesce(nullif(to_tsquery('english', ${arg(`'${prefix}':*`)})::text, ''), ${word}))`;
  });
  return `(${sql})::tsquery`;
}

/**
 * How many matches of each kind are ranked: a common word matches a fifth of a million claims, and ranking
 * them all reads every one of those rows (1.4 s in bench:api). A query matching more than this ranks its
 * newest CANDIDATES matches of each kind and pages through those only — a documented approximation
 * (README, "Search"): the best of the newest, not the best of all time. Fewer matches are all ranked.
 */
export const CANDIDATES = 200;

/** Up to this many articles, a publisher or date filter on claims goes through the articles' ids. */
const FEW_ARTICLES = 2000;

/**
 * One page of hits over claims, articles and fact-checks, best first. Each kind ranks its own candidates
 * (ts_rank normalised by document length, so long articles do not drown short claims) and contributes
 * at most a page; the union is ordered by (score desc, id) — the keyset the cursor continues from. The
 * cursor applies after the candidates are chosen, and leaves out what was written after the first page,
 * so every page ranks the same candidates.
 */
export async function rankedHits(
  db: Db,
  q: ParsedQuery,
  f: SearchFilter,
  limit: number,
  after?: SearchCursor,
): Promise<RankedHit[]> {
  if (!f.types.length) return [];
  // A common word matches a quarter of all articles, and then the planner prefers reading the whole table,
  // which unpacks every article's tsvector from TOAST to test it; the GIN index answers without that.
  // Searched tables are read from memory, where a page out of order costs little more than the next one.
  return await withTransaction(
    db,
    async (tx) => {
      const few = f.types.includes('claim') && (await fewArticles(tx, f));
      const args: unknown[] = [];
      const sql = hitsSql(q, f, limit, after, few, (v) => `$${args.push(v)}`);
      return (await tx.query<RankedHit>(sql, args)).rows;
    },
    ['enable_seqscan = off', 'random_page_cost = 1.1'],
  );
}

/** Conditions on the article `a` for a publisher or dates filter on claims. */
function articleConditions(f: SearchFilter, arg: (v: unknown) => string): string[] {
  return [
    ...(f.publisher ? [`a.publisher = ${arg(f.publisher)}`] : []),
    ...published(f, 'coalesce(a.published_at, a.created_at)', arg),
  ];
}

// Publication dates are the article's (or the fact-check's) own, first publication else first sight.
function published(f: SearchFilter, at: string, arg: (v: unknown) => string): string[] {
  return [
    ...(f.from ? [`${at} >= ${arg(f.from)}::timestamptz`] : []),
    ...(f.to ? [`${at} <= ${arg(f.to)}::timestamptz`] : []),
  ];
}

/** Whether a publisher or dates filter leaves few articles (answered from an index, at most FEW_ARTICLES rows read). */
async function fewArticles(tx: Queryable, f: SearchFilter): Promise<boolean> {
  const args: unknown[] = [];
  const where = articleConditions(f, (v) => `$${args.push(v)}`);
  if (!where.length) return false;
  const { rows } = await tx.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from article a where ${where.join(' and ')} limit ${FEW_ARTICLES + 1}) x`,
    args,
  );
  return rows[0]!.n <= FEW_ARTICLES;
}

function hitsSql(
  q: ParsedQuery,
  f: SearchFilter,
  limit: number,
  after: SearchCursor | undefined,
  fewArticles: boolean,
  arg: (v: unknown) => string,
): string {
  const query = tsquery(q, arg);
  const n = arg(limit + 1);
  const eq = (column: string, value: string | undefined) => (value ? [`${column} = ${arg(value)}`] : []);
  // One kind's best matches, `t` being its table. The newest matches come from a (…, created_at, id)
  // index read backwards when the word is common (a few pages), or from the GIN index when it is rare (a
  // few rows): the planner picks from the word's statistics. Except for phrases, which it takes to be as
  // common as their words together: "families defections" read all 20,000 articles newest first for 14
  // hits. Ordering by an expression no index has leaves it the GIN index, bounded by the words' matches.
  const newest = q.text.includes('"') ? "t.created_at + interval '0 s'" : 't.created_at';
  // Where a kind's words are: its own `search` column, or for articles their `article_search` row (000017).
  const ranked = (
    type: SearchType,
    conditions: string[],
    words = { from: `${type} t`, match: 't.search', rank: 't.search' },
  ) => {
    const where = [`${words.match} @@ ${query}`, ...conditions];
    if (after?.asOf) where.push(`t.created_at <= ${arg(new Date(after.asOf).toISOString())}::timestamptz`);
    const candidates = `select t.id, ${words.rank} as doc from ${words.from} where ${where.join(' and ')}
      order by ${newest} desc, t.id desc limit ${CANDIDATES}`;
    const score = `ts_rank(c.doc, ${query}, 1)`;
    const page: string[] = [];
    if (after) {
      const [s, id] = [arg(after.score), arg(after.id)];
      page.push(`where ${score} < ${s}::real or (${score} = ${s}::real and c.id > ${id}::uuid)`);
    }
    return `(select '${type}' as type, c.id, ${score} as score from (${candidates}) c
       ${page.join('')} order by score desc, c.id limit ${n})`;
  };
  const selects: string[] = [];
  if (f.types.includes('claim')) {
    // Few articles go first, as a list of ids: Postgres intersects their claims with the word's matches in
    // the indexes, where a join would read every claim the word matches or every claim of those articles.
    // Many (a wide date range) are looked up from each candidate claim instead.
    const article = articleConditions(f, arg).join(' and ');
    const ofArticles = !article
      ? []
      : fewArticles
        ? [`t.article_id = any(array(select a.id from article a where ${article}))`]
        : [`exists (select from article a where a.id = t.article_id and ${article})`];
    selects.push(
      ranked('claim', [
        ...eq('t.speaker_id', f.speakerId),
        ...eq('t.speaker_type', f.speakerType),
        ...eq('t.status', f.claimStatus),
        ...eq('t.verdict', f.verdict),
        ...ofArticles,
      ]),
    );
  }
  if (f.types.includes('article')) {
    const conditions = [...eq('t.status', f.articleStatus), ...eq('t.publisher', f.publisher)];
    selects.push(
      ranked('article', [...conditions, ...published(f, 'coalesce(t.published_at, t.created_at)', arg)], {
        from: 'article t join article_search s on s.article_id = t.id',
        match: 's.search',
        rank: 's.search_lead',
      }),
    );
  }
  if (f.types.includes('factcheck')) {
    const conditions = [...eq('t.verdict', f.verdict), ...eq('t.author_org', f.publisher)];
    selects.push(ranked('factcheck', [...conditions, ...published(f, 'coalesce(t.published_at, t.created_at)', arg)]));
  }
  return `select type, id, score from (${selects.join(' union all ')}) hits order by score desc, id limit ${n}`;
}

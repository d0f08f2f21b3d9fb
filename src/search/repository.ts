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
function tsquery(q: ParsedQuery, arg: (v: unknown) => string): string {
  let sql = `websearch_to_tsquery('english', ${arg(q.text)})::text`;
  q.prefixes.forEach((prefix, i) => {
    const word = `'''${placeholder(i)}'''`;
    sql = `replace(${sql}, ${word}, coalesce(nullif(to_tsquery('english', ${arg(`'${prefix}':*`)})::text, ''), ${word}))`;
  });
  return `(${sql})::tsquery`;
}

/**
 * One page of hits over claims, articles and fact-checks, best first. Each kind ranks its own matches
 * (ts_rank normalised by document length, so long articles do not drown short claims) and contributes
 * at most a page; the union is ordered by (score desc, id) — the keyset the cursor continues from.
 */
export async function rankedHits(
  db: Db,
  q: ParsedQuery,
  f: SearchFilter,
  limit: number,
  after?: SearchCursor,
): Promise<RankedHit[]> {
  const args: unknown[] = [];
  const arg = (v: unknown) => `$${args.push(v)}`;
  const query = tsquery(q, arg);
  const n = arg(limit + 1);
  const eq = (column: string, value: string | undefined) => (value ? [`${column} = ${arg(value)}`] : []);
  // One kind's best matches: `from` names the table as `t`, `at` is its publication date.
  const ranked = (type: SearchType, from: string, at: string, conditions: string[], rankOn = 't.search') => {
    const score = `ts_rank(${rankOn}, ${query}, 1)`;
    const where = [`t.search @@ ${query}`, ...conditions];
    if (f.from) where.push(`${at} >= ${arg(f.from)}::timestamptz`);
    if (f.to) where.push(`${at} <= ${arg(f.to)}::timestamptz`);
    if (after) {
      const [s, id] = [arg(after.score), arg(after.id)];
      where.push(`(${score} < ${s}::real or (${score} = ${s}::real and t.id > ${id}::uuid))`);
    }
    return `(select '${type}' as type, t.id, ${score} as score from ${from}
       where ${where.join(' and ')} order by score desc, t.id limit ${n})`;
  };
  const selects: string[] = [];
  if (f.types.includes('claim')) {
    const withArticle = f.publisher || f.from || f.to;
    selects.push(
      ranked(
        'claim',
        `claim t ${withArticle ? 'join article a on a.id = t.article_id' : ''}`,
        'coalesce(a.published_at, a.created_at)',
        [
          ...eq('t.speaker_id', f.speakerId),
          ...eq('t.speaker_type', f.speakerType),
          ...eq('t.status', f.claimStatus),
          ...eq('t.verdict', f.verdict),
          ...eq('a.publisher', f.publisher),
        ],
      ),
    );
  }
  if (f.types.includes('article')) {
    selects.push(
      ranked(
        'article',
        'article t',
        'coalesce(t.published_at, t.created_at)',
        [...eq('t.status', f.articleStatus), ...eq('t.publisher', f.publisher)],
        't.search_lead',
      ),
    );
  }
  if (f.types.includes('factcheck')) {
    selects.push(
      ranked('factcheck', 'factcheck t', 'coalesce(t.published_at, t.created_at)', [
        ...eq('t.verdict', f.verdict),
        ...eq('t.author_org', f.publisher),
      ]),
    );
  }
  if (!selects.length) return [];
  // A common word matches a quarter of all articles, and then the planner prefers reading the whole table,
  // which unpacks every article's tsvector from TOAST to test it; the GIN index answers without that.
  return await withTransaction(db, async (tx) => {
    await tx.query('set local enable_seqscan = off');
    const { rows } = await tx.query<RankedHit>(
      `select type, id, score from (${selects.join(' union all ')}) hits order by score desc, id limit ${n}`,
      args,
    );
    return rows;
  });
}

// Whole short texts (claims, fact-checked claims) come back marked throughout; article bodies as fragments.
const MARKS = 'StartSel="\u0001", StopSel="\u0002"';
const WHOLE = `${MARKS}, HighlightAll=true`;
const FRAGMENTS = `${MARKS}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export interface ClaimHitRow {
  id: string;
  article_id: string;
  text: string;
  speaker_id: string | null;
  speaker_name: string | null;
  speaker_type: string;
  status: string;
  verdict: string | null;
  marked: string;
}

export interface ArticleHitRow {
  id: string;
  title: string | null;
  publisher: string | null;
  published_at: Date | null;
  status: string;
  marked: string;
}

export interface FactcheckHitRow {
  id: string;
  url: string;
  claim_reviewed: string;
  verdict: string | null;
  rating_name: string | null;
  author_org: string | null;
  published_at: Date | null;
  marked: string;
}

/** The rows of one page's hits with their snippets: ts_headline runs on these few rows only. */
export async function hitDetails(db: Queryable, q: ParsedQuery, hits: RankedHit[]) {
  const ids = (type: SearchType) => hits.filter((h) => h.type === type).map((h) => h.id);
  const run = async <T extends { id: string }>(type: SearchType, select: string, options: string) => {
    const wanted = ids(type);
    if (!wanted.length) return new Map<string, T>();
    const args: unknown[] = [wanted, options];
    const query = tsquery(q, (v) => `$${args.push(v)}`);
    const { rows } = await db.query<T>(`with q as (select ${query} as query) ${select}`, args);
    return new Map(rows.map((r) => [r.id, r]));
  };
  const [claims, articles, factchecks] = await Promise.all([
    run<ClaimHitRow>(
      'claim',
      `select c.id, c.article_id, c.text, c.speaker_id, c.speaker_name, c.speaker_type, c.status, c.verdict,
              ts_headline('english', c.text, q.query, $2) as marked
         from q, claim c where c.id = any($1::uuid[])`,
      WHOLE,
    ),
    run<ArticleHitRow>(
      'article',
      `select a.id, a.title, a.publisher, a.published_at, a.status,
              ts_headline('english', coalesce(a.title || E'\\n', '') || left(a.body, 20000), q.query, $2) as marked
         from q, article a where a.id = any($1::uuid[])`,
      FRAGMENTS,
    ),
    run<FactcheckHitRow>(
      'factcheck',
      `select fc.id, fc.url, fc.claim_reviewed, fc.verdict, fc.rating_name, fc.author_org, fc.published_at,
              ts_headline('english', fc.claim_reviewed, q.query, $2) as marked
         from q, factcheck fc where fc.id = any($1::uuid[])`,
      WHOLE,
    ),
  ]);
  return { claims, articles, factchecks };
}

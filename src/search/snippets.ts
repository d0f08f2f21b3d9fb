import type { Queryable } from '../db/pool';
import type { ParsedQuery } from './query';
import { type RankedHit, type SearchType, tsquery } from './repository';

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

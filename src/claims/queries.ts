import { type Queryable, statementName, statementText } from '../db/pool';
import { SPEAKER_TYPES } from '../extraction/types';
import { fetchSize } from './present-sql';
import { CLAIM_STATUSES } from './schema';
import type { ClaimRow } from './repository';
import { storedClaimJson, withBuiltJson } from './stored-json';

/** A value of a closed list, as an SQL literal; anything else is refused (it never reaches the text). */
export function enumLiteral(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new Error(`not one of ${allowed.join(', ')}: ${value}`);
  return `'${value}'`;
}

/**
 * A confidence threshold (validated to 0..1 by the schemas) as an SQL literal. As a parameter, `confidence >= $n`
 * gets a default selectivity in the generic plan, which then looks dearer than a custom one, so Postgres plans
 * the listing afresh on every request (about 1 ms for the claims' JSON); written into the text, it is planned once.
 */
export function confidenceLiteral(value: number): string {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`not a confidence: ${value}`);
  return `${value}::float8`;
}

/**
 * A statement name for a query whose text holds a confidence threshold: only round thresholds (0, 0.1, … 1,
 * what the API's defaults and the workspace use) are prepared, so odd values asked for cannot crowd out the
 * common statements' names (see statementName); any other threshold runs unnamed, planned each time.
 */
export function thresholdStatementName(name: string, threshold: number | undefined): string | undefined {
  if (threshold !== undefined && Math.round(threshold * 10) !== threshold * 10) return undefined;
  return statementName(name);
}

export interface ClaimFilter {
  status?: string;
  speakerType?: string;
  articleId?: string;
  minConfidence?: number;
  limit: number;
  newestFirst?: boolean;
  after?: { createdAt: string; id: string };
}

/** The columns claimJson (./present-sql.ts) reads; never `select *`, which also carries the search vector. */
export const PRESENTED_COLUMNS = `id, article_id, position, text, kind, cue, speaker_mention, speaker_name, speaker_type,
  speaker_anonymous, speaker_title, speaker_affiliation, via, hedges, checkworthy, confidence, content_spans,
  source_spans, cue_spans, extractor_name, extractor_version, extractor_model, status, version, created_at, updated_at,
  priority, flag_reason, flagged_at, assignee_name, verdict, verdict_note, verdict_at, speaker_id, group_id, listing_json`;

/**
 * Keyset pagination on (created_at, id): stable under concurrent inserts, no OFFSET scans. Each claim comes
 * as JSON text, with the verdict it carries over its links: stored (storedClaimJson) or, for the few claims that
 * need it, built in a second round trip (withBuiltJson).
 */
export async function listClaims(
  db: Queryable,
  f: ClaimFilter,
): Promise<{ id: string; cursor_created_at: string; json: string }[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  // Status and speaker type are written into the text (see enumLiteral): with them as parameters the
  // generic plan would not know a rare status from a common one, and for a rare one walk the whole
  // created_at index.
  if (f.status) where.push(`status = ${enumLiteral(f.status, CLAIM_STATUSES)}`);
  if (f.speakerType) where.push(`speaker_type = ${enumLiteral(f.speakerType, SPEAKER_TYPES)}`);
  if (f.articleId) where.push(`article_id = ${arg(f.articleId)}`);
  if (f.minConfidence) where.push(`confidence >= ${confidenceLiteral(f.minConfidence)}`);
  const [after, direction] = f.newestFirst ? ['<', 'desc'] : ['>', 'asc'];
  if (f.after)
    where.push(`(created_at, id) ${after} (${arg(f.after.createdAt)}::timestamptz, ${arg(f.after.id)}::uuid)`);
  const size = fetchSize(f.limit);
  // One prepared statement per shape of filter and fetch size, planned once per connection.
  const shape = [
    f.status ?? '',
    f.speakerType ?? '',
    f.articleId ? 'a' : '',
    f.minConfidence ? `m${f.minConfidence}` : '',
    f.after ? 'c' : '',
  ].join('-');
  const name = thresholdStatementName(`claim-list-${shape}-${direction}-${size}`, f.minConfidence);
  // The cursor keeps created_at as Postgres prints it: JS dates would cut microseconds and repeat rows.
  const sql = statementText(
    name,
    () => `select p.id, p.created_at::text as cursor_created_at, ${storedClaimJson('p')} as json
     from (select ${PRESENTED_COLUMNS} from claim
            ${where.length ? `where ${where.join(' and ')}` : ''}
            order by created_at ${direction}, id ${direction} limit ${size}) p
    order by p.created_at ${direction}, p.id ${direction}`,
  );
  const { rows } = await db.query<{ id: string; cursor_created_at: string; json: string | null }>({
    name,
    text: sql,
    values: args,
  });
  return withBuiltJson(db, rows.slice(0, f.limit + 1));
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

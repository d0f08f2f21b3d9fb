import type { NewArticle } from '../articles/repository';
import type { Queryable } from '../db/pool';
import type { ExtractorModel } from '../extraction/models';

export type ImportStatus = 'receiving' | 'processing' | 'finished' | 'failed' | 'partial';

export interface ImportRow {
  id: string;
  idempotency_key: string | null;
  key_id: string | null;
  status: ImportStatus;
  received: number;
  duplicate: number;
  invalid: number;
  queued: number;
  started_at: Date;
  received_at: Date | null;
  finished_at: Date | null;
  failure: string | null;
  heartbeat_at: Date;
  body_hash: string | null;
  resume_line: number;
  resume_hash: string | null;
}

/** One validated line, ready for the multi-row insert. */
export type ImportedArticle = Omit<NewArticle, 'request_id'>;
/** An article about to be inserted, with its id and the batch job that will extract it chosen up front. */
export type PlannedArticle = ImportedArticle & { id: string; extract_job: string };

export interface LineError {
  line: number;
  problem: string;
}

export interface Counts {
  received: number;
  duplicate: number;
  invalid: number;
  queued: number;
}

/**
 * Creates the import, or returns the one this API key already made under the same Idempotency-Key
 * (keys are scoped to the API key, as Stripe does: another importer's key never collides).
 */
export async function openImport(
  db: Queryable,
  idempotencyKey: string | null,
  keyId: string | null,
  model: ExtractorModel | null = null,
) {
  const { rows } = await db.query<ImportRow>(
    `insert into import (idempotency_key, key_id, extractor_model) values ($1, $2, $3)
     on conflict (key_id, idempotency_key) do nothing returning *`,
    [idempotencyKey, keyId, model],
  );
  if (rows[0]) return { row: rows[0], created: true };
  const existing = await db.query<ImportRow>(
    'select * from import where idempotency_key = $1 and key_id is not distinct from $2',
    [idempotencyKey, keyId],
  );
  if (!existing.rows[0]) throw new Error('import vanished after a conflicting insert');
  return { row: existing.rows[0], created: false };
}

export async function getImport(db: Queryable, id: string): Promise<ImportRow | undefined> {
  const { rows } = await db.query<ImportRow>('select * from import where id = $1', [id]);
  return rows[0];
}

/**
 * One statement for a whole batch. A URL or body already known (from any import, or earlier in this
 * one) conflicts and is skipped, so only the new articles come back.
 */
export async function insertImportedArticles(
  db: Queryable,
  importId: string,
  requestId: string,
  articles: PlannedArticle[],
) {
  if (!articles.length) return [];
  const { rows } = await db.query<{ id: string; extract_job: string }>(
    `insert into article (id, url, title, body, publisher, author, published_at, content_hash, request_id, import_id,
                          extract_job, extractor_model)
     select x.id, x.url, x.title, x.body, x.publisher, x.author, x.published_at, x.content_hash, $2, $3, x.extract_job,
            (select extractor_model from import where id = $3)
       from jsonb_to_recordset($1::jsonb) as x(id uuid, url text, title text, body text, publisher text, author text,
                                                published_at timestamptz, content_hash text, extract_job text)
     on conflict do nothing
     returning id, extract_job`,
    [JSON.stringify(articles), requestId, importId],
  );
  return rows;
}

/** Counts a committed batch, and where the feed stands after it (a resumed request skips that far). */
export async function addCounts(
  db: Queryable,
  id: string,
  c: Counts,
  upTo: { line: number; hash: string | null },
): Promise<void> {
  await db.query(
    `update import set received = received + $2, duplicate = duplicate + $3, invalid = invalid + $4, queued = queued + $5,
            resume_line = $6, resume_hash = $7, heartbeat_at = now()
      where id = $1`,
    [id, c.received, c.duplicate, c.invalid, c.queued, upTo.line, upTo.hash],
  );
}

export async function addErrors(db: Queryable, id: string, errors: LineError[]): Promise<void> {
  if (!errors.length) return;
  await db.query(
    `insert into import_error (import_id, line, problem)
     select $1, x.line, x.problem from jsonb_to_recordset($2::jsonb) as x(line integer, problem text)
     on conflict do nothing`,
    [id, JSON.stringify(errors.map((e) => ({ line: e.line, problem: storable(e.problem) })))],
  );
}

export async function markReceived(db: Queryable, id: string, bodyHash: string): Promise<void> {
  await db.query(
    `update import set status = 'processing', received_at = now(), body_hash = $2, failure = null
      where id = $1 and status = 'receiving'`,
    [id, bodyHash],
  );
}

/** A problem may quote the feed; what Postgres cannot hold (NUL, lone surrogates) becomes `?`. */
const storable = (problem: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what must go.
  problem.replace(/[\u0000\ud800-\udfff\ufffd]/g, '?').slice(0, 1000);

export async function listErrors(db: Queryable, id: string, limit: number): Promise<LineError[]> {
  const { rows } = await db.query<LineError>(
    'select line, problem from import_error where import_id = $1 order by line limit $2',
    [id, limit],
  );
  return rows;
}

/**
 * Live progress: the sums of the changes the article triggers recorded (migration 000019), exact whenever the
 * article rows are, and a few hundred rows to add up however large the import (the rows themselves cost every
 * poll a scan of all their versions).
 */
export async function articleProgress(db: Queryable, id: string) {
  const { rows } = await db.query<{ extracted: number; failed: number; pending: number; claims: number }>(
    `select coalesce(sum(extracted), 0)::int as extracted, coalesce(sum(failed), 0)::int as failed,
            coalesce(sum(pending), 0)::int as pending, coalesce(sum(claims), 0)::int as claims
       from import_progress where import_id = $1`,
    [id],
  );
  return rows[0] ?? { extracted: 0, failed: 0, pending: 0, claims: 0 };
}

/** Marks the import finished at its last article's time (read once, here), not the reader's. */
export async function markFinished(db: Queryable, id: string): Promise<ImportRow | undefined> {
  const { rows } = await db.query<ImportRow>(
    `update import set status = 'finished',
            finished_at = coalesce((select max(coalesce(extracted_at, updated_at)) from article where import_id = $1),
                                   received_at, now())
      where id = $1 and status = 'processing' returning *`,
    [id],
  );
  return rows[0];
}

export async function listFailedArticles(db: Queryable, id: string, limit: number) {
  const { rows } = await db.query<{
    id: string;
    url: string | null;
    title: string | null;
    error: string | null;
    attempts: number;
    updated_at: Date;
  }>(
    `select id, url, title, error, attempts, updated_at from article
      where import_id = $1 and status = 'failed' order by updated_at, id limit $2`,
    [id, limit],
  );
  return rows;
}

export async function failedArticleIds(db: Queryable, id: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`select id from article where import_id = $1 and status = 'failed'`, [
    id,
  ]);
  return rows.map((r) => r.id);
}

/** Back to `queued` with fresh attempts; the import is unfinished again until they are done. */
export async function requeueFailed(db: Queryable, id: string, articleIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `update article set status = 'queued', attempts = 0, error = null, lease_until = null, updated_at = now()
      where import_id = $1 and status = 'failed' and id = any($2::uuid[]) returning id`,
    [id, articleIds],
  );
  if (rows.length)
    await db.query(
      `update import set status = 'processing', finished_at = null where id = $1 and status = 'finished'`,
      [id],
    );
  return rows.map((r) => r.id);
}

import type { Queryable } from '../db/pool';
import type { ExtractorModel } from '../extraction';

export interface ArticleRow {
  id: string;
  url: string | null;
  title: string | null;
  body: string;
  publisher: string | null;
  author: string | null;
  published_at: Date | null;
  content_hash: string;
  status: 'queued' | 'processing' | 'extracted' | 'failed';
  error: string | null;
  attempts: number;
  claim_count: number;
  extractor_version: string | null;
  /** The model asked for; null: the deployment's EXTRACTOR_MODEL. */
  extractor_model: ExtractorModel | null;
  request_id: string | null;
  created_at: Date;
  updated_at: Date;
  extracted_at: Date | null;
}

export interface NewArticle {
  url: string | null;
  title: string | null;
  body: string;
  publisher: string | null;
  author: string | null;
  published_at: string | null;
  content_hash: string;
  request_id: string | null;
  extractor_model?: ExtractorModel | null;
}

/** Inserts unless the URL or content hash is known; returns the new row, or undefined for a duplicate. */
export async function insertArticle(db: Queryable, a: NewArticle): Promise<ArticleRow | undefined> {
  const { rows } = await db.query<ArticleRow>(
    `insert into article (url, title, body, publisher, author, published_at, content_hash, request_id, extractor_model)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict do nothing
     returning *`,
    [
      a.url,
      a.title,
      a.body,
      a.publisher,
      a.author,
      a.published_at,
      a.content_hash,
      a.request_id,
      a.extractor_model ?? null,
    ],
  );
  return rows[0];
}

export async function findArticleByUrlOrHash(
  db: Queryable,
  url: string | null,
  contentHash: string,
): Promise<ArticleRow | undefined> {
  const { rows } = await db.query<ArticleRow>(
    `select * from article where content_hash = $2 or (url is not null and url = $1)
     order by created_at limit 1`,
    [url, contentHash],
  );
  return rows[0];
}

export async function getArticle(db: Queryable, id: string): Promise<ArticleRow | undefined> {
  const { rows } = await db.query<ArticleRow>('select * from article where id = $1', [id]);
  return rows[0];
}

/** Takes the article for extraction unless it is already extracted by this extractor version. */
export async function leaseArticle(db: Queryable, id: string, extractorVersion: string, leaseSeconds: number) {
  // Named, so each connection parses and plans it once: it runs once per extracted article.
  const { rows } = await db.query<Pick<ArticleRow, 'id' | 'body' | 'extractor_model'>>({
    name: 'article-lease',
    text: `update article
        set status = 'processing', attempts = attempts + 1, updated_at = now(),
            lease_until = now() + make_interval(secs => $3)
      where id = $1 and not (status = 'extracted' and extractor_version is not distinct from $2)
      returning id, body, extractor_model`,
    values: [id, extractorVersion, leaseSeconds],
  });
  return rows[0];
}

/** `leaseArticle` for many articles in one statement; returns those taken. */
export async function leaseArticles(db: Queryable, ids: string[], extractorVersion: string, leaseSeconds: number) {
  const { rows } = await db.query<Pick<ArticleRow, 'id' | 'body' | 'extractor_model'>>({
    name: 'article-lease-many',
    text: `update article
        set status = 'processing', attempts = attempts + 1, updated_at = now(),
            lease_until = now() + make_interval(secs => $3)
      where id = any($1::uuid[]) and not (status = 'extracted' and extractor_version is not distinct from $2)
      returning id, body, extractor_model`,
    values: [ids, extractorVersion, leaseSeconds],
  });
  return rows;
}

/**
 * Locks the articles still waiting for their first extraction by this extractor version (the guard of
 * `writeFirstExtractions`) and returns their ids; in id order, so two batches never wait on each other in a cycle.
 */
export async function lockFirstExtractions(db: Queryable, ids: string[], extractorVersion: string): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `select id from article
      where id = any($1::uuid[]) and not (status = 'extracted' and extractor_version is not distinct from $2)
        and not exists (select 1 from claim where claim.article_id = article.id)
      order by id for update`,
    [ids, extractorVersion],
  );
  return new Set(rows.map((r) => r.id));
}

export async function lockArticle(db: Queryable, id: string) {
  const { rows } = await db.query<Pick<ArticleRow, 'status' | 'extractor_version'>>(
    'select status, extractor_version from article where id = $1 for update',
    [id],
  );
  return rows[0];
}

export async function markExtracted(
  db: Queryable,
  id: string,
  claimCount: number,
  extractorVersion: string,
): Promise<void> {
  await db.query(
    `update article set status = 'extracted', claim_count = $2, extractor_version = $3, error = null,
            lease_until = null, extracted_at = now(), updated_at = now()
      where id = $1`,
    [id, claimCount, extractorVersion],
  );
}

export async function markFailed(db: Queryable, id: string, error: string): Promise<void> {
  await db.query(
    `update article set status = 'failed', error = $2, lease_until = null, updated_at = now()
      where id = $1 and status <> 'extracted'`,
    [id, error.slice(0, 2000)],
  );
}

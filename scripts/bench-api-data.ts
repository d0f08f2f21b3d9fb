import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const SPEAKER_TYPES = ['official', 'expert', 'source', 'person', 'organization', 'media', 'publication'];
const STATUSES = ['unreviewed', 'unreviewed', 'unreviewed', 'flagged', 'in_review', 'reviewed', 'dismissed'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const WORDS =
  'minister said unemployment fell inflation budget election council police report hospital schools rose percent'.split(
    ' ',
  );

/** COPY text format: tabs and newlines never occur in what we generate; \N is null. */
const row = (values: (string | number | null)[]) =>
  `${values.map((v) => (v === null ? '\\N' : String(v))).join('\t')}\n`;

async function copy(client: pg.PoolClient, sql: string, rows: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(rows, { objectMode: false }), client.query(copyFrom(sql)));
}

/**
 * A million claims in `articles` articles, written with COPY (secondary indexes dropped and rebuilt around
 * it, as a bulk load should). Returns one article id to read claims from.
 */
export async function loadClaims(db: pg.Pool, claims: number, perArticle: number): Promise<string> {
  const client = await db.connect();
  try {
    // The pool's 30 s statement timeout is for requests; a million-row COPY and index builds take longer.
    await client.query('set statement_timeout = 0');
    const articles = Math.ceil(claims / perArticle);
    const articleIds = Array.from({ length: articles }, () => randomUUID());
    const start = Date.parse('2026-01-01T00:00:00Z');
    await copy(
      client,
      'copy article (id, title, body, publisher, published_at, content_hash, status, claim_count) from stdin',
      (function* () {
        for (let a = 0; a < articles; a++) {
          const at = new Date(start + a * 60_000).toISOString();
          yield row([
            articleIds[a]!,
            `Story ${a}`,
            `Body of story ${a}.`,
            `Publisher ${a % 40}`,
            at,
            `hash-${a}`,
            'extracted',
            perArticle,
          ]);
        }
      })(),
    );
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where tablename = 'claim' and indexname not like '%pkey' and indexname not like '%_key'`,
    );
    for (const i of indexes) await client.query(`drop index ${i.name}`);
    await copy(
      client,
      `copy claim (article_id, claim_key, position, text, kind, cue, speaker_name, speaker_type, speaker_anonymous,
                   checkworthy, confidence, content_spans, source_spans, cue_spans, extractor_name, extractor_version,
                   status, priority, flagged_at, created_at) from stdin`,
      (function* () {
        for (let c = 0; c < claims; c++) {
          const a = Math.floor(c / perArticle);
          // Status and speaker type vary independently, so every combination of filters has claims.
          const status = STATUSES[c % STATUSES.length]!;
          const flagged = status === 'flagged' || status === 'in_review';
          const text = `${WORDS[c % WORDS.length]} ${WORDS[(c * 7) % WORDS.length]} ${WORDS[(c * 13) % WORDS.length]} by ${c % 97} percent in ${2000 + (c % 26)}`;
          const at = new Date(start + a * 60_000 + (c % perArticle) * 1000).toISOString();
          yield row([
            articleIds[a]!,
            `k${c}`,
            c % perArticle,
            text,
            'indirect',
            'said',
            `Speaker ${c % 5000}`,
            SPEAKER_TYPES[Math.floor(c / 7) % SPEAKER_TYPES.length]!,
            'f',
            ((c % 100) / 100).toFixed(2),
            '0.8',
            '[[0,10]]',
            '[[11,20]]',
            '[[21,25]]',
            'bench',
            '1',
            status,
            flagged ? PRIORITIES[c % 4]! : null,
            flagged ? at : null,
            at,
          ]);
        }
      })(),
    );
    for (const i of indexes) await client.query(i.def);
    // As autovacuum would after a bulk load (this machine's Postgres runs without it): hint bits and the
    // visibility map set now, not by the first listings that read each page. Then a checkpoint, so the load's
    // deferred writes are on disk before anything is measured: without both, a timed checkpoint flushing the load's
    // gigabyte landed inside a route's slices (the article's claims, fourth, at p99 10–11 ms where a reused database
    // gave 3, the bench process's own CPU per request doubled by the I/O around it).
    await client.query('vacuum (analyze) article');
    await client.query('vacuum (analyze) claim');
    await client.query('checkpoint');
    return articleIds[Math.floor(articles / 2)]!;
  } finally {
    client.release();
  }
}

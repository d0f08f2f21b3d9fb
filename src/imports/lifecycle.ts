import type { Hash } from 'node:crypto';
import type { Queryable } from '../db/pool';
import { AppError } from '../errors';
import type { SourceLine } from './lines';
import type { ImportRow } from './repository';

/**
 * A `receiving` import is touched every few seconds by the request reading it; one whose heartbeat is
 * this old lost its request (client gone, API process killed) and is marked stopped by whoever sees it.
 */
export const STALE_AFTER_SECONDS = 60;
export const HEARTBEAT_MS = 10_000;

/** The same Idempotency-Key with another feed: like Stripe, refuse rather than guess which one is meant. */
export class FeedMismatch extends AppError {
  constructor() {
    super(
      'idempotency_key_reused',
      422,
      'This Idempotency-Key was already used with a different feed; send the same feed to resume or replay it, or use a new key.',
    );
  }
}

const STOP = `status = case when received > 0 then 'partial' else 'failed' end`;

/** The request reading the import ended before the feed did: keep what was stored, say why. */
export async function markStopped(db: Queryable, id: string, reason: string): Promise<void> {
  await db.query(`update import set ${STOP}, failure = $2 where id = $1 and status = 'receiving'`, [
    id,
    reason.slice(0, 500),
  ]);
}

/** Marks stale `receiving` imports stopped (all of them, or just `id`); returns those it changed. */
export async function stopStalledImports(db: Queryable, id?: string): Promise<ImportRow[]> {
  const { rows } = await db.query<ImportRow>(
    `update import set ${STOP},
            failure = 'the upload stopped: nothing arrived for ${STALE_AFTER_SECONDS} s (the client or the API process went away)'
      where status = 'receiving' and heartbeat_at < now() - make_interval(secs => $1)
        and ($2::uuid is null or id = $2)
      returning *`,
    [STALE_AFTER_SECONDS, id ?? null],
  );
  return rows;
}

/**
 * A stopped import (or one whose request died unnoticed) taken over by a new request under the same key;
 * undefined when it is not resumable (still receiving elsewhere, or already read whole).
 */
export async function takeOverForResume(db: Queryable, id: string): Promise<ImportRow | undefined> {
  const { rows } = await db.query<ImportRow>(
    `update import set status = 'receiving', failure = null, heartbeat_at = now()
      where id = $1 and (status in ('failed', 'partial')
                         or (status = 'receiving' and heartbeat_at < now() - make_interval(secs => $2)))
      returning *`,
    [id, STALE_AFTER_SECONDS],
  );
  return rows[0];
}

/** Imports this process is reading right now, so a shutdown can mark them stopped before it goes. */
export const uploadsInProgress = new Set<string>();

/** On shutdown: the uploads still being read here will not finish; say so now rather than in a minute. */
export async function stopUploadsInProgress(db: Queryable): Promise<void> {
  if (!uploadsInProgress.size) return;
  await db.query(
    `update import set ${STOP}, failure = 'the upload stopped: the API process shut down' where id = any($1::uuid[]) and status = 'receiving'`,
    [[...uploadsInProgress]],
  );
}

export async function touchImport(db: Queryable, id: string): Promise<void> {
  await db.query(`update import set heartbeat_at = now() where id = $1 and status = 'receiving'`, [id]);
}

/**
 * A resumed import: lines up to `upTo` were committed by an earlier request, so they are read and
 * hashed but not stored again; if they are not the same bytes, the feed is another one (422).
 */
export async function* skipCommitted(
  source: AsyncIterable<SourceLine>,
  upTo: { line: number; hash: string | null },
  hash: Hash,
): AsyncGenerator<SourceLine> {
  let checked = upTo.line === 0;
  for await (const item of source) {
    if (checked) {
      yield item;
      continue;
    }
    if (item.line < upTo.line) continue;
    if (item.line > upTo.line || hash.copy().digest('hex') !== upTo.hash) throw new FeedMismatch();
    checked = true;
  }
  if (!checked) throw new FeedMismatch();
}

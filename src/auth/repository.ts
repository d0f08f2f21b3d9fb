import type { Queryable } from '../db/pool';
import type { Role } from './types';

export interface KeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, role, prefix, created_at, last_used_at, revoked_at';

export async function insertKey(db: Queryable, k: { name: string; role: Role; hash: string; prefix: string }) {
  const { rows } = await db.query<KeyRow>(
    `insert into api_key (name, role, key_hash, prefix) values ($1, $2, $3, $4) returning ${COLUMNS}`,
    [k.name, k.role, k.hash, k.prefix],
  );
  return rows[0]!;
}

export async function findActiveKeyByHash(db: Queryable, hash: string) {
  const { rows } = await db.query<Pick<KeyRow, 'id' | 'name' | 'role'>>(
    'select id, name, role from api_key where key_hash = $1 and revoked_at is null',
    [hash],
  );
  return rows[0];
}

export async function getKey(db: Queryable, id: string): Promise<KeyRow | undefined> {
  return (await db.query<KeyRow>(`select ${COLUMNS} from api_key where id = $1`, [id])).rows[0];
}

/** Newest first; `after` is the last row of the previous page (created_at as Postgres prints it, and id). */
export async function listKeys(db: Queryable, limit: number, after?: { createdAt: string; id: string }) {
  const { rows } = await db.query<KeyRow & { cursor_created_at: string }>(
    `select ${COLUMNS}, created_at::text as cursor_created_at from api_key
      where ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::uuid))
      order by created_at desc, id desc limit $1`,
    [limit, after?.createdAt ?? null, after?.id ?? null],
  );
  return rows;
}

/** Revokes once: the first revocation's time stays. */
export async function revokeKey(db: Queryable, id: string): Promise<KeyRow | undefined> {
  const { rows } = await db.query<KeyRow>(
    `update api_key set revoked_at = coalesce(revoked_at, now()) where id = $1 returning ${COLUMNS}`,
    [id],
  );
  return rows[0];
}

/** Revokes an active key; undefined when it is already revoked (or was revoked concurrently) or unknown. */
export async function revokeActiveKey(db: Queryable, id: string): Promise<KeyRow | undefined> {
  const { rows } = await db.query<KeyRow>(
    `update api_key set revoked_at = now() where id = $1 and revoked_at is null returning ${COLUMNS}`,
    [id],
  );
  return rows[0];
}

/** Records use; the condition makes a second writer within the minute a no-op. */
export async function touchKey(db: Queryable, id: string): Promise<void> {
  await db.query(
    `update api_key set last_used_at = now()
      where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [id],
  );
}

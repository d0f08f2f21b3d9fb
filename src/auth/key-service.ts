import { decodeCursor, encodeCursor } from '../claims/service';
import { withTransaction } from '../db/pool';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { announceRevocation } from './key-cache';
import { type CreatedKey, createApiKey } from './keys';
import { getKey, type KeyRow, listKeys, revokeActiveKey, revokeKey } from './repository';
import type { Role } from './types';

/** What an admin sees of a key: never the key itself nor its hash. */
export const presentKey = (k: KeyRow) => ({
  id: k.id,
  name: k.name,
  role: k.role,
  prefix: k.prefix,
  created_at: k.created_at.toISOString(),
  last_used_at: k.last_used_at?.toISOString() ?? null,
  revoked_at: k.revoked_at?.toISOString() ?? null,
});
export const presentCreatedKey = (k: CreatedKey) => ({ ...presentKey(k), key: k.key });

export async function pageOfKeys(deps: Pick<Deps, 'db'>, limit: number, cursor?: string) {
  const rows = await listKeys(deps.db, limit + 1, cursor ? decodeCursor(cursor) : undefined);
  const page = rows.slice(0, limit);
  return {
    items: page.map(presentKey),
    next_cursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

export const createKey = (deps: Pick<Deps, 'db'>, role: Role, name: string) => createApiKey(deps.db, role, name);

/** Revokes now and tells every API process, so the key stops working at once everywhere. */
export async function revoke(deps: Deps, id: string): Promise<KeyRow> {
  const row = await revokeKey(deps.db, id);
  if (!row) throw notFound('api key', id);
  await announceRevocation(deps.producer.redis, deps.config.QUEUE_PREFIX, id, deps.log);
  return row;
}

/** A new key with the same name and role; the old one is revoked in the same transaction. */
export async function rotate(deps: Deps, id: string): Promise<CreatedKey> {
  const created = await withTransaction(deps.db, async (tx) => {
    // The row lock of the update makes a concurrent rotation of the same key find it revoked.
    const old = await revokeActiveKey(tx, id);
    if (!old) {
      const existing = await getKey(tx, id);
      if (!existing) throw notFound('api key', id);
      throw new AppError('key_revoked', 409, 'This key is already revoked; create a new one instead.', {
        revoked_at: existing.revoked_at?.toISOString() ?? null,
      });
    }
    return createApiKey(tx, old.role, old.name);
  });
  await announceRevocation(deps.producer.redis, deps.config.QUEUE_PREFIX, id, deps.log);
  return created;
}

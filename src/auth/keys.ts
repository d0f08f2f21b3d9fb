import { createHash, randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Queryable } from '../db/pool';
import { AppError } from '../errors';
import type { AuthContext, Role } from './types';

const KEY_PREFIX = 'ct_';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export interface CreatedKey {
  id: string;
  name: string;
  role: Role;
  key: string;
}

/** Creates a key; only its hash is stored, so the caller must show the key now or never. */
export async function createApiKey(db: Queryable, role: Role, name: string): Promise<CreatedKey> {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const { rows } = await db.query<{ id: string }>(
    'insert into api_key (name, role, key_hash, prefix) values ($1, $2, $3, $4) returning id',
    [name, role, hashKey(key), key.slice(0, 8)],
  );
  return { id: rows[0]!.id, name, role, key };
}

export async function findKey(db: Queryable, key: string): Promise<AuthContext | undefined> {
  const { rows } = await db.query<{ id: string; name: string; role: Role }>(
    'select id, name, role from api_key where key_hash = $1 and revoked_at is null',
    [hashKey(key)],
  );
  const row = rows[0];
  return row && { keyId: row.id, name: row.name, role: row.role };
}

/**
 * Reads `Authorization: Bearer <key>` and sets req.auth. Routes decide what they need; a malformed or
 * unknown key is rejected here so it never reads as anonymous.
 */
export function authenticate(db: Queryable): RequestHandler {
  // Keys are looked up on every request; a short cache spares Postgres without letting revocation lag long.
  const cache = new Map<string, { auth: AuthContext; until: number }>();
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (!header) return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match)
      throw new AppError(
        'unauthorized',
        401,
        'The Authorization header must be `Bearer <key>`.',
        {},
        { 'WWW-Authenticate': 'Bearer' },
      );
    const key = match[1]!;
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) {
      req.auth = hit.auth;
      return next();
    }
    const auth = await findKey(db, key);
    if (!auth)
      throw new AppError(
        'unauthorized',
        401,
        'The API key is unknown or revoked.',
        {},
        { 'WWW-Authenticate': 'Bearer' },
      );
    if (cache.size > 1000) cache.clear();
    cache.set(key, { auth, until: Date.now() + 30_000 });
    req.auth = auth;
    next();
  };
}

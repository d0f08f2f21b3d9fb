import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where the tests find Postgres and Redis: the local services, overridable like the app itself. */
export const PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_URL = `${PG_BASE}/postgres`;

function migrationsFingerprint(): string {
  const dir = path.join(__dirname, '..', '..', 'db', 'migrations');
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(dir).sort()) hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 12);
}

// Named after the migrations it holds, so concurrent test runs share a template instead of dropping each other's.
export const TEMPLATE_DB = `claimtrack_test_tpl_${migrationsFingerprint()}`;
export const testDatabaseUrl = (name: string) => `${PG_BASE}/${name}`;

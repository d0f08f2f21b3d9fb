import pg from 'pg';
import { migrate } from 'postgres-migrations';
import { fromRoot } from '../paths';

export const MIGRATIONS_DIR = () => fromRoot('db', 'migrations');

/** Creates the database when missing; concurrent callers are fine (a duplicate create is ignored). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 2000 });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`create database ${pg.escapeIdentifier(name)}`).catch((err: { code?: string }) => {
        // 42P04 duplicate_database, 23505: another process created it between our check and our create.
        if (err.code !== '42P04' && err.code !== '23505') throw err;
      });
    }
  } finally {
    await admin.end();
  }
}

/**
 * Applies pending numbered migrations from db/migrations. postgres-migrations holds an advisory lock,
 * so two processes starting at once apply each migration exactly once; each file runs in its own
 * transaction and is recorded with a checksum.
 */
export async function runMigrations(databaseUrl: string, log: (msg: string) => void = () => {}): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    const applied = await migrate({ client }, MIGRATIONS_DIR(), { logger: () => {} });
    const names = applied.map((m) => m.fileName);
    log(names.length ? `applied migrations: ${names.join(', ')}` : 'database schema is up to date');
    return names;
  } finally {
    await client.end();
  }
}

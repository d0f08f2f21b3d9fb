import pg from 'pg';
import { runMigrations } from '../../src/db/migrate';
import { ADMIN_URL, TEMPLATE_DB, testDatabaseUrl } from './env';

/** Migrates a template database once per run; every test file clones it (fast) instead of migrating. */
export default async function globalSetup(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  } finally {
    await admin.end();
  }
  await runMigrations(testDatabaseUrl(TEMPLATE_DB));
}

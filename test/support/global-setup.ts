import pg from 'pg';
import { runMigrations } from '../../src/db/migrate';
import { ADMIN_URL, TEMPLATE_DB, testDatabaseUrl } from './env';

/**
 * Migrates a template database once per set of migrations; every test file clones it (fast) instead of
 * migrating. An advisory lock keeps concurrent runs from building it twice.
 */
export default async function globalSetup(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock(hashtext('claimtrack-test-template'))");
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [TEMPLATE_DB]);
    if (!rowCount) {
      const building = `${TEMPLATE_DB}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await runMigrations(testDatabaseUrl(building));
      await admin.query(`alter database ${building} rename to ${TEMPLATE_DB}`);
    }
    // Old templates from earlier migration sets only take space.
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'claimtrack_test_tpl_%' and datname <> $1",
      [TEMPLATE_DB],
    );
    for (const { datname } of rows)
      await admin.query(`drop database if exists ${datname} with (force)`).catch(() => {});
  } finally {
    await admin.end();
  }
}

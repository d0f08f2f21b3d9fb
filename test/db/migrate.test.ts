import pg from 'pg';
import { runMigrations } from '../../src/db/migrate';
import { ADMIN_URL, newDatabaseName, testDatabaseUrl } from '../support/env';

describe('when two processes start at once on a database that does not exist yet', () => {
  const name = newDatabaseName();
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('then the database is created and each migration is applied exactly once', async () => {
    const [a, b] = await Promise.all([runMigrations(testDatabaseUrl(name)), runMigrations(testDatabaseUrl(name))]);
    // The advisory lock serialises them: one applies everything, the other finds nothing to do.
    expect(Math.min(a.length, b.length)).toBe(0);
    expect(a.length + b.length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: testDatabaseUrl(name) });
    await client.connect();
    const { rows } = await client.query('select name, count(*)::int as n from migrations group by name');
    await client.end();
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows.length).toBe(a.length + b.length);
  });
});

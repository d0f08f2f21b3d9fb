import { buildWeb } from '../../scripts/build-web';
import { runMigrations } from '../../src/db/migrate';
import { newRunId, RUN_ENV, templateDb, testDatabaseUrl } from './env';
import { isDeadRun, removeTestLeftovers } from './leftovers';

/**
 * Gives this jest run its id (inherited by the test workers), clears what killed runs left behind, and
 * migrates this run's template database once; every test file clones it (fast) instead of migrating.
 */
export default async function globalSetup(): Promise<void> {
  process.env[RUN_ENV] = newRunId();
  await removeTestLeftovers(isDeadRun);
  await runMigrations(testDatabaseUrl(templateDb()));
  // The API serves the bundled workspace; bundling takes well under a second.
  await buildWeb();
}

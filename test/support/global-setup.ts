import { buildWeb } from '../../scripts/build-web';
import { runMigrations } from '../../src/db/migrate';
import { newRunId, RUN_ENV, runId, templateDb, testDatabaseUrl } from './env';
import { isDeadRun, removeTestLeftovers } from './leftovers';

/**
 * Gives this jest run its id and default queue prefix (inherited by the test workers), clears what killed runs
 * left behind, and migrates this run's template database once; every test file clones it (fast) instead of
 * migrating.
 */
export default async function globalSetup(): Promise<void> {
  process.env[RUN_ENV] = newRunId();
  // Anything a test starts with the service's default prefix ({claimtrack}) would leave its queues' keys in the
  // developer's Redis: give the default a name of this run, which teardown removes with the rest.
  process.env.QUEUE_PREFIX ??= `{ct-test-${runId()}-default}`;
  await removeTestLeftovers(isDeadRun);
  await runMigrations(testDatabaseUrl(templateDb()));
  // The API serves the bundled workspace; bundling takes well under a second.
  await buildWeb();
}

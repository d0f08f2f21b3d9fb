import { randomBytes } from 'node:crypto';

/** Where the tests find Postgres and Redis: the local services, overridable like the app itself. */
export const PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_URL = `${PG_BASE}/postgres`;

/**
 * One id per jest run, set by global setup and inherited by every test worker: it names the run's template
 * database, every database and queue prefix the run creates, and the process that owns them (its pid), so
 * teardown removes exactly this run's leftovers and a later run removes those of a run that was killed.
 */
export const RUN_ENV = 'CLAIMTRACK_TEST_RUN';
export const newRunId = () => `r${process.pid.toString(36)}x${randomBytes(3).toString('hex')}`;
export const runId = (): string => process.env[RUN_ENV] ?? 'adhoc';
/** The pid of the jest process that owns a run id, or null for names made outside a run. */
export function runOwner(id: string): number | null {
  const m = /^r([0-9a-z]+)x[0-9a-f]+$/.exec(id);
  return m ? Number.parseInt(m[1]!, 36) : null;
}

export const templateDb = () => `claimtrack_test_tpl_${runId()}`;
export const newDatabaseName = () => `claimtrack_test_${runId()}_${randomBytes(5).toString('hex')}`;
export const newQueuePrefix = () => `{ct-test-${runId()}-${randomBytes(4).toString('hex')}}`;
export const testDatabaseUrl = (name: string) => `${PG_BASE}/${name}`;

import { Redis } from 'ioredis';
import { withAdmin } from './database';
import { REDIS_URL, runOwner } from './env';

/** True when a test run's owning jest process is gone (or the name was made outside a run). */
function runIsDead(id: string): boolean {
  const pid = runOwner(id);
  if (pid === null) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const DB_RUN = /^claimtrack_test_(?:tpl_)?([a-z0-9]+)(?:_[0-9a-f]+)?$/;
const KEY_RUN = /^\{ct-test-([a-z0-9]+)-/;

/**
 * Drops the databases and Redis keys of the runs `which` selects: this run's at teardown, dead runs' at setup
 * (a run killed mid-way cannot clean up after itself, so the next one does).
 */
export async function removeTestLeftovers(which: (runId: string) => boolean): Promise<void> {
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'claimtrack\\_test\\_%'",
    );
    for (const { datname } of rows) {
      const id = DB_RUN.exec(datname)?.[1];
      if (id !== undefined && which(id))
        await admin.query(`drop database if exists ${datname} with (force)`).catch(() => {});
    }
  });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', '{ct-test-*', 'COUNT', 1000);
      cursor = next;
      const mine = keys.filter((k) => {
        const id = KEY_RUN.exec(k)?.[1];
        return id !== undefined && which(id);
      });
      if (mine.length) await redis.unlink(...mine);
    } while (cursor !== '0');
  } catch {
    // Redis being down is some test's business, not cleanup's.
  } finally {
    redis.disconnect();
  }
}

export const isDeadRun = runIsDead;

import { createPool, type Db } from '../../src/db/pool';
import { ADMIN_URL } from '../support/env';

/** Opens `n` connections at once (each query holds one) and returns their backends' process ids. */
async function backendsServing(db: Db, n: number): Promise<number[]> {
  const results = await Promise.all(
    Array.from({ length: n }, () => db.query<{ pid: number }>('select pg_backend_pid() as pid, pg_sleep(0.05)')),
  );
  return results.map((r) => r.rows[0]!.pid).sort((a, b) => a - b);
}

/**
 * pg's idle timer is a plain setTimeout started when a client goes back to the pool: faking timers (but not
 * the I/O callbacks pg's sockets need) lets a quiet minute pass at once.
 */
async function afterAQuietMinute(db: Db, n: number): Promise<{ before: number[]; after: number[] }> {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  try {
    const before = await backendsServing(db, n);
    jest.advanceTimersByTime(60_000);
    await new Promise((resolve) => setImmediate(resolve));
    return { before, after: await backendsServing(db, n) };
  } finally {
    jest.useRealTimers();
  }
}

describe('when a serving process has had no requests for a minute', () => {
  let serving: Db;
  let oneOff: Db;
  beforeAll(() => {
    serving = createPool(ADMIN_URL, { max: 3, keepConnections: true });
    oneOff = createPool(ADMIN_URL, { max: 3 });
  });
  afterAll(async () => {
    await Promise.all([serving.end(), oneOff.end()]);
  });

  it('then the next burst is served by the connections it already had, not by new ones', async () => {
    const { before, after } = await afterAQuietMinute(serving, 3);
    expect(new Set(before).size).toBe(3);
    expect(after).toEqual(before);
  });

  it('then a one-off pool (CLI, scripts) has let its idle connections go, as pg does by default', async () => {
    const { before, after } = await afterAQuietMinute(oneOff, 3);
    expect(after.some((pid) => before.includes(pid))).toBe(false);
  });
});

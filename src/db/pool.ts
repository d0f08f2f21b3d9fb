import pg from 'pg';

// int8 (counts, bigserial ids) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export type Db = pg.Pool;
export type DbClient = pg.PoolClient;
/** Anything that can run a query: the pool or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/**
 * `keepConnections`, for the serving processes (API, worker): connections stay open once made, instead of
 * closing after pg's default 10 s idle. A reopened one costs the request that needs it a connection set-up
 * and, on a backend whose caches are cold, a first listing of ~5-6 ms of Postgres CPU against 0.4-0.5 ms
 * (prepared statements are per connection): with the pool handing out its newest idle client first, every
 * burst after a quiet spell paid that, in its slowest requests. The pool stays bounded by `max`, as at any peak.
 */
export function createPool(
  databaseUrl: string,
  options: { max?: number; connectTimeoutMs?: number; keepConnections?: boolean } = {},
): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    // 0: no idle timeout at all (see above); pg's default otherwise. Idle, they do not hold the process
    // open by themselves: one that forgets db.end() still exits (at once, where pg's timer took 10 s).
    ...(options.keepConnections ? { idleTimeoutMillis: 0, allowExitOnIdle: true } : {}),
    // A statement that hangs (lost server, lock wait) must not hold a request forever.
    statement_timeout: 30_000,
    application_name: 'claimtrack',
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return pool;
}

/**
 * Runs `fn` in one transaction; rolls back on any error so nothing is half-written. `localSettings`
 * (`enable_seqscan = off`, constants from the code) are `set local` in the same simple query as `begin`:
 * one round trip, where each is one more for a read that makes only a few.
 */
export async function withTransaction<T>(
  db: Db,
  fn: (client: DbClient) => Promise<T>,
  localSettings: string[] = [],
): Promise<T> {
  const client = await db.connect();
  // A checked-out client has no pool listener: a connection lost mid-transaction (Postgres restarting, a
  // network cut) would emit an unhandled 'error' and take the whole process down. The failing query rejects
  // anyway, so the event only needs catching; the broken client is then destroyed instead of reused.
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    await client.query(['begin', ...localSettings.map((setting) => `set local ${setting}`)].join('; '));
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/**
 * Statement names for queries whose text varies with validated enum values written into it (so a
 * prepared statement's generic plan sees them and picks the right index). Each name is prepared once per
 * connection and kept there; past MAX_NAMED distinct names in this process, queries run unnamed (planned
 * afresh each time) so the server's memory per connection stays bounded whatever clients ask for.
 */
const MAX_NAMED = 64;
const named = new Set<string>();
export function statementName(name: string): string | undefined {
  if (named.has(name)) return name;
  if (named.size >= MAX_NAMED) return undefined;
  named.add(name);
  return name;
}

const texts = new Map<string, string>();
/**
 * The text of the named statement `name`, built once. pg compares a named query's text with the one it
 * prepared under that name on every execution: the same string object compares at once, a listing's
 * 3-4 KB of SQL built afresh is compared character by character (and built, each request). Unnamed
 * queries (see statementName) are built each time.
 */
export function statementText(name: string | undefined, build: () => string): string {
  if (name === undefined) return build();
  let text = texts.get(name);
  if (text === undefined) {
    text = build();
    texts.set(name, text);
  }
  return text;
}

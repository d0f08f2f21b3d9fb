import pg from 'pg';

// int8 (counts, bigserial ids) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export type Db = pg.Pool;
export type DbClient = pg.PoolClient;
/** Anything that can run a query: the pool or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export function createPool(databaseUrl: string, options: { max?: number; connectTimeoutMs?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    // A statement that hangs (lost server, lock wait) must not hold a request forever.
    statement_timeout: 30_000,
    application_name: 'claimtrack',
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return pool;
}

/** Runs `fn` in one transaction; rolls back on any error so nothing is half-written. */
export async function withTransaction<T>(db: Db, fn: (client: DbClient) => Promise<T>): Promise<T> {
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
    await client.query('begin');
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

import pg from 'pg';
import { type Config, describeUrl } from '../config';
import { createRedis } from '../queue/connection';

export class DependencyDown extends Error {
  override name = 'DependencyDown';
}

const HOW_TO_START = 'Start it with `docker compose up -d postgres redis`, or set';

/** Checks Postgres (its server, not yet our database: migrations may create that). */
export async function checkPostgres(config: Config): Promise<void> {
  const url = new URL(config.DATABASE_URL);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new DependencyDown(
      `Cannot reach PostgreSQL at ${describeUrl(config.DATABASE_URL)} (${(err as Error).message}).\n` +
        `${HOW_TO_START} DATABASE_URL to a running server.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

export async function checkRedis(config: Config): Promise<void> {
  const redis = createRedis(config.REDIS_URL, 'producer', { retryStrategy: () => null, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new DependencyDown(
      `Cannot reach Redis at ${describeUrl(config.REDIS_URL)} (${/closed/i.test((err as Error).message) ? 'connection refused' : (err as Error).message}).\n` +
        `${HOW_TO_START} REDIS_URL to a running server.`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Where the tests find Postgres and Redis: the local services, overridable like the app itself. */
export const PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_URL = `${PG_BASE}/postgres`;
export const TEMPLATE_DB = 'claimtrack_test_template';
export const testDatabaseUrl = (name: string) => `${PG_BASE}/${name}`;

/**
 * Errors that mean a dependency (Postgres, Redis, the network) is unreachable, not that the job's input
 * is bad. A job failing with one is retried when the dependency is back instead of spending its attempts
 * (worker-host.ts), so an outage never parks work in the failed set.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// Postgres SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart).
const PG_OUTAGE = /^(08|57P0[1-3])/;

// node-postgres and ioredis report lost or refused connections with messages rather than codes.
const OUTAGE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|Stream isn't writeable|the database system is (starting up|shutting down|in recovery)|Command timed out/i;

export function isDependencyDown(err: unknown): boolean {
  // Only the error itself (and an AggregateError's parts: several addresses refused), never its `cause`:
  // a webhook receiver that is down is the receiver's problem, and keeps its own retries and backoff.
  const e = err as { code?: unknown; message?: unknown; errors?: unknown } | undefined;
  if (!e) return false;
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || PG_OUTAGE.test(e.code))) return true;
  if (typeof e.message === 'string' && OUTAGE_MESSAGE.test(e.message)) return true;
  return Array.isArray(e.errors) && e.errors.some(isDependencyDown);
}

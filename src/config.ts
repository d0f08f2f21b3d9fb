import { z } from 'zod';
import { DEFAULT_MODEL, EXTRACTOR_MODELS } from './extraction/models';
import { parseAllowList } from './webhooks/address-policy';

const allowListValid = (v: string) => {
  try {
    parseAllowList(v);
    return true;
  } catch {
    return false;
  }
};

const intFrom = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const ConfigSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/claimtrack'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  PORT: intFrom(3000, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  // Braces make a Redis Cluster hash tag: every key of every queue lands in one slot.
  QUEUE_PREFIX: z
    .string()
    .regex(/^\{[A-Za-z0-9_.-]+\}$|^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." or "-", optionally in {braces}')
    .default('{claimtrack}'),
  WORKER_CONCURRENCY: intFrom(4, 1, 256),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/i, 'a size such as 2mb or 512kb')
    .default('2mb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // How long a worker owns an article before the reconciler may hand it to another worker.
  EXTRACT_LEASE_SECONDS: intFrom(300, 5, 86400),
  // Extraction runs in worker threads (src/extraction-pool): how many per process, each thread's heap cap,
  // and the longest one article may take before it is refused (marked failed with the reason).
  EXTRACT_THREADS: intFrom(1, 1, 64),
  // The model for articles that name none (POST /v1/articles?model=, POST /v1/imports?model=).
  EXTRACTOR_MODEL: z.enum(EXTRACTOR_MODELS).default(DEFAULT_MODEL),
  EXTRACT_THREAD_MAX_MB: intFrom(192, 64, 16_384),
  EXTRACT_TIMEOUT_SECONDS: intFrom(60, 1, 3600),
  // SIGTERM drains (stop accepting, finish active jobs, close connections) for at most this long, then exits.
  SHUTDOWN_DEADLINE_SECONDS: intFrom(10, 1, 600),
  EXTRACT_ATTEMPTS: intFrom(5, 1, 50),
  RECONCILE_EVERY_SECONDS: intFrom(10, 1, 3600),
  // How often workers look for jobs of crashed workers; their locks last twice as long.
  STALLED_INTERVAL_MS: intFrom(5000, 500, 600_000),
  IMPORT_MAX_MB: intFrom(200, 1, 10_000),
  ORG_NAME: z.string().min(1).default('claimtrack'),
  ORG_URL: z.url().default('https://claimtrack.example'),
  PUBLIC_URL: z.url().optional(),
  CORS_ORIGIN: z.string().default(''),
  RATE_LIMIT_PER_MINUTE: intFrom(600, 1, 1_000_000),
  // Postgres connections per process. More than the machine's cores only adds backends taking turns.
  PG_POOL_MAX: intFrom(10, 1, 200),
  // Failed authentications (malformed, unknown or revoked keys) per client address and minute, then 429.
  AUTH_FAILURES_PER_MINUTE: intFrom(30, 1, 1_000_000),
  // Express's `trust proxy`: false, true, a hop count, or addresses/CIDRs of the proxies (client address, HTTPS).
  TRUST_PROXY: z.string().default('false'),
  // First retry delay of a failed webhook delivery; it doubles on each attempt.
  WEBHOOK_BACKOFF_MS: intFrom(2000, 10, 3_600_000),
  // Receivers on non-public addresses that webhooks may reach anyway: host names and CIDRs, comma-separated.
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .refine((v) => allowListValid(v), 'comma-separated host names or CIDRs such as 10.0.0.0/8'),
  // How long one delivery attempt may take, connection to last byte.
  WEBHOOK_TIMEOUT_MS: intFrom(10_000, 100, 120_000),
  // Matching of extracted claims against fact-checks and earlier claims (off: for benchmarks, or no library).
  MATCHING: z.enum(['on', 'off']).default('on'),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once at boot; a bad value names the variable instead of failing later. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(picked[String(i.path[0])])})`,
    );
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The address part of a URL without credentials, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? '6379' : '5432')}${u.pathname.length > 1 ? u.pathname : ''}`;
  } catch {
    return '(unparseable url)';
  }
}

/**
 * `npm run bench:matching -- KEPT_DB [BUILD_DIR ...]`: the matching jobs of a kept `bench:import` database
 * (`BENCH_MATCHING=off BENCH_KEEP_DB=1`: extracted, never matched) replayed in this one process, in the import's
 * extraction batches (25 articles), so that matching's own CPU is measured apart from extraction's and from
 * whatever else the machine runs. Each BUILD_DIR (the `dist` of a checkout, with its package.json and
 * src/matching/model above it; default this build's) replays into its own copy of KEPT_DB, in the order given.
 * For a side-by-side comparison run one build per process, base and change alternately (`for b in base/dist
 * dist base/dist dist; do …; done`): builds replayed in one process share its JIT and heap. Prints one JSON line
 * per replay: this process' CPU, its Postgres backend's CPU (from /proc, on-CPU time), the links written, and a
 * digest of them (same digest: the same links with the same scores). BENCH_MATCH_ARTICLES limits the articles
 * (the first N); BENCH_KEEP_DB=1 keeps the copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { createPool } from '../src/db/pool';
import type { Deps } from '../src/deps';
import { runMigrations } from '../src/db/migrate';
import { dropDatabase } from './bench-import-parts';

const BATCH = 25;
const LIMIT = Number(process.env.BENCH_MATCH_ARTICLES ?? 0) || null;

async function main(): Promise<void> {
  const [kept, ...dirs] = process.argv.slice(2);
  if (!kept) throw new Error('usage: bench-matching KEPT_DB [BUILD_DIR ...]');
  const builds = dirs.length ? dirs : [path.join(__dirname, '..')];
  for (const [n, dir] of builds.entries()) {
    process.stdout.write(`${JSON.stringify({ build: dir, ...(await replay(kept, path.resolve(dir), n)) })}\n`);
  }
}

async function replay(kept: string, dir: string, n: number) {
  const base = loadConfig();
  const url = new URL(base.DATABASE_URL);
  const name = `${kept}_replay${n}_${Date.now().toString(36)}`;
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(kept)}`);
  await admin.end();
  url.pathname = `/${name}`;
  // This build's migrations: a base build ignores a table it does not know.
  await runMigrations(url.toString());
  const db = createPool(url.toString(), { max: 1, keepConnections: true });
  try {
    // biome-ignore lint/suspicious/noExplicitAny: modules of another build, loaded by path
    const load = (m: string): any => require(path.join(dir, 'src', 'matching', m));
    const { matchArticles } = load('propose.js');
    const { defaultMatcher } = load('model.js');
    const { libraryTerms } = load('library-words.js');
    // What a worker does once per process (load the model, count the library's terms) is not the jobs' cost.
    const matcher = defaultMatcher();
    await libraryTerms(db);
    // The import's extraction batches, in the order they were extracted: each enqueued one matching job.
    const { rows: jobs } = await db.query<{ ids: string[] }>(
      `select array_agg(id order by created_at, id)::text[] as ids from article where status = 'extracted'
        group by extract_job order by min(extracted_at) ${LIMIT ? `limit ${Math.ceil(LIMIT / BATCH)}` : ''}`,
    );
    const articles = jobs.reduce((sum, j) => sum + j.ids.length, 0);
    const backend = (await db.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    const deps = { db } as unknown as Deps;
    const statements = process.env.BENCH_MATCH_STATEMENTS === '1' ? perStatement(backend) : undefined;
    const cpuBefore = process.cpuUsage();
    const pgBefore = onCpuSeconds(backend);
    const started = process.hrtime.bigint();
    let claims = 0;
    for (const job of jobs) claims += (await matchArticles(deps, job.ids, matcher)).claims;
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    statements?.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const postgres = onCpuSeconds(backend) - pgBefore;
    const { rows: links } = await db.query<{ state: string; n: number }>(
      'select state, count(*)::int as n from claim_match group by state order by state',
    );
    const { rows: digest } = await db.query<{ md5: string }>(
      `select md5(string_agg(concat_ws(' ', claim_id, factcheck_id, target_claim_id, state, round(score::numeric, 6)), ','
                  order by claim_id, factcheck_id, target_claim_id)) from claim_match`,
    );
    return {
      articles,
      claims,
      links: Object.fromEntries(links.map((l) => [l.state, l.n])),
      digest: digest[0]!.md5,
      cpu_s: { process: round((cpu.user + cpu.system) / 1e6), postgres: round(postgres), wall: round(wall) },
      ms_per_article: {
        process: round((cpu.user + cpu.system) / 1e3 / articles),
        postgres: round((postgres * 1e3) / articles),
      },
      heap_mb: Math.round(process.memoryUsage().heapUsed / 1e6),
      ...(statements ? { postgres_s_by_statement: statements.report() } : {}),
    };
  } finally {
    await db.end();
    if (process.env.BENCH_KEEP_DB === '1') process.stderr.write(`kept database ${name}\n`);
    else await dropDatabase(base.DATABASE_URL, name);
  }
}

/**
 * BENCH_MATCH_STATEMENTS=1: the backend's CPU per statement (by its first words), read before and after each
 * query of the one connection; reading /proc costs this process some CPU, so compare totals without it.
 */
function perStatement(backend: number) {
  const totals = new Map<string, number>();
  const original = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: wraps pg's overloaded query()
  (pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0]?.text ?? '');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
    const before = onCpuSeconds(backend);
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const result = (original as any).apply(this, args);
    if (result && typeof result.then === 'function')
      result.then(
        () => totals.set(key, (totals.get(key) ?? 0) + onCpuSeconds(backend) - before),
        () => {},
      );
    return result;
  };
  return {
    stop: () => {
      pg.Client.prototype.query = original;
    },
    report: () => Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v)])),
  };
}

/** On-CPU seconds of a process so far (/proc/PID/schedstat, nanoseconds: finer than /proc/PID/stat's ticks). */
function onCpuSeconds(pid: number): number {
  return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
}

const round = (x: number) => Math.round(x * 100) / 100;

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

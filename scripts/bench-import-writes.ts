/**
 * `npm run bench:import-writes -- [BUILD_DIR ...]`: the import's work apart from extraction, replayed
 * in this one process: N bench articles (BENCH_ARTICLES, default 3000; the `bench:import` feed) inserted as the
 * import inserts them, then leased and written in the import's batches of 25 by each build's own code, with
 * extraction done once beforehand (`EXTRACTOR_MODEL`, cached under the system's temp directory) so only the
 * writes cost. Each BUILD_DIR (the `dist` of a checkout; default this build's) writes into its own fresh
 * database, migrated by that build. Prints one JSON line per build: this process' CPU and its Postgres
 * backend's (from /proc: one connection) for the inserts and for the batch writes, and a digest of the stored
 * claims and speakers (same digest: the same rows and JSON). For side-by-side figures run one build per
 * process, base and change alternately (`for b in BASE/dist dist BASE/dist dist; do node dist/scripts/…; done`);
 * BENCH_WRITES_STATEMENTS=1 adds the backend's CPU per statement, BENCH_WRITES_SQL runs statements after the
 * migrations (to price a part: `drop trigger …`), BENCH_KEEP_DB=1 keeps the databases.
 * What it leaves out: BullMQ, the extraction thread's hand-over, the API's HTTP and the reconciler.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import pg from 'pg';
import { ensureDatabase } from '../src/db/migrate';
import { createPool, type Db } from '../src/db/pool';
import { EXTRACTOR, extractClaims, type ExtractedClaim } from '../src/extraction';
import { benchArticle, dropDatabase, trainTexts } from './bench-import-parts';

const N = Number(process.env.BENCH_ARTICLES ?? 3000);
const BATCH = 25;

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  const builds = dirs.length ? dirs : [path.join(__dirname, '..')];
  const model = loadConfig().EXTRACTOR_MODEL;
  const texts = trainTexts();
  const articles = Array.from({ length: N }, (_, i) => benchArticle(texts, 'writes', i));
  const extracted = extractions(articles, model);
  for (const [n, dir] of builds.entries()) {
    const figures = await replay(path.resolve(dir), n, articles, extracted, model);
    process.stdout.write(`${JSON.stringify({ build: dir, model, articles: N, ...figures })}\n`);
  }
}

/** The claims of each article, extracted once and kept in a file: extraction is not what this measures. */
function extractions(articles: { body: string }[], model: string): ExtractedClaim[][] {
  const file = path.join(os.tmpdir(), `claimtrack-bench-writes-${EXTRACTOR.version}-${model}-${N}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const claims = articles.map((a) => extractClaims(a.body, { model: model as 'fast' | 'accurate' }));
  fs.writeFileSync(file, JSON.stringify(claims));
  return claims;
}

async function replay(
  dir: string,
  n: number,
  articles: { url: string; title: string; body: string }[],
  extracted: ExtractedClaim[][],
  model: string,
) {
  const url = new URL(loadConfig().DATABASE_URL);
  const name = `claimtrack_bench_writes_${Date.now().toString(36)}_${n}`;
  url.pathname = `/${name}`;
  // biome-ignore lint/suspicious/noExplicitAny: modules of another build, loaded by path
  const load = (m: string): any => require(path.join(dir, 'src', m));
  await ensureDatabase(url.toString());
  await load('db/migrate.js').runMigrations(url.toString());
  const db: Db = createPool(url.toString(), { max: 1, keepConnections: true });
  try {
    // BENCH_WRITES_SQL: statements run after the migrations, to price a part (a trigger or an index dropped).
    if (process.env.BENCH_WRITES_SQL) await db.query(process.env.BENCH_WRITES_SQL);
    const { leaseArticles } = load('articles/repository.js');
    const { openImport, insertImportedArticles } = load('imports/repository.js');
    const { writeFirstExtractionsWithSpeakers } = load('articles/first-write.js');
    const { EXTRACTOR } = load('extraction/index.js');
    const backend = await backendPid(db);
    const ids: string[] = [];
    // As the import stores them: 500 lines a statement, 25 articles a batch job.
    const { row: imported } = await openImport(db, null, null, null);
    const insert = await measured(backend, async () => {
      for (let i = 0; i < articles.length; i += 500) {
        const planned = articles.slice(i, i + 500).map((a, j) => ({
          ...a,
          id: crypto.randomUUID(),
          publisher: null,
          author: null,
          published_at: null,
          content_hash: crypto.createHash('sha256').update(a.body).digest('hex'),
          extract_job: `batch-${Math.floor((i + j) / BATCH)}`,
        }));
        await insertImportedArticles(db, imported.id, 'bench', planned);
        ids.push(...planned.map((a) => a.id));
      }
    });
    const byId = new Map(ids.map((id, i) => [id, extracted[i]!]));
    // BENCH_WRITES_PID_FILE: the backend's pid written there (and a pause) around the writes, for `perf record -p`.
    const pidFile = process.env.BENCH_WRITES_PID_FILE;
    if (pidFile) {
      fs.writeFileSync(pidFile, String(backend));
      await new Promise((r) => setTimeout(r, 2000));
    }
    const perStatement = process.env.BENCH_WRITES_STATEMENTS === '1' ? timeStatements(backend) : undefined;
    const write = await measured(backend, async () => {
      for (let i = 0; i < ids.length; i += BATCH) {
        const leased: { id: string }[] = await leaseArticles(db, ids.slice(i, i + BATCH), EXTRACTOR.version, 300);
        const batch = leased.map((a) => ({ articleId: a.id, claims: byId.get(a.id)!, model }));
        await writeFirstExtractionsWithSpeakers(db, batch, { ...EXTRACTOR });
      }
    });
    if (pidFile) fs.writeFileSync(`${pidFile}.done`, '');
    const statements = perStatement?.();
    return {
      insert,
      write,
      ms_per_article: round(((write.process + write.postgres) * 1000) / N),
      ...(await digest(db)),
      statements,
    };
  } finally {
    await db.end();
    if (process.env.BENCH_KEEP_DB === '1') process.stderr.write(`kept database ${name}\n`);
    else await dropDatabase(url.toString(), name);
  }
}

async function backendPid(db: Db): Promise<number> {
  return (await db.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
}

/** CPU seconds of this process and of its one Postgres backend while `fn` runs. */
async function measured(backend: number, fn: () => Promise<void>) {
  const before = process.cpuUsage();
  const pgBefore = cpuSeconds(backend);
  await fn();
  const used = process.cpuUsage(before);
  return { process: round((used.user + used.system) / 1e6), postgres: round(cpuSeconds(backend) - pgBefore) };
}

function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * BENCH_WRITES_STATEMENTS=1: the backend's on-CPU time (schedstat, nanoseconds) per statement, by its first
 * words, until the returned function is called. One connection, one statement at a time, so the deltas add up.
 */
function timeStatements(backend: number): () => Record<string, number> {
  const totals: Record<string, number> = {};
  const onCpu = () => Number(fs.readFileSync(`/proc/${backend}/schedstat`, 'utf8').split(' ')[0]);
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { name?: string; text: string };
    const label = (typeof q === 'string' ? q : (q.name ?? q.text)).replace(/\s+/g, ' ').trim().slice(0, 60);
    const before = onCpu();
    const result = original.apply(this, args) as Promise<unknown>;
    if (result && typeof result.then === 'function')
      result.then(
        () => {
          totals[label] = (totals[label] ?? 0) + (onCpu() - before) / 1e9;
        },
        () => {},
      );
    return result;
  };
  return () => {
    proto.query = original;
    return Object.fromEntries(
      Object.entries(totals)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => [k, round(v)]),
    );
  };
}

/** The stored claims and speakers, ids and times left out (they differ run to run). */
async function digest(db: Db) {
  const { rows } = await db.query<{ claims: number; claim_digest: string; speaker_digest: string }>(
    `select (select count(*)::int from claim) as claims,
            (select md5(string_agg(concat_ws('|', a.url, c.claim_key, c.position, c.text, c.kind, c.cue, c.speaker_name,
                    c.speaker_type, c.via, c.hedges, c.checkworthy, c.content_spans, c.source_spans, c.cue_spans,
                    c.extractor_model, s.name, c.search,
                    regexp_replace(c.listing_json, '"(id|article_id|speaker_id|created_at|updated_at)":("[^"]*"|null)', '', 'g')),
                    ',' order by a.url, c.position))
               from claim c join article a on a.id = c.article_id left join speaker s on s.id = c.speaker_id) as claim_digest,
            (select md5(string_agg(concat_ws('|', s.name, s.type, s.claim_count, s.aliases, s.match_keys, a.url),
                    ',' order by s.name, s.match_keys, a.url))
               from speaker s left join article a on a.id = s.article_id) as speaker_digest`,
  );
  return rows[0]!;
}

const round = (x: number) => Math.round(x * 100) / 100;

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

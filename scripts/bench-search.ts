/**
 * `npm run bench:search`: a fresh database with BENCH_CLAIMS claims (200000, in articles of 10),
 * BENCH_FACTCHECKS fact-checks (10000) and 5000 speakers, then the search use case (ranking, filters,
 * snippets: everything `GET /v1/search` does but HTTP) timed per kind of query. Prints one JSON line.
 */
import * as os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { ensureDatabase, runMigrations } from '../src/db/migrate';
import { createPool } from '../src/db/pool';
import { search, type SearchInput } from '../src/search/service';
import { generate, vocabulary } from './bench-search-data';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 200_000);
const FACTCHECKS = Number(process.env.BENCH_FACTCHECKS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

async function main(): Promise<void> {
  const url = new URL(loadConfig().DATABASE_URL);
  // BENCH_KEEP_DB=name keeps the generated database and reuses it on the next run (to study plans).
  const keep = process.env.BENCH_KEEP_DB;
  url.pathname = `/${keep ?? `claimtrack_bench_search_${Date.now().toString(36)}`}`;
  await ensureDatabase(url.toString());
  await runMigrations(url.toString());
  const db = createPool(url.toString());
  try {
    const t0 = Date.now();
    const client = await db.connect();
    const sizes = { claims: CLAIMS, factchecks: FACTCHECKS, speakers: 5000 };
    const reuse = keep && (await client.query('select 1 from claim limit 1')).rowCount;
    const { words } = await (reuse
      ? client.query('vacuum analyze').then(() => ({ words: vocabulary(30_000) }))
      : generate(client, sizes)
    ).finally(() => client.release());
    const loadS = (Date.now() - t0) / 1000;
    const { rows } = await db.query<{ id: string }>("select id from speaker where name = 'Speaker 1'");
    const searchable = await contentWords(db, words);
    // Common words are in 5-20 % of claims, mid ones in about 0.1 %, rare ones in a handful.
    const pick = (from: number, to: number, i: number) => searchable[from + ((i * 7919) % (to - from))]!;
    const kinds: Record<string, (i: number) => Omit<SearchInput, 'limit'>> = {
      common_word: (i) => ({ q: pick(0, 10, i) }),
      mid_word: (i) => ({ q: pick(300, 1000, i) }),
      rare_word: (i) => ({ q: pick(10_000, 25_000, i) }),
      two_words: (i) => ({ q: `${pick(0, 50, i)} ${pick(50, 500, i)}` }),
      phrase: (i) => ({ q: `"${pick(0, 30, i)} ${pick(0, 30, i + 1)}"` }),
      prefix: (i) => ({ q: `${pick(100, 2000, i).slice(0, 4)}*` }),
      filtered: (i) => ({ q: pick(0, 50, i), speaker_type: 'official', status: 'reviewed', from: '2020-06-01' }),
      speaker: (i) => ({ q: pick(0, 200, i), speaker_id: rows[0]!.id }),
      publisher_dates: (i) => ({ q: pick(0, 50, i), publisher: 'Valley Post', from: '2021-01-01', to: '2021-12-31' }),
    };
    const results: Record<string, { p50_ms: number; p95_ms: number; hits_per_page: number }> = {};
    for (const [kind, input] of Object.entries(kinds)) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < RUNS + 5; i++) {
        const start = process.hrtime.bigint();
        const page = await search({ db }, { ...input(i), limit: 20 });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        // The first five warm the plan cache and the buffer cache.
        if (i >= 5) times.push(ms);
        hits += page.items.length;
      }
      times.sort((a, b) => a - b);
      results[kind] = { p50_ms: at(times, 0.5), p95_ms: at(times, 0.95), hits_per_page: Math.round(hits / (RUNS + 5)) };
    }
    const page2 = await secondPage(db, pick(0, 10, 0));
    // The machine's state for scale: one trivial round trip to Postgres.
    const pings: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      await db.query('select 1');
      pings.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    pings.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        claims: CLAIMS,
        factchecks: FACTCHECKS,
        articles: CLAIMS / 10,
        load_s: loadS,
        runs: RUNS,
        ...results,
        second_page_ms: page2,
        select_1_p50_ms: at(pings, 0.5),
        load_average: os.loadavg()[0],
      }),
    );
  } finally {
    await db.end();
    if (!keep) await dropDatabase(url);
  }
}

async function dropDatabase(url: URL): Promise<void> {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${url.pathname.slice(1)} with (force)`);
  await admin.end();
}

/** Vocabulary words that are not stop words, most frequent first. */
async function contentWords(db: pg.Pool, words: string[]): Promise<string[]> {
  const { rows } = await db.query<{ w: string }>(
    `select w from unnest($1::text[]) with ordinality as v(w, n) where to_tsvector('english', w) <> '' order by n`,
    [words],
  );
  return rows.map((r) => r.w);
}

/** Following next_cursor to the second page of the most common word. */
async function secondPage(db: pg.Pool, word: string): Promise<number> {
  const first = await search({ db }, { q: word, limit: 20 });
  const start = process.hrtime.bigint();
  await search({ db }, { q: word, limit: 20, cursor: first.next_cursor ?? undefined });
  return Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100;
}

const at = (sorted: number[], q: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

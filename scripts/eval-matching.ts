/**
 * `npm run eval:matching -- --split dev`: the CheckThat! 2020 library goes into a fresh database through
 * POST /v1/factchecks (as NDJSON, the path users have), each tweet of the split is ranked by the use case
 * behind POST /v1/matches, the ranking is written as a TREC run and scored by
 * ../shared/eval/claim-matching-score.mjs. Prints MAP@5, P@1, MRR, R@100 and per-query latency.
 * `--library FILE --queries FILE --qrels FILE` for another split; `--run-out FILE` keeps the run.
 * `--stored-claims N` (default 200,000) first loads N generated claims (bench:api's generator, COPY), so that
 * latency is measured with the library and the claims seen before, as the issue sets it; 0 skips them.
 * The run holds what a user sees: one line per result, so a group of twin fact-checks (src/matching/twins.ts)
 * is one line, the first stored of them (the library's file order), and its twins are not ranked again.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createApiKey } from '../src/auth/keys';
import { loadClaims } from './bench-api-data';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { defaultMatcher } from '../src/matching/model';
import { rankMatches } from '../src/matching/rank';
import { startServer } from '../src/server/runtime';
import { libraryRecords, readQueries, SHARED, scratchDatabase, splitFiles, VCLAIM_URL } from './checkthat';

// Lines per query in the run; the matcher re-ranks its usual 50 candidates, as POST /v1/matches does.
const DEPTH = 100;

function args() {
  const a: Record<string, string> = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (!flag.startsWith('--') || argv[i + 1] === undefined) throw new Error(`unexpected argument ${flag}`);
    a[flag.slice(2)] = argv[++i]!;
  }
  const split = a.split ?? (a.queries ? undefined : 'dev');
  const files = split ? splitFiles(split) : { queries: a.queries!, qrels: a.qrels! };
  if (!files.queries || !files.qrels) throw new Error('give --split NAME or --queries FILE --qrels FILE');
  return {
    library: a.library ?? path.join(SHARED, 'verified_claims.docs.tsv'),
    ...files,
    runOut: a['run-out'] ?? path.join(os.tmpdir(), `claimtrack-matching-${Date.now()}.run`),
    storedClaims: Number(a['stored-claims'] ?? 200_000),
  };
}

async function main() {
  const opts = args();
  const scratch = await scratchDatabase('eval_matching');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: scratch.url,
    QUEUE_PREFIX: scratch.queuePrefix,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  const api = await startServer({ worker: false, config, log: createLogger('warn') });
  try {
    const key = (await createApiKey(api.deps.db, 'editor', 'eval')).key;
    const feed = libraryRecords(opts.library).map((r) => `${JSON.stringify(r)}\n`);
    const posted = await fetch(`http://127.0.0.1:${api.port}/v1/factchecks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(Readable.from(feed)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const loaded = (await posted.json()) as { stored: number };
    if (posted.status !== 200) throw new Error(`library import answered ${posted.status}: ${JSON.stringify(loaded)}`);
    const { rows } = await api.deps.db.query<{ id: string; url: string }>('select id, url from factcheck');
    const vclaim = new Map(rows.map((r) => [r.id, r.url.slice(VCLAIM_URL.length)]));
    const matcher = defaultMatcher();
    if (opts.storedClaims > 0) await loadClaims(api.deps.db, opts.storedClaims, 10);
    await api.deps.db.query('analyze factcheck');
    await api.deps.db.query('analyze claim');
    const queries = readQueries(opts.queries);
    const lines: string[] = [];
    const ms: number[] = [];
    for (const q of queries) {
      const started = process.hrtime.bigint();
      const ranked = await rankMatches(api.deps.db, matcher, q.text, { limit: DEPTH });
      ms.push(Number(process.hrtime.bigint() - started) / 1e6);
      ranked.forEach((r, i) => {
        if (r.type === 'factcheck')
          lines.push(`${q.id} Q0 ${vclaim.get(r.id)} ${i + 1} ${r.score.toFixed(6)} claimtrack`);
      });
    }
    fs.writeFileSync(opts.runOut, `${lines.join('\n')}\n`);
    const scorer = path.join(SHARED, '..', 'eval', 'claim-matching-score.mjs');
    const m = JSON.parse(
      execFileSync(process.execPath, [scorer, '--qrels', opts.qrels, '--run', opts.runOut, '--json'], {
        encoding: 'utf8',
      }),
    );
    ms.sort((a, b) => a - b);
    const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
    const f = (v: number) => v.toFixed(3);
    console.log(
      `library ${loaded.stored} fact-checks, ${opts.storedClaims} stored claims, ${queries.length} queries, ` +
        `model ${matcher.version}\n` +
        `MAP@5 ${f(m['MAP@5'])}  P@1 ${f(m['P@1'])}  MRR ${f(m.MRR)}  R@100 ${f(m['R@100'])}  ` +
        `latency p50 ${pct(0.5).toFixed(1)} ms  p95 ${pct(0.95).toFixed(1)} ms\nrun: ${opts.runOut}`,
    );
  } finally {
    await api.stop();
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

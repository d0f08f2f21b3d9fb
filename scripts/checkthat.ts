/**
 * CheckThat! 2020 task 2 as read from ../shared (never copied into the repository): the fact-check
 * library as ClaimReview records, the tweets of a split, and their gold pairs. Shared by
 * `train:matching` and `eval:matching`; also a scratch database for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { runMigrations } from '../src/db/migrate';
import { removeKeysUnder } from './redis-keys';
import { SHARED as SHARED_ROOT } from './polnear';

export const SHARED = process.env.CHECKTHAT_DIR ?? path.join(SHARED_ROOT, 'checkthat2020');
/** The fact-check URL a library row gets; the vclaim id is read back from it for the TREC run. */
export const VCLAIM_URL = 'https://checkthat2020.invalid/vclaim/';

function tsv(file: string): string[][] {
  return parseTsv(fs.readFileSync(file, 'utf8'))
    .slice(1)
    .filter((r) => r.some((f) => f.trim()));
}

/**
 * The data set's files are tab-separated with CSV quoting: a field holding a quote mark is wrapped in
 * quotes, its own quotes doubled, and may run over a line break. Read line by line, 254 fact-checks kept
 * their wrapping quotes ("A ""law to separate families"" was enacted …") and 14 were cut at a line break,
 * their second lines read as rows of their own.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let field = '';
    if (text[i] === '"') {
      // A quoted field: up to the quote that is not doubled.
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    }
    while (i < text.length && text[i] !== '\t' && text[i] !== '\n') field += text[i++];
    row.push(field.replace(/\r$/, ''));
    if (text[i] === '\t') {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    i++;
  }
  return rows;
}

export function libraryRecords(file = path.join(SHARED, 'verified_claims.docs.tsv')) {
  return tsv(file).map(([id, claim, title]) => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${VCLAIM_URL}${id}`,
    claimReviewed: claim?.trim() || '(empty)',
    ...(title?.trim() ? { name: title.trim() } : {}),
    author: { '@type': 'Organization', name: 'Snopes' },
  }));
}

export interface Query {
  id: string;
  text: string;
}

export function readQueries(file: string): Query[] {
  return tsv(file).map(([id, text]) => ({ id: id!, text: text ?? '' }));
}

export function readQrels(file: string): Map<string, Set<string>> {
  const gold = new Map<string, Set<string>>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || Number(f[3]) <= 0) continue;
    if (!gold.has(f[0]!)) gold.set(f[0]!, new Set());
    gold.get(f[0]!)!.add(f[2]!);
  }
  return gold;
}

export const splitFiles = (split: string) => ({
  queries: path.join(SHARED, split, 'tweets.queries.tsv'),
  qrels: path.join(SHARED, split, 'tweet-vclaim-pairs.qrels'),
});

/**
 * A fresh, migrated database named for this run, and a queue prefix of its own for the service started on it;
 * `drop` removes both (the database, and every Redis key under the prefix), and so does SIGINT or SIGTERM.
 */
export async function scratchDatabase(tag: string) {
  const config = loadConfig();
  const stamp = Date.now().toString(36);
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/claimtrack_${tag}_${stamp}`;
  const queuePrefix = `{ct-${tag}-${stamp}}`;
  await runMigrations(url.toString());
  const drop = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const admin = new URL(config.DATABASE_URL);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`drop database if exists ${url.pathname.slice(1)} with (force)`);
    await client.end();
    await removeKeysUnder(config.REDIS_URL, queuePrefix);
  };
  // An interrupted run (Ctrl-C, a killed job) skips `finally`: it left its database and Redis keys behind twice.
  function onSignal(signal: NodeJS.Signals): void {
    process.stderr.write(`${signal}: dropping ${url.pathname.slice(1)} and the keys under ${queuePrefix}\n`);
    drop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  }
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { url: url.toString(), queuePrefix, drop };
}

/**
 * The library's twins (fact-checks with the same claim and title but for punctuation and quote marks),
 * each vclaim id mapped to the first of its group. For reporting only: the qrels name one twin, so which
 * of two identical fact-checks comes first moves P@1 by a coin toss; `asOne` scores rankings with every
 * group counted as one fact-check, which shows what a change does to the ranking itself.
 */
export function twinsOf(records: ReturnType<typeof libraryRecords>): Map<string, string> {
  const key = (s: string | undefined) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const first = new Map<string, string>();
  const twins = new Map<string, string>();
  for (const r of records) {
    const id = r.url.slice(VCLAIM_URL.length);
    const k = `${key(r.claimReviewed)}|${key(r.name)}`;
    if (!first.has(k)) first.set(k, id);
    twins.set(id, first.get(k)!);
  }
  return twins;
}

/** Rankings and gold pairs with each twin group as one fact-check (its first member). */
export function asOne(ranked: Map<string, string[]>, gold: Map<string, Set<string>>, twins: Map<string, string>) {
  const one = (id: string) => twins.get(id) ?? id;
  return {
    ranked: new Map([...ranked].map(([q, ids]) => [q, [...new Set(ids.map(one))]])),
    gold: new Map([...gold].map(([q, ids]) => [q, new Set([...ids].map(one))])),
  };
}

/**
 * For the gold fact-checks that have a twin ranked too: how often the twin comes first (`twinFirst`) and how
 * often the gold one does. A twin ahead costs the unfolded figures half an AP and the whole P@1 while the answer
 * is the same; `same` counts the pairs ordered as in `reference` (the lexical candidates' order), which shows
 * whether the ranker or the candidates' tie-break decided it.
 */
export function twinOrder(
  ranked: Map<string, string[]>,
  gold: Map<string, Set<string>>,
  twins: Map<string, string>,
  reference?: Map<string, string[]>,
) {
  let twinFirst = 0;
  let goldFirst = 0;
  let same = 0;
  const ahead = (ids: string[], g: string, t: string) => ids.indexOf(t) < ids.indexOf(g);
  for (const [qid, rel] of gold) {
    const ids = ranked.get(qid) ?? [];
    for (const g of rel) {
      if (!ids.includes(g)) continue;
      for (const t of ids) {
        if (t === g || rel.has(t) || !twins.has(g) || twins.get(t) !== twins.get(g)) continue;
        const first = ahead(ids, g, t);
        if (first) twinFirst++;
        else goldFirst++;
        const ref = reference?.get(qid) ?? [];
        if (ref.includes(g) && ref.includes(t) && ahead(ref, g, t) === first) same++;
      }
    }
  }
  return { twinFirst, goldFirst, ...(reference ? { sameAsReference: same } : {}) };
}

/** MAP@5, P@1 and MRR of ranked vclaim ids, as the shared scorer computes them (for quick looks in training). */
export function quickMetrics(ranked: Map<string, string[]>, gold: Map<string, Set<string>>) {
  let map5 = 0;
  let p1 = 0;
  let mrr = 0;
  for (const [qid, rel] of gold) {
    const docs = ranked.get(qid) ?? [];
    let hits = 0;
    let ap = 0;
    docs.slice(0, 5).forEach((d, i) => {
      if (rel.has(d)) ap += ++hits / (i + 1);
    });
    map5 += ap / rel.size;
    if (rel.has(docs[0] ?? '')) p1++;
    const first = docs.findIndex((d) => rel.has(d));
    if (first >= 0) mrr += 1 / (first + 1);
  }
  const n = gold.size;
  return { 'MAP@5': map5 / n, 'P@1': p1 / n, MRR: mrr / n };
}

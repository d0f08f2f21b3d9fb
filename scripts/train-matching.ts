/**
 * `npm run train:matching`: rebuilds src/matching/model/reranker.json from CheckThat! 2020 train (read from
 * ../shared). The library goes into a scratch database through the fact-check import, each train tweet
 * gets its lexical candidates exactly as at run time, and a linear ranker learns which candidate verifies
 * it (listwise by default; TRAIN_MODEL=linear for a pointwise logistic regression, =trees for boosted
 * trees). Five folds over the train tweets give out-of-fold scores for the calibration and the
 * cross-validated figures; dev is scored once with the final model. Deterministic: same data, same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Db, createPool } from '../src/db/pool';
import { importFactchecks } from '../src/factchecks/service';
import { arrayLines } from '../src/imports/lines';
import { factcheckCandidates } from '../src/matching/candidates';
import { analyse, FEATURE_NAMES, featureRows } from '../src/matching/features';
import { countLibraryTerms } from '../src/matching/library-terms';
import { margins, rawScore, type RerankerFile } from '../src/matching/model';
import { loadVectors } from '../src/matching/vectors';
import { fromRoot } from '../src/paths';
import {
  asOne,
  libraryRecords,
  quickMetrics,
  readQrels,
  readQueries,
  scratchDatabase,
  splitFiles,
  twinOrder,
  twinsOf,
  VCLAIM_URL,
} from './checkthat';
import { boost } from './train/boosting';
import { foldsOf, spread } from './train/folds';
import { fitListwise } from './train/listwise';
import { fitLogistic, standardise } from './train/logistic';

const DEPTH = Number(process.env.TRAIN_CANDIDATES ?? 50);
const FOLDS = 5;
/** TRAIN_FOLD_SPLITS=N also scores the ranker over N other fold splits, to see how far CV moves by the split. */
const FOLD_SPLITS = Number(process.env.TRAIN_FOLD_SPLITS ?? 0);
/**
 * TRAIN_WITHOUT=name,name fits without those features (their columns zeroed, so they take no weight): the base
 * a new feature is judged against, on the same candidates and folds in the same build.
 */
const WITHOUT = new Set((process.env.TRAIN_WITHOUT ?? '').split(',').filter(Boolean));
const L2 = Number(process.env.TRAIN_L2 ?? 1);
const KIND = (process.env.TRAIN_MODEL ?? 'listwise') as 'trees' | 'linear' | 'listwise';
const VERSION = `reranker-${KIND}-6`;
const BOOST = {
  rounds: Number(process.env.TRAIN_ROUNDS ?? 150),
  depth: Number(process.env.TRAIN_DEPTH ?? 3),
  rate: 0.1,
  minLeaf: 20,
  bins: 32,
  l2: 1,
};
const THRESHOLDS = { suggest: 0.5, auto: 0.9 };

interface Listed {
  qid: string;
  ids: string[];
  rows: number[][];
  labels: number[];
}

/** A candidate's raw score, its margin over the best other of its list, and whether it is gold. */
interface Scored {
  s: number;
  m: number;
  y: number;
}

interface Found {
  qid: string;
  text: string;
  candidates: {
    vclaim: string;
    text: string;
    title: string | null;
    rank: number;
    claimRank: number;
    titleRank: number;
    trigram: number;
  }[];
}

/**
 * Each tweet's candidates from the scratch database. TRAIN_CACHE=DIR keeps them between runs while
 * features are being tried (outside the repository: they are the data set's text).
 */
async function candidatesOf(split: string): Promise<Found[]> {
  const cache = process.env.TRAIN_CACHE ? path.join(process.env.TRAIN_CACHE, `${split}-${DEPTH}.json`) : null;
  if (cache && fs.existsSync(cache)) return JSON.parse(fs.readFileSync(cache, 'utf8')) as Found[];
  await library;
  const out: Found[] = [];
  for (const q of readQueries(splitFiles(split).queries)) {
    const found = await factcheckCandidates(db(), q.text, DEPTH);
    const { rows: urls } = await db().query<{ id: string; url: string }>(
      'select id, url from factcheck where id = any($1)',
      [found.map((f) => f.id)],
    );
    const vclaim = new Map(urls.map((u) => [u.id, u.url.slice(VCLAIM_URL.length)]));
    out.push({
      qid: q.id,
      text: q.text,
      candidates: found.map((f) => ({
        vclaim: vclaim.get(f.id)!,
        text: f.text,
        title: f.title,
        rank: Number(f.rank),
        claimRank: Number(f.claim_rank),
        titleRank: Number(f.title_rank),
        trigram: Number(f.trigram),
      })),
    });
  }
  if (cache) fs.writeFileSync(cache, JSON.stringify(out));
  return out;
}

let pool: Db | undefined;
let scratch: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
const db = () => pool!;
let library: Promise<unknown> = Promise.resolve();

async function main() {
  if (!process.env.TRAIN_CACHE || !fs.existsSync(path.join(process.env.TRAIN_CACHE, `dev-${DEPTH}.json`))) {
    scratch = await scratchDatabase('train_matching');
    pool = createPool(scratch.url);
    library = importFactchecks({ db: pool }, arrayLines(libraryRecords()), null);
  }
  try {
    const vectors = loadVectors(fromRoot('src/matching/model/vectors.bin'));
    // The library's term counts as the matcher counts them at run time (libraryTerms over the factcheck table).
    const library = countLibraryTerms(libraryRecords().map((r) => ({ claim: r.claimReviewed, title: r.name ?? null })));
    const lists = async (split: string) => {
      const gold = readQrels(splitFiles(split).qrels);
      const out: Listed[] = [];
      for (const q of await candidatesOf(split)) {
        const rows = featureRows(
          vectors,
          analyse(vectors, q.text),
          q.candidates.map((f) => ({
            text: f.text,
            title: f.title,
            ftsRank: f.rank,
            claimRank: f.claimRank,
            titleRank: f.titleRank,
            trigram: f.trigram,
          })),
          library,
        );
        const names = q.candidates.map((c) => c.vclaim);
        for (const row of rows) for (const [k, n] of FEATURE_NAMES.entries()) if (WITHOUT.has(n)) row[k] = 0;
        out.push({ qid: q.qid, ids: names, rows, labels: names.map((n) => (gold.get(q.qid)?.has(n) ? 1 : 0)) });
      }
      return { gold, lists: out };
    };
    const train = await lists('train');
    const dev = await lists('dev');

    const trainOn = (part: Listed[]): RerankerFile => {
      const x = part.flatMap((l) => l.rows);
      const y = part.flatMap((l) => l.labels);
      const { mean, std } = standardise(x);
      const z = x.map((r) => r.map((v, k) => (v - mean[k]!) / std[k]!));
      // The listwise fit has no bias: a constant does not change the order within a list (Platt sets it).
      const lr =
        KIND === 'listwise'
          ? {
              weights: fitListwise(
                part.map((l) => ({
                  rows: l.rows.map((r) => r.map((v, k) => (v - mean[k]!) / std[k]!)),
                  labels: l.labels,
                })),
              ),
              bias: 0,
            }
          : fitLogistic(z, y, L2);
      const trees = KIND === 'trees' ? boost(x, y, BOOST) : undefined;
      return {
        version: VERSION,
        features: [...FEATURE_NAMES],
        ...(trees ? { trees: trees.trees, base: trees.base } : {}),
        mean,
        std,
        weights: lr.weights,
        bias: lr.bias,
        platt: { a: 1, b: 0 },
        thresholds: THRESHOLDS,
      };
    };
    const rank = (model: ReturnType<typeof trainOn>, part: Listed[]) => {
      const ranked = new Map<string, string[]>();
      const raw: Scored[] = [];
      for (const l of part) {
        const s = l.rows.map((r) => rawScore(model, r));
        const m = margins(s);
        for (let i = 0; i < s.length; i++) raw.push({ s: s[i]!, m: m[i]!, y: l.labels[i]! });
        ranked.set(
          l.qid,
          l.ids
            .map((id, i) => ({ id, s: s[i]! }))
            .sort((a, b) => b.s - a.s)
            .map((e) => e.id),
        );
      }
      return { ranked, raw };
    };

    // Out-of-fold scores: every train tweet is ranked by a model that never saw it.
    const outOfFold = (fold: number[]) => {
      const ranked = new Map<string, string[]>();
      const raw: Scored[] = [];
      for (let f = 0; f < FOLDS; f++) {
        const model = trainOn(train.lists.filter((_, i) => fold[i] !== f));
        const part = rank(
          model,
          train.lists.filter((_, i) => fold[i] === f),
        );
        for (const [k, v] of part.ranked) ranked.set(k, v);
        raw.push(...part.raw);
      }
      return { ranked, raw };
    };
    const { ranked: oofRanked, raw: oof } = outOfFold(foldsOf(train.lists.length, FOLDS));
    // The floor: the 90th percentile of wrong candidates' out-of-fold scores (see margins()).
    const wrong = oof
      .filter((o) => !o.y)
      .map((o) => o.s)
      .sort((a, b) => a - b);
    const floor = round(wrong[Math.floor(0.9 * wrong.length)] ?? 0);
    for (const o of oof) o.m = Math.min(o.m, o.s - floor);
    const fitted = fitLogistic(
      oof.map((o) => [o.s, o.m]),
      oof.map((o) => o.y),
      0,
    );
    const platt = { a: round(fitted.weights[0]!), c: round(fitted.weights[1]!), b: round(fitted.bias), floor };
    const model = trainOn(train.lists);
    const devRanked = rank(model, dev.lists).ranked;
    const lexical = (part: Listed[]) => new Map(part.map((l) => [l.qid, l.ids]));
    const file: RerankerFile = {
      ...model,
      mean: model.mean.map(round),
      std: model.std.map(round),
      weights: model.weights.map(round),
      bias: round(model.bias),
      platt,
    };
    fs.writeFileSync(fromRoot('src/matching/model/reranker.json'), `${JSON.stringify(file, null, 2)}\n`);
    const twins = twinsOf(libraryRecords());
    const oneEach = (ranked: Map<string, string[]>, gold: Map<string, Set<string>>) => {
      const one = asOne(ranked, gold, twins);
      return quickMetrics(one.ranked, one.gold);
    };
    const report = {
      train_lexical: quickMetrics(lexical(train.lists), train.gold),
      train_cv: quickMetrics(oofRanked, train.gold),
      train_cv_twins_as_one: oneEach(oofRanked, train.gold),
      dev_lexical: quickMetrics(lexical(dev.lists), dev.gold),
      dev: quickMetrics(devRanked, dev.gold),
      dev_twins_as_one: oneEach(devRanked, dev.gold),
      // Why dev and dev_twins_as_one differ: which twin comes first, and whether the candidates' order set it.
      dev_twin_order: twinOrder(devRanked, dev.gold, twins, lexical(dev.lists)),
      ...(FOLD_SPLITS ? { train_cv_fold_splits: foldSplits((fold) => outOfFold(fold).ranked, train, oneEach) } : {}),
      calibration: calibration(oof, platt),
      weights: Object.fromEntries(FEATURE_NAMES.map((n, k) => [n, round(model.weights[k]!)])),
    };
    console.log(JSON.stringify(report, null, 1));
  } finally {
    await pool?.end();
    await scratch?.drop();
  }
}

/** Train CV over fold splits 1…FOLD_SPLITS (seeded shuffles): each figure's mean, deviation and range. */
function foldSplits(
  outOfFold: (fold: number[]) => Map<string, string[]>,
  train: { gold: Map<string, Set<string>>; lists: Listed[] },
  oneEach: (ranked: Map<string, string[]>, gold: Map<string, Set<string>>) => ReturnType<typeof quickMetrics>,
) {
  const runs = Array.from({ length: FOLD_SPLITS }, (_, s) => {
    const ranked = outOfFold(foldsOf(train.lists.length, FOLDS, s + 1));
    return { raw: quickMetrics(ranked, train.gold), one: oneEach(ranked, train.gold) };
  });
  const figure = (pick: (r: (typeof runs)[number]) => number) => {
    const { mean, sd, min, max } = spread(runs.map(pick));
    return { mean: round(mean), sd: round(sd), min: round(min), max: round(max) };
  };
  return {
    // Each split's figures too: a change is judged by its paired difference with the base, split by split.
    per_split: runs.map((r) => [r.raw['MAP@5'], r.raw['P@1'], r.one['MAP@5'], r.one['P@1']].map(round)),
    'MAP@5': figure((r) => r.raw['MAP@5']),
    'P@1': figure((r) => r.raw['P@1']),
    'MAP@5_twins_as_one': figure((r) => r.one['MAP@5']),
    'P@1_twins_as_one': figure((r) => r.one['P@1']),
  };
}

/** Out-of-fold precision above each threshold: how often a link at that probability was right. */
function calibration(oof: Scored[], platt: RerankerFile['platt']) {
  const p = oof.map((o) => ({ p: 1 / (1 + Math.exp(-(platt.a * o.s + (platt.c ?? 0) * o.m + platt.b))), y: o.y }));
  return Object.fromEntries(
    [0.3, 0.5, 0.7, 0.9, 0.95].map((t) => {
      const above = p.filter((e) => e.p >= t);
      return [`p>=${t}`, { n: above.length, precision: round(above.filter((e) => e.y).length / (above.length || 1)) }];
    }),
  );
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

/**
 * `npm run train`: fits the cue, source and content taggers on PolNeAR train and writes
 * src/extraction/model/tagger.bin. Deterministic: fixed article order and a seeded shuffle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cueFeatures } from '../src/extraction/detect/features';
import { MODEL_FILE, type Model } from '../src/extraction/detect/model';
import { encodeModel, type TrainedModel } from '../src/extraction/detect/model-file';
import { learnCueParticles } from '../src/extraction/detect/particles';
import { spansToTags } from '../src/extraction/detect/spans';
import { TAGGERS, WeightTable, WIDTH } from '../src/extraction/detect/perceptron';
import { collector, prepare, tagText } from '../src/extraction/detect/tag';
import { FeatureIndex, PerceptronTrainer, type TrainSequence } from '../src/extraction/detect/train-perceptron';
import { type Article, listArticles, readArticle, repoRoot, requireSplit } from './polnear';

// Passes over train per tagger (EPOCHS_CUE etc. override one): content, the hardest, keeps improving longer
// (16 passes instead of 12: dev content 50.2 -> 50.4, attribution 55.8 -> 56.0).
const EPOCHS: Record<string, number> = { cue: 12, source: 12, content: 16 };
for (const role of Object.keys(EPOCHS))
  EPOCHS[role] = Number(process.env[`EPOCHS_${role.toUpperCase()}`] ?? process.env.EPOCHS ?? EPOCHS[role]);
const SEED = 20181;
// Taggers trained (and so decoded) as whole sequences with Viterbi; the rest label by label.
const VITERBI = new Set((process.env.TRAIN_VITERBI ?? '').split(',').filter(Boolean));
// Taggers that learn from predicted cues (see below) rather than gold ones.
const PREDICTED_CUES = new Set((process.env.TRAIN_PREDICTED_CUES ?? '').split(',').filter(Boolean));
const FOLDS = 5;
type Role = (typeof TAGGERS)[number];
const elapsed = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

/** An in-memory model holding only a cue tagger's weights, to tag held-out folds with the real inference path. */
function taggerModel(
  cueWeights: Record<string, number[]>,
  cueWords: Set<string>,
  decoders: TrainedModel['decoders'],
): Model {
  const features = Object.keys(cueWeights);
  const rows = new Int16Array(features.length * WIDTH);
  features.forEach((f, r) => {
    cueWeights[f]!.forEach((w, y) => {
      rows[r * WIDTH + y] = Math.round(w * 10);
    });
  });
  return { cueWords, cueParticles: new Set(), decoders, table: new WeightTable(features, rows, cueWords) };
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words that head cue spans often enough, relative to how often they occur at all. */
function cueLexicon(articles: Article[]): string[] {
  const inCue = new Map<string, number>();
  const all = new Map<string, number>();
  const words = /[\p{L}]+/gu;
  for (const a of articles) {
    for (const m of a.text.toLowerCase().matchAll(words)) all.set(m[0], (all.get(m[0]) ?? 0) + 1);
    for (const g of a.gold)
      for (const [s, e] of g.cue)
        for (const m of a.text.slice(s, e).toLowerCase().matchAll(words)) inCue.set(m[0], (inCue.get(m[0]) ?? 0) + 1);
  }
  return [...inCue]
    .filter(([w, n]) => n >= 3 && n / (all.get(w) ?? n) >= 0.15)
    .map(([w]) => w)
    .sort();
}

function main(): void {
  requireSplit('train');
  const t0 = Date.now();
  const articles = listArticles('train').map((n) => readArticle('train', n));
  const cueWords = cueLexicon(articles);
  const lexicon = new Set(cueWords);
  console.log(`read ${articles.length} articles; cue lexicon ${cueWords.length} words`);

  const index = new FeatureIndex();
  const prepared = articles.map((a) => {
    const p = prepare(a.text, lexicon);
    const tags = (role: Role) =>
      spansToTags(
        p.tokens,
        a.text,
        a.gold.flatMap((g) => g[role]),
      );
    return {
      ...p,
      stat: p.feats.map((f) => index.encode(f)),
      gold: { cue: tags('cue'), source: tags('source'), content: tags('content') },
    };
  });
  const cueSeqs: TrainSequence[] = prepared.map((p) => ({
    words: p.words,
    inQuote: p.inQuote,
    feats: p.stat,
    gold: p.gold.cue,
  }));
  console.log(`features ${index.names.length} (${elapsed(t0)})`);

  const decoders = Object.fromEntries(
    TAGGERS.map((t) => [t, VITERBI.has(t) ? 'viterbi' : 'greedy']),
  ) as TrainedModel['decoders'];
  const train = (role: Role, seqs: TrainSequence[], quiet = false) => {
    const trainer = new PerceptronTrainer(index);
    const rand = mulberry32(SEED);
    const order = [...seqs];
    const epochs = EPOCHS[role]!;
    for (let e = 1; e <= epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const acc = decoders[role] === 'viterbi' ? trainer.epochViterbi(order) : trainer.epoch(order);
      if (!quiet) console.log(`${role} epoch ${e}/${epochs} accuracy ${(100 * acc).toFixed(2)}% (${elapsed(t0)})`);
    }
    return trainer.export();
  };

  // At run time the source and content taggers see predicted cues, not gold ones. Taggers listed in
  // PREDICTED_CUES learn from cues predicted the same way: each fold of train is tagged by a cue tagger
  // fitted on the other folds (so it never sees its own answers).
  const predictedCues: Uint8Array[] = [];
  if (PREDICTED_CUES.size) {
    for (let k = 0; k < FOLDS; k++) {
      const inFold = (i: number) => i % FOLDS === k;
      const weights = train(
        'cue',
        cueSeqs.filter((_, i) => !inFold(i)),
        true,
      );
      const cueModel = taggerModel(weights, lexicon, decoders);
      articles.forEach((a, i) => {
        if (inFold(i)) predictedCues[i] = tagText(a.text, cueModel).cue;
      });
      console.log(`cue fold ${k + 1}/${FOLDS} tagged (${elapsed(t0)})`);
    }
  }
  const relSeqs = (role: Role): TrainSequence[] =>
    prepared.map((p, i) => {
      const cue = PREDICTED_CUES.has(role) ? predictedCues[i]! : p.gold.cue;
      const relFeats: string[][] = p.tokens.map(() => []);
      const c = collector(p.tokens, p.words, relFeats);
      cueFeatures(p.tokens, cue, c.emitCode, c.emitType);
      const feats = relFeats.map((f, t) => Int32Array.from([...p.stat[t]!, ...index.encode(f)]));
      return { words: p.words, inQuote: p.inQuote, feats, gold: p.gold[role] };
    });

  const cueParticles = learnCueParticles(prepared.map((p) => ({ tokens: p.tokens, words: p.words, cue: p.gold.cue })));
  console.log(`cue particles: ${cueParticles.length} word pairs`);
  const model: TrainedModel = { version: 4, cueWords, cueParticles, decoders, weights: {} };
  TAGGERS.forEach((role, slot) => {
    const weights = train(role, role === 'cue' ? cueSeqs : relSeqs(role));
    for (const [f, w] of Object.entries(weights)) {
      const row = model.weights[f] ?? new Array<number>(WIDTH).fill(0);
      row.splice(slot * w.length, w.length, ...w);
      model.weights[f] = row;
    }
    console.log(`${role}: kept ${Object.keys(weights).length} features`);
  });
  const out = path.join(repoRoot(), 'src', 'extraction', 'model', path.basename(MODEL_FILE));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, encodeModel(model));
  // The build copied the previous model into dist/ before training; refresh it so dist runs the new one.
  const built = path.join(repoRoot(), 'dist', 'src', 'extraction', 'model');
  if (fs.existsSync(built)) fs.copyFileSync(out, path.join(built, path.basename(out)));
  console.log(
    `wrote ${out} (${(fs.statSync(out).size / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  );
}

main();

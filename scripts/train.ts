/**
 * `npm run train`: fits the cue, source and content taggers on PolNeAR train and writes
 * src/extraction/model/tagger.bin. Deterministic: fixed article order and a seeded shuffle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cueFeatures } from '../src/extraction/detect/features';
import { MODEL_FILE } from '../src/extraction/detect/model';
import { encodeModel, type TrainedModel } from '../src/extraction/detect/model-file';
import { spansToTags } from '../src/extraction/detect/spans';
import { TAGGERS, WIDTH } from '../src/extraction/detect/perceptron';
import { collector, prepare } from '../src/extraction/detect/tag';
import { FeatureIndex, PerceptronTrainer, type TrainSequence } from '../src/extraction/detect/train-perceptron';
import { type Article, listArticles, readArticle, repoRoot, requireSplit } from './polnear';

const EPOCHS = Number(process.env.EPOCHS ?? 12);
const SEED = 20181;

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
  const seqs: Record<'cue' | 'source' | 'content', TrainSequence[]> = { cue: [], source: [], content: [] };
  for (const a of articles) {
    const p = prepare(a.text, lexicon);
    const tags = (role: 'cue' | 'source' | 'content') =>
      spansToTags(
        p.tokens,
        a.text,
        a.gold.flatMap((g) => g[role]),
      );
    const cue = tags('cue');
    const stat = p.feats.map((f) => index.encode(f));
    // The source and content taggers learn from gold cue positions; at run time they see predicted ones.
    const relFeats: string[][] = p.tokens.map(() => []);
    const c = collector(p.tokens, relFeats);
    cueFeatures(p.tokens, cue, c.emitCode, c.emitType);
    const rel = relFeats.map((f, i) => {
      const both = new Int32Array(stat[i]!.length + f.length);
      both.set(stat[i]!);
      both.set(index.encode(f), stat[i]!.length);
      return both;
    });
    const base = { words: p.words, inQuote: p.inQuote };
    seqs.cue.push({ ...base, feats: stat, gold: cue });
    seqs.source.push({ ...base, feats: rel, gold: tags('source') });
    seqs.content.push({ ...base, feats: rel, gold: tags('content') });
  }
  console.log(`features ${index.names.length} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

  const model: TrainedModel = { version: 2, cueWords, weights: {} };
  TAGGERS.forEach((role, slot) => {
    const trainer = new PerceptronTrainer(index);
    const rand = mulberry32(SEED);
    const order = [...seqs[role]];
    for (let e = 1; e <= EPOCHS; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const acc = trainer.epoch(order);
      console.log(
        `${role} epoch ${e}/${EPOCHS} accuracy ${(100 * acc).toFixed(2)}% (${((Date.now() - t0) / 1000).toFixed(1)}s)`,
      );
    }
    const weights = trainer.export();
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

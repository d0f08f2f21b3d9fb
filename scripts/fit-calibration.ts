/**
 * Fits a model's confidence calibration on a PolNeAR split: `accurate` (src/extraction/neural/confidence.ts, written
 * to src/extraction/model/calibration.json) or `fast` (src/extraction/calibration.ts, calibration-fast.json).
 * Fit on dev, not train: both taggers have seen train. Honest figures first: two-fold by article (fit on even articles,
 * measure on odd ones and the other way round), then the shipped fit on all of them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ExtractorModel, extractWithDetections } from '../src/extraction';
import { FAST_FEATURES, fastFeatures } from '../src/extraction/calibration';
import { confidenceFeatures, FEATURE_NAMES, fitLogistic } from '../src/extraction/neural/confidence';
import { reliabilityTable, rightClaims } from './calibration';
import { listArticles, readArticle, repoRoot } from './polnear';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (w: number[], x: number[]) => w.reduce((s, wi, i) => s + wi * x[i]!, 0);

export function fitCalibration(split: string, model: ExtractorModel = 'accurate'): void {
  const rows: { x: number[]; y: boolean; fold: number }[] = [];
  listArticles(split).forEach((name, k) => {
    const a = readArticle(split, name);
    const found = extractWithDetections(a.text, { model });
    const right = rightClaims(
      a.text,
      a.gold,
      found.map((f) => f.claim.spans),
    );
    found.forEach((f, i) => {
      if (!f.detected || (model === 'accurate' && !f.detected.scores)) return;
      rows.push({
        x: f.detected.scores
          ? confidenceFeatures(f.detected, f.detected.scores, f.claim.confidence)
          : fastFeatures(f.claim, f.detected),
        y: right[i]!,
        fold: k % 2,
      });
    });
  });
  if (!rows.length) {
    console.error('no claims with tagger scores: is src/extraction/model/neural.bin there?');
    process.exit(1);
  }
  const held: { confidence: number; right: boolean }[] = [];
  for (const fold of [0, 1]) {
    const train = rows.filter((r) => r.fold !== fold);
    const w = fitLogistic(
      train.map((r) => r.x),
      train.map((r) => r.y),
    );
    for (const r of rows.filter((r) => r.fold === fold)) held.push({ confidence: sigmoid(dot(w, r.x)), right: r.y });
  }
  console.log(`held-out reliability (two folds by article, ${split}):\n${reliabilityTable(held)}`);
  const before = rows.map((r) => ({ confidence: sigmoid(r.x[1]!), right: r.y }));
  console.log(`\nbefore calibration (the builder's confidence):\n${reliabilityTable(before)}`);
  const weights = fitLogistic(
    rows.map((r) => r.x),
    rows.map((r) => r.y),
  ).map((w) => Math.round(w * 1e4) / 1e4);
  const file = model === 'accurate' ? 'calibration.json' : `calibration-${model}.json`;
  const out = path.join(repoRoot(), 'src', 'extraction', 'model', file);
  const features = model === 'accurate' ? FEATURE_NAMES : FAST_FEATURES;
  const doc = { model, fitted_on: `PolNeAR ${split}`, claims: rows.length, features, weights };
  fs.writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  const built = path.join(repoRoot(), 'dist', 'src', 'extraction', 'model');
  if (fs.existsSync(built)) fs.copyFileSync(out, path.join(built, file));
  console.log(`\nwrote ${out}`);
}

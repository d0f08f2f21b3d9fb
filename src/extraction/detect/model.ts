import * as path from 'node:path';
import { WeightTable } from './perceptron';

/** The shipped model, written by `npm run train`: cue lexicon and the shared weight table of the three taggers. */
export interface ModelFile {
  version: number;
  cueWords: string[];
  /** Feature → 9 weights: cue O/B/I, source O/B/I, content O/B/I. */
  weights: Record<string, number[]>;
}

export interface Model {
  cueWords: Set<string>;
  table: WeightTable;
}

let cached: Model | null | undefined;

/**
 * Loads src/extraction/model/tagger.json once. A `require` of a computed path (not an `import`) keeps tsc
 * from type-checking megabytes of JSON; the folder sits next to this module's parent both in src/ (jest)
 * and in dist/src/ (copied by scripts/copy-assets.js). Returns null when no model was trained yet.
 */
export function loadModel(): Model | null {
  if (cached !== undefined) return cached;
  try {
    const file = path.join(__dirname, '..', 'model', 'tagger.json');
    const parsed = require(file) as ModelFile;
    cached = { cueWords: new Set(parsed.cueWords), table: new WeightTable(parsed.weights) };
    // The weight table holds its own typed copies; dropping the parsed JSON from the module cache lets
    // the collector free it (over a hundred MB per worker process otherwise).
    delete require.cache[require.resolve(file)];
  } catch {
    cached = null;
  }
  return cached;
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Decoders, decodeModel } from './model-file';
import { WeightTable } from './perceptron';

/**
 * The shipped model, written by `npm run train`: cue lexicon, cue particles (see particles.ts) and the shared
 * weight table of the three taggers.
 */
export interface Model {
  cueWords: Set<string>;
  cueParticles: Set<string>;
  decoders: Decoders;
  table: WeightTable;
}

/** src/extraction/model/ in src/ (jest, ts) and dist/src/ (copied there by scripts/copy-assets.js). */
export const MODEL_FILE = path.join(__dirname, '..', 'model', 'tagger.bin');

let cached: Model | null | undefined;

/**
 * Loads the model once per process. Returns null when no model was trained yet (the rules still run).
 * The weight table (some 130 MB resident once built) is built on first use: the `accurate` model's rules
 * need only the lexicon and particles, so a worker that extracts with it alone never holds the table. A caller
 * that will tag with the perceptrons (`withTable`) has it built from this first decoding: decoding the file a second
 * time left a `fast` worker some 17 MB more resident.
 */
export function loadModel(withTable = false): Model | null {
  if (cached !== undefined) return cached;
  try {
    const decoded = decodeModel(fs.readFileSync(MODEL_FILE));
    const cueWords = new Set(decoded.cueWords);
    let table: WeightTable | undefined = withTable
      ? new WeightTable(decoded.features, decoded.rows, cueWords)
      : undefined;
    cached = {
      cueWords,
      cueParticles: new Set(decoded.cueParticles),
      decoders: decoded.decoders,
      get table() {
        if (!table) {
          // Decoded again (about 0.1 s, once): keeping the first decoding's rows and feature names for a
          // table that may never be built would hold some 60 MB in every accurate-only worker.
          const { features, rows } = decodeModel(fs.readFileSync(MODEL_FILE));
          table = new WeightTable(features, rows, cueWords);
        }
        return table;
      },
    };
  } catch {
    cached = null;
  }
  return cached;
}

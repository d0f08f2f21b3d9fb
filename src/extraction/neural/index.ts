/**
 * The `accurate` tagger: the same tagged structure as the perceptron's `tagText` (tokens, lowercase words,
 * B/I/O per role), so the shared grouping, rules and tightening turn it into attributions; plus per-token
 * probabilities, from which each claim's confidence is computed.
 */
import { low } from '../detect/features';
import type { Tagged } from '../detect/tag';
import { tokenize } from '../detect/tokenize';
import { Encoder } from './encoder';
import { cueScores, decodeBio, relationScores } from './heads';
import { loadNeural } from './model-file';
import { LOOSE_SOURCE_SHIFT } from '../detect/loose-source';
import { finishAuxiliaryCues } from './auxiliary-cues';

export interface NeuralTagged extends Tagged {
  /** Per token, the probability that it belongs to a cue / source / content (1 − P(O)). */
  prob: { cue: Float32Array; source: Float32Array; content: Float32Array };
}

let encoder: Encoder | null | undefined;

/** One encoder per process or worker thread: the weights and the word-projection cache live in it. */
function getEncoder(): Encoder | null {
  if (encoder === undefined) {
    const w = loadNeural();
    encoder = w ? new Encoder(w) : null;
  }
  return encoder;
}

export function neuralAvailable(): boolean {
  return getEncoder() !== null;
}

const inside = (logp: Float64Array, n: number): Float32Array => {
  const p = new Float32Array(n);
  for (let t = 0; t < n; t++) p[t] = 1 - Math.exp(logp[t * 3]!);
  return p;
};

/** The log-probabilities with O's lowered by `shift`, so more tokens decode as inside the role. */
function favourInside(logp: Float64Array, n: number, shift: number): Float64Array {
  const out = logp.slice();
  for (let t = 0; t < n; t++) out[t * 3] = out[t * 3]! - shift;
  return out;
}

/** Null when no neural model ships (the caller falls back to the perceptron). */
export function neuralTagText(text: string): NeuralTagged | null {
  const enc = getEncoder();
  const w = loadNeural();
  if (!enc || !w) return null;
  const tokens = tokenize(text);
  const n = tokens.length;
  const { states, self } = enc.encode(tokens);
  const cueLogp = cueScores(self, n, w.cueB);
  const cue = decodeBio(cueLogp, n);
  const rel = relationScores(states, self, tokens, cue, w.relW, w.relB);
  const sourceProb = inside(rel.source, n);
  const cueProb = inside(cueLogp, n);
  const words = tokens.map((t) => low(t.text));
  return {
    tokens,
    words,
    cue: finishAuxiliaryCues(words, cue, cueProb),
    source: decodeBio(rel.source, n),
    looseSource: { tags: decodeBio(favourInside(rel.source, n, LOOSE_SOURCE_SHIFT), n), prob: sourceProb },
    content: decodeBio(rel.content, n),
    prob: { cue: cueProb, source: sourceProb, content: inside(rel.content, n) },
  };
}

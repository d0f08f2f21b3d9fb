import {
  type CodeFamily,
  codeFeatures,
  cueFeatures,
  low,
  PAIR_LEFT,
  PAIR_RIGHT,
  staticFeatures,
  type TypeKind,
  typeFeatures,
  typeKey,
} from './features';
import type { Model } from './model';
import { WIDTH } from './perceptron';
import { type Token, tokenize } from './tokenize';

/** The text tokenised and tagged by the three role taggers. */
export interface Tagged {
  tokens: Token[];
  cue: Uint8Array;
  source: Uint8Array;
  content: Uint8Array;
}

/** Training view of a text: the feature strings every tagger sees, exactly as inference builds them. */
export interface Prepared {
  tokens: Token[];
  feats: string[][];
  words: string[];
  inQuote: boolean[];
}

/** Emitters that collect feature strings per token (training); inference scores them instead. */
export function collector(tokens: Token[], feats: string[][]) {
  return {
    emit: (i: number, f: string) => feats[i]!.push(f),
    emitType: (i: number, kind: TypeKind, from: number) =>
      feats[i]!.push(...typeFeatures(kind, typeKey(tokens, kind, from))),
    emitCode: (i: number, family: CodeFamily, code: number) => feats[i]!.push(...codeFeatures(family, code)),
    emitPair: (key: string, left: number, right: number) => {
      if (right >= 0) feats[right]!.push(PAIR_RIGHT + key);
      if (left >= 0) feats[left]!.push(PAIR_LEFT + key);
    },
  };
}

export function prepare(text: string, cueWords: Set<string>): Prepared {
  const tokens = tokenize(text);
  const feats: string[][] = tokens.map(() => []);
  const c = collector(tokens, feats);
  staticFeatures(tokens, cueWords, c.emit, c.emitType, c.emitCode, c.emitPair);
  return { tokens, feats, words: tokens.map((t) => low(t.text)), inQuote: tokens.map((t) => t.inQuote) };
}

/** Cue first; the source and content taggers then see where the predicted cues are. */
export function tagText(text: string, model: Model): Tagged {
  const { table } = model;
  const tokens = tokenize(text);
  const words = tokens.map((t) => low(t.text));
  const inQuote = tokens.map((t) => t.inQuote);
  const scores = new Float64Array(tokens.length * WIDTH);
  // One cache lookup per token; its neighbours reuse the entry.
  const entries = tokens.map((t) => table.entry(t.text));
  const emitType = (i: number, kind: TypeKind, from: number) =>
    table.addType(
      scores,
      i,
      from < 0 ? table.entry(kind[0] === '-' ? '<s>' : '</s>') : entries[from]!,
      kind,
      tokens,
      from,
    );
  const emitCode = (i: number, family: CodeFamily, code: number) => table.addCode(scores, i, family, code);
  const emitPair = (key: string, left: number, right: number) => table.addPair(scores, key, left, right);
  staticFeatures(tokens, model.cueWords, (i, f) => table.add(scores, i, f), emitType, emitCode, emitPair);
  const history = table.wordHistories(words);
  const cue = (process.env.CT_VITERBI?.includes('cue') ? table.tagViterbi : table.tag).call(table, 0, scores, history, inQuote);
  // Cue-relative features only matter to the source and content slots; adding them to the cue slot is harmless.
  cueFeatures(tokens, cue, emitCode, emitType);
  return {
    tokens,
    cue,
    source: (process.env.CT_VITERBI?.includes('source') ? table.tagViterbi : table.tag).call(table, 1, scores, history, inQuote),
    content: (process.env.CT_VITERBI?.includes('content') ? table.tagViterbi : table.tag).call(table, 2, scores, history, inQuote),
  };
}

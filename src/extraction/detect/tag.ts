import {
  bigramFeature,
  type CodeFamily,
  codeFeatures,
  cueFeatures,
  type Emitters,
  looksLeft,
  low,
  PAIR_LEFT,
  PAIR_RIGHT,
  refWord,
  staticFeatures,
  type TypeKind,
  typeFeatures,
  typeKey,
  wordFacts,
} from './features';
import type { Model } from './model';
import { TAGGERS, WIDTH } from './perceptron';
import { type Token, tokenize } from './tokenize';
import { END_TYPE, START_TYPE } from './word-types';

/** The text tokenised and tagged by the three role taggers. */
export interface Tagged {
  tokens: Token[];
  /** Each token's lowercase form (see `low`). */
  words: string[];
  cue: Uint8Array;
  source: Uint8Array;
  content: Uint8Array;
  /** `accurate` only: source tags decoded with O made less likely, for cues left without one (loose-source.ts). */
  looseSource?: { tags: Uint8Array; prob: Float32Array };
}

/** Training view of a text: the feature strings every tagger sees, exactly as inference builds them. */
export interface Prepared {
  tokens: Token[];
  feats: string[][];
  words: string[];
  inQuote: boolean[];
}

/** Emitters that collect feature strings per token (training); inference scores them instead. */
export function collector(tokens: Token[], words: string[], feats: string[][]): Emitters {
  return {
    emitType: (i, kind, from) => feats[i]!.push(...typeFeatures(kind, typeKey(tokens, kind, from))),
    emitCode: (i, family, code) => feats[i]!.push(...codeFeatures(family, code)),
    emitPair: (a, b, left, right) => {
      const [wa, wb] = [refWord(words, a), refWord(words, b)];
      if (right >= 0) feats[right]!.push(bigramFeature(PAIR_RIGHT, wa, wb));
      if (left >= 0) feats[left]!.push(bigramFeature(PAIR_LEFT, wa, wb));
    },
    emitBigram: (i, family, a, b) => feats[i]!.push(bigramFeature(family + '=', refWord(words, a), refWord(words, b))),
  };
}

export function prepare(text: string, cueWords: Set<string>): Prepared {
  const tokens = tokenize(text);
  const feats: string[][] = tokens.map(() => []);
  const words = tokens.map((t) => low(t.text));
  staticFeatures(tokens, wordFacts(tokens, words, cueWords), collector(tokens, words, feats));
  return { tokens, feats, words, inQuote: tokens.map((t) => t.inQuote) };
}

/** Cue first; the source and content taggers then see where the predicted cues are. */
export function tagText(text: string, model: Model): Tagged {
  const { table } = model;
  const tokens = tokenize(text);
  // Word types once per token: the features of a type, its lowercase form and its pair id are looked up
  // by type id from here on, so no feature string is built for a word seen before.
  const typed = table.lookUp(tokens);
  const { types, words, pairIds } = typed;
  const inQuote = tokens.map((t) => t.inQuote);
  const scores = new Float64Array(tokens.length * WIDTH);
  const emitType = (i: number, kind: TypeKind, from: number) =>
    table.addType(scores, i, from >= 0 ? types[from]! : looksLeft(kind) ? START_TYPE : END_TYPE, kind);
  const emitCode = (i: number, family: CodeFamily, code: number) => table.addCode(scores, i, family, code);
  staticFeatures(tokens, typed, {
    emitType,
    emitCode,
    emitPair: (a, b, left, right) => table.addPair(scores, pairIds, a, b, left, right),
    emitBigram: (i, family, a, b) => table.addBigram(scores, pairIds, i, family, a, b),
  });
  const decode = (role: (typeof TAGGERS)[number]) => {
    const slot = TAGGERS.indexOf(role);
    return model.decoders[role] === 'viterbi'
      ? table.tagViterbi(slot, scores, types, inQuote)
      : table.tag(slot, scores, types, inQuote);
  };
  const cue = decode('cue');
  // Cue-relative features only matter to the source and content slots; adding them to the cue slot is harmless.
  cueFeatures(tokens, cue, emitCode, emitType);
  return { tokens, words, cue, source: decode('source'), content: decode('content') };
}

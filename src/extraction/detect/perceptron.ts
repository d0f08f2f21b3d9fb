/**
 * Greedy left-to-right averaged-perceptron taggers over B/I/O labels (0 = O, 1 = B, 2 = I).
 * The three role taggers share one weight table (feature → 3 taggers × 3 labels), so a feature string
 * is hashed and looked up once per token for all of them. Inference only; see train-perceptron.ts.
 */
import {
  BIGRAM_FAMILIES,
  type BigramFamily,
  type CodeFamily,
  codeFeatures,
  Kind,
  PAIR_LEFT,
  PAIR_RIGHT,
  SENT_START,
  STATIC_KINDS,
  type TypeKind,
  type WordFacts,
  type WordRef,
  typeFeatures,
} from './features';
import { PairTable } from './pair-table';
import type { Token } from './tokenize';
import { viterbi } from './viterbi';
import { END_TYPE, START_TYPE, WordTypes } from './word-types';

export const LABELS = 3;
export const TAGGERS = ['cue', 'source', 'content'] as const;
export const WIDTH = TAGGERS.length * LABELS;

/** Serialised form of one tagger: feature string → its three label weights. */
export type TaggerWeights = Record<string, number[]>;

/** Features that depend on the previously chosen tags; the trainer builds the same strings. */
export function historyFeatures(prev: number, prev2: number, inQuote: boolean, word: string): string[] {
  return ['p=' + prev, 'p2=' + prev2 + prev, 'pq=' + prev + (inQuote ? 1 : 0), 'pw=' + prev + '|' + word];
}

/** Best label; I cannot follow O (constrained here rather than repaired afterwards, so training sees it too). */
export function argmax(s: ArrayLike<number>, prev: number): number {
  let best = 0;
  const top = prev === 0 ? 2 : LABELS;
  for (let y = 1; y < top; y++) if (s[y]! > s[best]!) best = y;
  return best;
}

// Closed-set feature codes seen so far, bounded so odd input cannot grow the cache forever.
const CODE_CACHE_LIMIT = 20_000;
/** Cue kinds per word type (see `cueKind` in features.ts). */
const CUE_KINDS = 4;

/**
 * Every split of 'a|b' into two non-empty words: a word may itself hold '|', and the string feature 'x|y'
 * matched every pair that spells it, so registering each split keeps exactly the same matches.
 */
function* splits(key: string): Generator<[string, string]> {
  for (let j = key.indexOf('|'); j >= 0; j = key.indexOf('|', j + 1)) {
    if (j > 0 && j < key.length - 1) yield [key.slice(0, j), key.slice(j + 1)];
  }
}

type Sum = Int32Array | null;
type Entries = [number, number, number][];
/** Row fields of the shared bigram table: 'w-1w=' (weights for the right word's token) and 'ww+1=' (the left's). */
const RIGHT_ROW = 0;
const LEFT_ROW = 1;

/** A text's tokens as the weight table sees them; see `WeightTable.lookUp`. */
export interface TypedTokens extends WordFacts {
  /** Word type id per token (see word-types.ts). */
  types: Int32Array;
  /** Lowercase word per token. */
  words: string[];
  /** Each token's id in the pair-feature vocabulary, -1 when no pair feature holds its word. */
  pairIds: Int32Array;
}

/**
 * The weights of all features, in one Int16Array of rows (weight × 10, see model-file.ts) addressed
 * through a feature → row map. Scores are sums of these integers; only their order matters.
 */
export class WeightTable {
  private readonly rowOf = new Map<string, number>();
  /**
   * Word-pair features ('w-1w=a|b', 'ww+1=a|b', 'sk=a|b', 'clw=a|b') are looked up by the pair of word ids,
   * so no feature string is built per token: PairTables of (id(a), id(b)) → row. A bigram is looked up for
   * both its words ('w-1w=' and 'ww+1='), so those two share a table and one probe (rows RIGHT_ROW, LEFT_ROW).
   */
  private readonly vocabulary = new Map<string, number>();
  private readonly bigrams: PairTable;
  private readonly skipPairs: PairTable;
  private readonly cuePairs: PairTable;
  /**
   * Per word type, computed once when the type is first seen: the summed weights of its features of each
   * static kind (STATIC_KINDS × WIDTH), its 'pw=' weights for each previous label (LABELS × WIDTH) and its
   * pair-vocabulary id. Types [0, filled) are done.
   */
  private readonly types: WordTypes;
  private staticSums = new Int32Array(0);
  private histories = new Int32Array(0);
  private pairIdOf = new Int32Array(0);
  private filled = 0;
  /** Cue-kind sums, only ever needed for the few words tagged as cues: (type × CUE_KINDS + kind) → sum. */
  private readonly cueSums = new Map<number, Sum>();
  private readonly codes: Record<CodeFamily, Map<number, Sum>> = { layout: new Map(), cue: new Map() };
  /** Summed 'p=', 'p2=', 'pq=' weights per (prev2, prev, inQuote): only 18 combinations. */
  private readonly labelHistory: Int32Array[] = [];

  constructor(
    features: string[],
    private readonly rows: Int16Array,
    cueWords: Set<string>,
    /** How many word types to remember before starting over (see word-types.ts). */
    typeLimit?: number,
  ) {
    const prefixes = [PAIR_RIGHT, PAIR_LEFT, ...BIGRAM_FAMILIES.map((f) => f + '=')];
    const pairs: [number, number, number][][] = prefixes.map(() => []);
    features.forEach((f, r) => {
      const p = prefixes.findIndex((prefix) => f.startsWith(prefix));
      if (p < 0) this.rowOf.set(f, r);
      else
        for (const [a, b] of splits(f.slice(prefixes[p]!.length))) pairs[p]!.push([this.wordId(a), this.wordId(b), r]);
    });
    const [right, left, skip, cue] = pairs as [Entries, Entries, Entries, Entries];
    this.bigrams = new PairTable(right, left);
    this.skipPairs = new PairTable(skip);
    this.cuePairs = new PairTable(cue);
    for (let prev2 = 0; prev2 < LABELS; prev2++)
      for (let prev = 0; prev < LABELS; prev++)
        for (const q of [false, true])
          this.labelHistory.push(this.sum(historyFeatures(prev, prev2, q, '').slice(0, 3)) ?? new Int32Array(WIDTH));
    this.types = new WordTypes(cueWords, typeLimit);
  }

  /** Interns the tokens' word types, summing the weights of any type not seen before. */
  lookUp(tokens: Token[]): TypedTokens {
    const { types, fresh } = this.types.intern(tokens);
    if (fresh) {
      this.filled = 0;
      this.cueSums.clear();
    }
    this.fillTypes();
    const pairIds = new Int32Array(types.length);
    for (let i = 0; i < types.length; i++) pairIds[i] = this.pairIdOf[types[i]!]!;
    return { types, pairIds, ...this.types.facts(types) };
  }

  private fillTypes(): void {
    const size = this.types.size;
    if (size > this.pairIdOf.length) {
      const capacity = Math.max(4096, 2 ** Math.ceil(Math.log2(size)));
      this.staticSums = grown(this.staticSums, capacity * STATIC_KINDS * WIDTH);
      this.histories = grown(this.histories, capacity * LABELS * WIDTH);
      this.pairIdOf = grown(this.pairIdOf, capacity);
    }
    for (let t = this.filled; t < size; t++) {
      const word = this.types.lower(t);
      for (let kind = 0; kind < STATIC_KINDS; kind++) {
        const key = kind === Kind.w ? this.types.text(t) : word;
        this.sumInto(typeFeatures(kind, key), this.staticSums, (t * STATIC_KINDS + kind) * WIDTH);
      }
      for (let prev = 0; prev < LABELS; prev++)
        this.sumInto(historyFeatures(prev, 0, false, word).slice(3), this.histories, (t * LABELS + prev) * WIDTH);
      this.pairIdOf[t] = this.vocabulary.get(word) ?? -1;
    }
    this.filled = size;
  }

  /** Summed weights of the given features, or null when none is known. */
  private sum(features: string[]): Sum {
    const sum = new Int32Array(WIDTH);
    return this.sumInto(features, sum, 0) ? sum : null;
  }

  /**
   * Writes the summed weights of the given features (zeros when none is known) at out[at, at + WIDTH);
   * true when any feature is known.
   */
  private sumInto(features: string[], out: Int32Array, at: number): boolean {
    out.fill(0, at, at + WIDTH);
    let known = false;
    for (const f of features) {
      const r = this.rowOf.get(f);
      if (r === undefined) continue;
      known = true;
      for (let k = 0; k < WIDTH; k++) out[at + k]! += this.rows[r * WIDTH + k]!;
    }
    return known;
  }

  /**
   * Adds the summed weights of a word type's features of one kind (see `typeFeatures`) at token `i`;
   * `type` is a type id from `lookUp` for this text (START_TYPE / END_TYPE past a sentence edge).
   */
  addType(scores: Float64Array, i: number, type: number, kind: TypeKind): void {
    if (kind < STATIC_KINDS) {
      this.addFrom(scores, i, this.staticSums, (type * STATIC_KINDS + kind) * WIDTH);
      return;
    }
    const key = type * CUE_KINDS + kind - Kind.cue;
    let sum = this.cueSums.get(key);
    if (sum === undefined) {
      sum = this.sum(typeFeatures(kind, this.types.lower(type)));
      this.cueSums.set(key, sum);
    }
    if (sum) this.addFrom(scores, i, sum, 0);
  }

  /** Adds the summed weights of a closed-set feature code (see `codeFeatures`) at token `i`. */
  addCode(scores: Float64Array, i: number, family: CodeFamily, code: number): void {
    const cache = this.codes[family];
    let sum = cache.get(code);
    if (sum === undefined) {
      sum = this.sum(codeFeatures(family, code));
      if (cache.size >= CODE_CACHE_LIMIT) cache.clear();
      cache.set(code, sum);
    }
    if (sum) this.addFrom(scores, i, sum, 0);
  }

  private wordId(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(word, id);
    }
    return id;
  }

  /** Where `table` holds the pair of words a, b (see `PairTable.find`), or -1. */
  private findPair(table: PairTable, ids: Int32Array, a: WordRef, b: WordRef): number {
    const ia = a >= 0 ? ids[a]! : this.pairIdOf[a === SENT_START ? START_TYPE : END_TYPE]!;
    const ib = b >= 0 ? ids[b]! : this.pairIdOf[b === SENT_START ? START_TYPE : END_TYPE]!;
    return ia < 0 || ib < 0 ? -1 : table.find(ia, ib);
  }

  /** Adds a bigram's weights to the tokens on both its sides (see `EmitPair`); `ids` from `lookUp`'s pairIds. */
  addPair(scores: Float64Array, ids: Int32Array, a: WordRef, b: WordRef, left: number, right: number): void {
    const at = this.findPair(this.bigrams, ids, a, b);
    if (at < 0) return;
    if (right >= 0) {
      const r = this.bigrams.row(at, RIGHT_ROW);
      if (r >= 0) this.addRow(scores, right, r);
    }
    if (left >= 0) {
      const r = this.bigrams.row(at, LEFT_ROW);
      if (r >= 0) this.addRow(scores, left, r);
    }
  }

  /** Adds a token's word-pair feature (see `EmitBigram`). */
  addBigram(scores: Float64Array, ids: Int32Array, i: number, family: BigramFamily, a: WordRef, b: WordRef): void {
    const table = family === 'sk' ? this.skipPairs : this.cuePairs;
    const at = this.findPair(table, ids, a, b);
    const r = at < 0 ? -1 : table.row(at);
    if (r >= 0) this.addRow(scores, i, r);
  }

  private addRow(scores: Float64Array, i: number, r: number): void {
    const o = i * WIDTH;
    const from = r * WIDTH;
    for (let k = 0; k < WIDTH; k++) scores[o + k]! += this.rows[from + k]!;
  }

  private addFrom(scores: Float64Array, i: number, w: Int32Array, at: number): void {
    const o = i * WIDTH;
    for (let k = 0; k < WIDTH; k++) scores[o + k]! += w[at + k]!;
  }

  /** The score of label y at token i for tagger slot `base / LABELS`, after labels prev2, prev. */
  private score(
    scores: Float64Array,
    types: Int32Array,
    inQuote: boolean[],
    i: number,
    base: number,
    p2: number,
    p: number,
    y: number,
  ): number {
    const lh = this.labelHistory[(p2 * LABELS + p) * 2 + (inQuote[i] ? 1 : 0)]!;
    return scores[i * WIDTH + base + y]! + lh[base + y]! + this.histories[(types[i]! * LABELS + p) * WIDTH + base + y]!;
  }

  /**
   * Tags one sequence with tagger `slot`, given per-token scores from static (and cue-relative) features;
   * history features are added as the tags are chosen. `types` are the tokens' type ids from `lookUp`.
   */
  tag(slot: number, scores: Float64Array, types: Int32Array, inQuote: boolean[]): Uint8Array {
    const n = types.length;
    const tags = new Uint8Array(n);
    const s = new Float64Array(LABELS);
    const base = slot * LABELS;
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < n; i++) {
      for (let y = 0; y < LABELS; y++) s[y] = this.score(scores, types, inQuote, i, base, prev2, prev, y);
      const best = argmax(s, prev);
      tags[i] = best;
      prev2 = prev;
      prev = best;
    }
    return tags;
  }

  /** The best whole sequence for tagger `slot` under the same score as `tag` (see viterbi.ts). */
  tagViterbi(slot: number, scores: Float64Array, types: Int32Array, inQuote: boolean[]): Uint8Array {
    const base = slot * LABELS;
    return viterbi(types.length, (i, p2, p, y) => this.score(scores, types, inQuote, i, base, p2, p, y));
  }
}

function grown(a: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

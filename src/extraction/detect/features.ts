import type { Token } from './tokenize';

/**
 * Feature strings for the taggers. Static features depend on the words only and are shared by the
 * three taggers; cue-relative features tell the source and content taggers where the nearest cue is.
 */

function shape(t: string): string {
  let s = '';
  for (let i = 0; i < t.length && s.length < 6; i++) {
    const ch = t[i]!;
    const k = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (s[s.length - 1] !== k) s += k;
  }
  return s;
}

const lowerCache = new Map<string, string>();
export function low(t: string): string {
  let l = lowerCache.get(t);
  if (l === undefined) {
    l = t.toLowerCase();
    // Bounded so a long input of unique words cannot grow memory without limit.
    if (lowerCache.size > 50_000) lowerCache.clear();
    lowerCache.set(t, l);
  }
  return l;
}

// Static features: the word, its neighbours, shape, quote position, cue-lexicon hits.

/**
 * Features that depend only on one word type: the word itself (kind 'w', keyed by its exact text, for the
 * shape) or a neighbour seen from the token (kinds '-1', '+1', '-2', '+2', keyed by its lowercase form).
 * Inference sums their weights once per word type and caches the sum. Kinds are small integers (an index
 * into KIND_NAMES, which spell the feature strings) so inference can address its caches by them.
 */
export const KIND_NAMES = ['w', '-1', '+1', '-2', '+2', 'cLwS', 'cLwX', 'cRwS', 'cRwX'] as const;
export const Kind = { w: 0, m1: 1, p1: 2, m2: 3, p2: 4, cue: 5 } as const;
/** 0–4: the word and its neighbours (Kind); 5–8: the nearest cue's word, see `cueKind`. */
export type TypeKind = number;
/** The kinds up to here hold every token's own word and neighbours; later ones only the nearest cues. */
export const STATIC_KINDS = 5;
const cueKind = (right: boolean, sameSentence: boolean): TypeKind =>
  Kind.cue + (right ? 2 : 0) + (sameSentence ? 0 : 1);
/** Kinds that look left of the token, so past a sentence edge they see its start. */
export const looksLeft = (kind: TypeKind): boolean => kind === Kind.m1 || kind === Kind.m2;
/** `from` is the token whose word it is, or -1 past a sentence edge. */
export type EmitType = (token: number, kind: TypeKind, from: number) => void;

/**
 * Features from small closed sets (quote position, sentence edges, distance to the cue) are passed as an
 * integer code per family; `codeFeatures` turns a code back into its feature strings. Inference caches
 * the summed weights per code, so these cost no string building or hashing.
 */
export type CodeFamily = 'layout' | 'cue';
export type EmitCode = (token: number, family: CodeFamily, code: number) => void;

/**
 * A word bigram a|b gives 'w-1w=a|b' to the token of b (`right`) and 'ww+1=a|b' to the token of a (`left`);
 * -1 where that side is a sentence edge. One call serves both tokens.
 */
export type EmitPair = (a: WordRef, b: WordRef, left: number, right: number) => void;
export const PAIR_RIGHT = 'w-1w=';
export const PAIR_LEFT = 'ww+1=';

/** Word-pair features of one token: 'sk=' (its two neighbours) and 'clw=' (a cue word and the next word). */
export type BigramFamily = 'sk' | 'clw';
export type EmitBigram = (token: number, family: BigramFamily, a: WordRef, b: WordRef) => void;

/** A word in a pair: the lowercase word of token `ref` (ref ≥ 0), or a sentence edge. */
export type WordRef = number;
export const SENT_START: WordRef = -1;
export const SENT_END: WordRef = -2;
export const refWord = (words: string[], ref: WordRef): string =>
  ref >= 0 ? words[ref]! : ref === SENT_START ? '<s>' : '</s>';
export const BIGRAM_FAMILIES: readonly BigramFamily[] = ['sk', 'clw'];

/** The feature string of a word pair, as training sees it; inference looks pairs up by word ids instead. */
export const bigramFeature = (prefix: string, a: string, b: string): string => prefix + a + '|' + b;

/** Everything `staticFeatures` reports, so training can collect strings and inference can add weights. */
export interface Emitters {
  emitType: EmitType;
  emitCode: EmitCode;
  emitPair: EmitPair;
  emitBigram: EmitBigram;
}

/** Per-token facts about the words that `staticFeatures` reads, precomputed by the caller. */
export interface WordFacts {
  /** 1 where the token starts with a capital letter. */
  capital: Uint8Array;
  /** 1 where the lowercase word is in the cue lexicon. */
  cueWord: Uint8Array;
}

export const isCapitalised = (text: string): boolean => /^\p{Lu}/u.test(text);

export function wordFacts(tokens: Token[], words: string[], cueWords: Set<string>): WordFacts {
  return {
    capital: Uint8Array.from(tokens, (t) => +isCapitalised(t.text)),
    cueWord: Uint8Array.from(words, (w) => +cueWords.has(w)),
  };
}
const QUOTE_MARKS = ['', 'open', 'close'] as const;
const BUCKETS = ['1', '2', '3', '4-6', '7-12', '13-25', 'far'];
const bucket = (d: number): number => (d <= 3 ? d - 1 : d <= 6 ? 3 : d <= 12 ? 4 : d <= 25 ? 5 : 6);

export function codeFeatures(family: CodeFamily, code: number): string[] {
  if (family === 'cue') {
    if (code === 0) return ['inCue'];
    if (code === 1) return ['noCue'];
    // code - 2 = ((dir * 7 + bucket) * 2 + same) * 2 + inQuote
    let c = code - 2;
    const q = c % 2;
    c = (c - q) / 2;
    const same = c % 2 ? 'S' : 'X';
    c = (c - (c % 2)) / 2;
    const b = BUCKETS[c % 7]!;
    const dir = c >= 7 ? 'R' : 'L';
    return [`c${dir}=${b}${same}`, `c${dir}q=${same}${q}`];
  }
  // code = ((((((((qIn * 3 + mark) * 4 + qn) * 7 + qc) * 8 + cl) * 4 + ss) * 4 + pp) * 8 + cap) * 4 + pos) * 2 + sq
  const take = (n: number): number => {
    const v = code % n;
    code = (code - v) / n;
    return v;
  };
  const sq = take(2);
  const pos = take(4);
  const cap = take(8);
  const pp = take(4);
  const ss = take(4);
  const cl = take(8);
  const qc = take(7);
  const qn = take(4);
  const mark = take(3);
  const qIn = code;
  const bits = (v: number, n: number): string => v.toString(2).padStart(n, '0');
  const edge = (v: number, a: string): string => (v & 2 ? a : '') + (v & 1 ? 'E' : '');
  return [
    'b',
    'q=' + qIn + QUOTE_MARKS[mark],
    'qn=' + bits(qn, 2),
    'qc=' + qc,
    'cl=' + bits(cl, 3),
    'ss=' + edge(ss, 'S'),
    'pp=' + edge(pp, 'P'),
    'cap=' + bits(cap, 3),
    'pos=' + pos + sq,
    'sq=' + sq + qIn,
  ];
}

/** The key a word-type feature is built from; see `typeFeatures`. */
export function typeKey(tokens: Token[], kind: TypeKind, from: number): string {
  if (from < 0) return looksLeft(kind) ? '<s>' : '</s>';
  const text = tokens[from]!.text;
  return kind === Kind.w ? text : low(text);
}

export function typeFeatures(kind: TypeKind, key: string): string[] {
  const name = KIND_NAMES[kind]!;
  // The nearest cue's word, seen from a token left/right of it, in the same sentence or not.
  if (kind >= Kind.cue) return [`${name.slice(0, 3)}=${name[3]}${key}`];
  if (kind === Kind.m1 || kind === Kind.p1) return [`w${name}=${key}`, `s${name}=${key.slice(-3)}`];
  if (kind !== Kind.w) return [`w${name}=${key}`];
  const w = low(key);
  return ['w=' + w, 'suf3=' + w.slice(-3), 'suf2=' + w.slice(-2), 'pre3=' + w.slice(0, 3), 'sh=' + shape(key)];
}

/** Static features of every token. */
export function staticFeatures(tokens: Token[], facts: WordFacts, out: Emitters): void {
  const { emitType, emitCode, emitPair, emitBigram } = out;
  const { capital, cueWord } = facts;
  // Sentences holding a quote mark: reported speech clusters around quotations.
  const quoted = new Set<number>();
  for (const t of tokens) if (t.quote) quoted.add(t.sent);
  let sentStart = 0;
  // Distance to the last quote mark, for "…,” he said" patterns.
  let lastClose = -1000;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const sameSentPrev = prev !== undefined && prev.sent === tok.sent;
    const sameSentNext = next !== undefined && next.sent === tok.sent;
    const m2 = sameSentPrev && tokens[i - 2]?.sent === tok.sent ? i - 2 : -1;
    const p2 = sameSentNext && tokens[i + 2]?.sent === tok.sent ? i + 2 : -1;
    if (tok.quote === 'close') lastClose = i;
    emitType(i, Kind.w, i);
    emitType(i, Kind.m1, sameSentPrev ? i - 1 : -1);
    emitType(i, Kind.p1, sameSentNext ? i + 1 : -1);
    emitType(i, Kind.m2, m2);
    emitType(i, Kind.p2, p2);
    const prevRef = sameSentPrev ? i - 1 : SENT_START;
    const nextRef = sameSentNext ? i + 1 : SENT_END;
    emitPair(prevRef, i, sameSentPrev ? i - 1 : -1, i);
    if (!sameSentNext) emitPair(i, nextRef, i, -1);
    const qn = (next?.inQuote ? 2 : 0) + (prev?.inQuote ? 1 : 0);
    const qc = Math.min(i - lastClose, 6);
    // A sentence edge ('<s>', '</s>') is never a cue word.
    const cl =
      (cueWord[i] ? 4 : 0) + (sameSentPrev && cueWord[i - 1] ? 2 : 0) + (sameSentNext && cueWord[i + 1] ? 1 : 0);
    const ss = (sameSentPrev ? 0 : 2) + (sameSentNext ? 0 : 1);
    const pp = (prev?.para === tok.para ? 0 : 2) + (next?.para === tok.para ? 0 : 1);
    const mark = tok.quote === 'open' ? 1 : tok.quote === 'close' ? 2 : 0;
    if (!sameSentPrev) sentStart = i;
    const cap = (prev && capital[i - 1] ? 4 : 0) + (capital[i] ? 2 : 0) + (next && capital[i + 1] ? 1 : 0);
    const pos = Math.min(i - sentStart, 3);
    const sq = quoted.has(tok.sent) ? 1 : 0;
    const layout = (((((+tok.inQuote * 3 + mark) * 4 + qn) * 7 + qc) * 8 + cl) * 4 + ss) * 4 + pp;
    emitCode(i, 'layout', ((layout * 8 + cap) * 4 + pos) * 2 + sq);
    emitBigram(i, 'sk', prevRef, nextRef);
    if (cueWord[i]) emitBigram(i, 'clw', i, nextRef);
  }
}

/**
 * For each token, where the nearest cue is (direction, distance, same sentence, its word), given the cue
 * tag sequence (0 = outside, 1 = begin, 2 = inside). Two linear sweeps.
 */
export function cueFeatures(tokens: Token[], cueTags: Uint8Array, emitCode: EmitCode, emitType: EmitType): void {
  const n = tokens.length;
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (cueTags[i]) last = i;
    left[i] = last;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (cueTags[i]) last = i;
    right[i] = last;
  }
  for (let i = 0; i < n; i++) {
    const tok = tokens[i]!;
    let any = false;
    if (cueTags[i]) {
      any = true;
      emitCode(i, 'cue', 0);
    }
    for (const [j, dir] of [
      [left[i]!, 0],
      [right[i]!, 1],
    ] as const) {
      if (j < 0 || j === i || tokens[j]!.para !== tok.para) continue;
      any = true;
      const same = tokens[j]!.sent === tok.sent;
      emitCode(i, 'cue', 2 + ((dir * 7 + bucket(Math.abs(i - j))) * 2 + +same) * 2 + +tok.inQuote);
      emitType(i, cueKind(dir === 1, same), j);
    }
    if (!any) emitCode(i, 'cue', 1);
  }
}

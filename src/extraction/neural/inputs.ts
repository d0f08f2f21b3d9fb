/**
 * What the neural tagger sees of each token, computed the same way when exporting training data
 * (scripts/train/neural-data.ts) and at run time: the lowercase word (looked up in the shipped
 * pretrained vectors), a word shape, a hashed suffix (for names and words without a vector) and a few
 * layout flags. Pure and deterministic.
 */
import type { Token } from '../detect/tokenize';

/** Hashed suffix buckets; the trained table has this many rows. */
export const SUFFIX_BUCKETS = 2048;
export const SHAPES = 16;
/** Layout flags per token, in this order: inside a quotation, first of its paragraph, first of its sentence. */
export const FLAGS = 3;

const QUOTES_OPEN = new Set(['“', '‘', '«', '„']);
const QUOTES_CLOSE = new Set(['”', '’', '»']);
const LOWER = /^[\p{Ll}\p{M}'’.-]+$/u;
const TITLE = /^\p{Lu}[\p{Ll}\p{M}'’.-]*$/u;
const UPPER = /^[\p{Lu}\p{M}'’.&-]+$/u;
const DIGIT = /\p{N}/u;
const LETTER = /\p{L}/u;

/** Word shape as a small id: 1 lower, 2 Title, 3 UPPER, 4 single capital, 5 digits, 6 mixed letters, 7.. punctuation kinds. */
export function shapeOf(t: string): number {
  if (QUOTES_OPEN.has(t)) return 7;
  if (QUOTES_CLOSE.has(t)) return 8;
  if (t === '"' || t === "'" || t === '`') return 9;
  if (t === '.' || t === '!' || t === '?') return 10;
  if (t === ',') return 11;
  if (t === ':' || t === ';') return 12;
  if (t === '—' || t === '–' || t === '-') return 13;
  if (t === '(' || t === ')' || t === '[' || t === ']') return 14;
  if (DIGIT.test(t)) return 5;
  if (!LETTER.test(t)) return 15;
  if (LOWER.test(t)) return 1;
  if (t.length === 1 && UPPER.test(t)) return 4;
  if (UPPER.test(t)) return 3;
  if (TITLE.test(t)) return 2;
  return 6;
}

/** The key under which a word's pretrained vector is stored: lowercase, curly apostrophe straightened. */
export function vectorKey(t: string): string {
  return t.toLowerCase().replace(/’/g, "'");
}

/** FNV-1a over the last three characters of the lowercase word, into SUFFIX_BUCKETS. */
export function suffixBucket(t: string): number {
  const s = vectorKey(t);
  const tail = s.length > 3 ? s.slice(-3) : s;
  let h = 0x811c9dc5;
  for (let i = 0; i < tail.length; i++) {
    h ^= tail.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SUFFIX_BUCKETS;
}

/** Layout flags as a bit set (bit k = flag k above). */
export function flagsOf(tokens: Token[], i: number): number {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  let f = t.inQuote ? 1 : 0;
  if (!prev || prev.para !== t.para) f |= 2;
  if (!prev || prev.sent !== t.sent) f |= 4;
  return f;
}

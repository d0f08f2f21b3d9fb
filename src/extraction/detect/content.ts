import { isPunct, run, trimRun } from './draft';
import type { TagRun } from './spans';
import type { Token } from './tokenize';

/**
 * Content boundaries from clause structure. The content tagger says roughly where a content is; PolNeAR
 * contents are mostly whole clauses ("said that …" up to the sentence end, or "“…,” he said" from the
 * quote or sentence start), so candidates are built from sentence and quote edges and the tagger picks one.
 */
export interface Layout {
  sentFirst: Int32Array;
  sentLast: Int32Array;
  /** For a token inside a quotation, the index of its opening mark (-1 otherwise); likewise the closing mark. */
  quoteOpen: Int32Array;
  quoteClose: Int32Array;
  paraLast: Int32Array;
}

export function layout(tokens: Token[]): Layout {
  const n = tokens.length;
  const sentFirst = new Int32Array(n);
  const sentLast = new Int32Array(n);
  const quoteOpen = new Int32Array(n).fill(-1);
  const quoteClose = new Int32Array(n).fill(-1);
  let first = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && tokens[i]!.sent !== tokens[i - 1]!.sent) first = i;
    sentFirst[i] = first;
  }
  let last = n - 1;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1 && tokens[i]!.sent !== tokens[i + 1]!.sent) last = i;
    sentLast[i] = last;
  }
  let open = -1;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.quote === 'open') open = i;
    else if (t.inQuote && open >= 0) quoteOpen[i] = open;
    else if (!t.inQuote) open = -1;
  }
  const paraLast = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--)
    paraLast[i] = i === n - 1 || tokens[i + 1]!.para !== tokens[i]!.para ? i : paraLast[i + 1]!;
  let close = -1;
  for (let i = n - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.quote === 'close') close = i;
    else if (t.inQuote && close >= 0) quoteClose[i] = close;
    else if (!t.inQuote) close = -1;
  }
  return { sentFirst, sentLast, quoteOpen, quoteClose, paraLast };
}

/** No content is longer than this; caps work on run-on input (one 5 MB line). */
export const MAX_CONTENT_TOKENS = 400;

/**
 * Candidate contents for a cue whose attribution occupies tokens [lo, hi] (cue plus an adjacent source),
 * limited to [min, max] so they stop at neighbouring attributions in the same sentence.
 */
export function contentCandidates(
  tokens: Token[],
  lay: Layout,
  lo: number,
  hi: number,
  min: number,
  max: number,
): TagRun[] {
  const out: TagRun[] = [];
  const para = tokens[lo]!.para;
  if (hi + 1 <= max) {
    let end = Math.min(lay.sentLast[hi]!, max, hi + MAX_CONTENT_TOKENS);
    let start = hi + 1;
    const q = start < tokens.length && tokens[start]!.quote === 'open' ? start + 1 : start;
    const qc = q < tokens.length ? lay.quoteClose[q]! : -1;
    if (qc > end && tokens[qc]?.para === para) end = qc;
    // "reports:" or "said:" followed by a quotation running to the paragraph end.
    if (tokens[start]?.text === ':') {
      start++;
      // "Caddell continued:" closing its paragraph: the quotation is the next paragraph.
      const next = lay.paraLast[start - 1] === start - 1 && start < tokens.length;
      const q2 = next && tokens[start]!.quote === 'open' ? start + 1 : start;
      const close = next ? (lay.quoteClose[q2] ?? -1) : -1;
      end = next && close > q2 ? close : Math.min(lay.paraLast[next ? start : start - 1]!, start + MAX_CONTENT_TOKENS);
      // 'A spokesperson added: "We recognise the pressures." Labour's …': a quotation closing inside the paragraph
      // is what the colon introduces; the reporter's next sentence is not.
      const closeHere = !next && tokens[start]?.quote === 'open' ? (lay.quoteClose[start + 1] ?? -1) : -1;
      if (closeHere > start + 1 && closeHere < end) end = closeHere;
    }
    const r = trimRun(tokens, run(start, end));
    if (r) out.push(r);
  }
  if (lo - 1 >= min) {
    let start = Math.max(lay.sentFirst[lo]!, min, lo - MAX_CONTENT_TOKENS);
    const end = lo - 1;
    const e = isPunct(tokens[end]) && end > 0 ? end - 1 : end;
    const qo = tokens[e + 1]?.quote === 'close' ? lay.quoteOpen[e]! : -1;
    if (qo >= 0 && qo < start && tokens[qo]!.para === para) start = qo;
    start = afterDateline(tokens, start, end);
    const r = trimRun(tokens, run(start, end));
    if (r) out.push(r);
  }
  return out;
}

/**
 * How well a candidate agrees with the content tagger: each tagged word counts for, each untagged one
 * against, equally (on dev, weighting untagged words 0.3 instead lost 0.5 content F1: longer clauses won).
 */
export function agreement(tokens: Token[], content: Uint8Array, r: TagRun): number {
  let yes = 0;
  let no = 0;
  for (let i = r.first; i <= r.last; i++) {
    if (isPunct(tokens[i])) continue;
    if (content[i]) yes++;
    else no++;
  }
  return yes === 0 || yes < 0.3 * (yes + no) ? Number.NEGATIVE_INFINITY : yes - no;
}

// "WASHINGTON ― …": HuffPost writes the horizontal bar.
const DATELINE_DASH = /^[-–—―]$/;
const MAX_DATELINE_TOKENS = 14;

/**
 * "LONDON, March 3 (Reuters) - …" or "BERLIN (AP) — …": a wire dateline opening the paragraph is no part of
 * what anyone said. Returns the first token after it, or `start` when there is none.
 */
export function afterDateline(tokens: Token[], start: number, end: number): number {
  const first = tokens[start];
  if (!first || (start > 0 && tokens[start - 1]!.para === first.para)) return start;
  // The place is written in capitals ("LONDON", "NEW YORK", "WASHINGTON, D.C.").
  if (!/^\p{Lu}{2,}$/u.test(first.text.replace(/[.'’]/g, ''))) return start;
  for (let i = start + 1; i <= Math.min(end - 1, start + MAX_DATELINE_TOKENS); i++) {
    if (DATELINE_DASH.test(tokens[i]!.text)) return i + 1;
    if (tokens[i]!.sent !== first.sent && !/^[A-Z]/.test(tokens[i]!.text)) return start;
  }
  return start;
}

/** Days of the week, lower case. */
export const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
/** Days and months, lower case: a capitalised word that says when, not who. */
export const CALENDAR_WORDS = new Set([
  ...WEEKDAYS,
  ...'january february march april may june july august september october november december'.split(' '),
]);
const CIRCUMSTANCE_WORDS = new Set([
  ...'on in at during since until last this next early earlier late later week weekend month year morning afternoon evening night today yesterday tonight the a statement interview'.split(
    ' ',
  ),
  ...CALENDAR_WORDS,
]);

/** "said on Thursday.", "has known that since 2019": a run holding only when and where, not what. */
export function isCircumstance(tokens: Token[], r: TagRun): boolean {
  const first = r.last > r.first && tokens[r.first]!.text.toLowerCase() === 'that' ? r.first + 1 : r.first;
  for (let i = first; i <= r.last; i++) {
    const w = tokens[i]!.text.toLowerCase();
    if (!CIRCUMSTANCE_WORDS.has(w) && !/^\d+$/.test(w) && !isPunct(tokens[i])) return false;
  }
  return true;
}

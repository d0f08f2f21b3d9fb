import type { Span } from '../types';
import type { DetectedAttribution } from './index';
import { runSpan, type TagRun } from './spans';
import type { Token } from './tokenize';

/** An attribution while it is being assembled, in token runs; rules and the tagger both produce these. */
export interface Draft {
  cue: TagRun[];
  source: TagRun[];
  content: TagRun[];
  origin: DetectedAttribution['origin'];
  continues?: number;
  confidence: number;
}

export const run = (first: number, last: number): TagRun => ({ first, last });

export function overlaps(a: TagRun[], b: TagRun[]): boolean {
  return a.some((x) => b.some((y) => x.first <= y.last && y.first <= x.last));
}

export function toDetected(tokens: Token[], d: Draft): DetectedAttribution {
  const spans = (rs: TagRun[]): Span[] => rs.map((r) => runSpan(tokens, r)).sort((x, y) => x[0] - y[0]);
  const out: DetectedAttribution = {
    cue: spans(d.cue),
    source: spans(d.source),
    content: spans(d.content),
    origin: d.origin,
    confidence: d.confidence,
  };
  if (d.continues !== undefined) out.continues = d.continues;
  return out;
}

const PUNCT = /^[\p{P}\p{S}]+$/u;
export const isPunct = (t: Token | undefined): boolean => t !== undefined && PUNCT.test(t.text);

/** Drops punctuation tokens at the edges of a run (", an unnamed official" → "an unnamed official"). */
export function trimRun(tokens: Token[], r: TagRun): TagRun | null {
  let { first, last } = r;
  while (first <= last && isPunct(tokens[first])) first++;
  while (last >= first && isPunct(tokens[last])) last--;
  return first <= last ? { first, last } : null;
}

/** First token of the clause holding token i: just after the previous comma, semicolon or sentence start. */
export function clauseStart(tokens: Token[], i: number, sentFirst: number): number {
  let j = i;
  while (j > sentFirst && !/^[,;:—–]$/.test(tokens[j - 1]!.text) && i - j < 60) j--;
  return j;
}

/**
 * The last token before ", <joining word> …" in [from, end), when the comma comes within `reach` tokens of `from`:
 * where a clause ends that another, with a subject of its own, follows ("…, and health officials warned …"). Else
 * `end`.
 */
export function clauseEndBefore(
  words: string[],
  from: number,
  end: number,
  joins: Set<string>,
  reach = Infinity,
): number {
  for (let k = from; k < end && k - from <= reach; k++) if (words[k] === ',' && joins.has(words[k + 1]!)) return k - 1;
  return end;
}

/** Last word token of the sentence holding token i. */
export function sentenceEnd(tokens: Token[], sentLast: number, i: number): number {
  let j = sentLast;
  while (j > i && isPunct(tokens[j])) j--;
  return j;
}

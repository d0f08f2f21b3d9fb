import type { Span } from '../types';
import type { Token } from './tokenize';

/** Same edge trimming as the PolNeAR scorer, so training targets and predictions line up. */
const EDGE = /[\s"'“”‘’«»„‚`.,;:!?()[\]—–-]/u;

export function trimSpan(text: string, [a, b]: Span): Span {
  while (a < b && EDGE.test(text[a]!)) a++;
  while (b > a && EDGE.test(text[b - 1]!)) b--;
  return [a, b];
}

/** B/I/O tags (1/2/0) for tokens covered by the given spans; each span starts with a B. */
export function spansToTags(tokens: Token[], text: string, spans: Span[]): Uint8Array {
  const tags = new Uint8Array(tokens.length);
  const starts = tokens.map((t) => t.start);
  for (const raw of spans) {
    const [a, b] = trimSpan(text, raw);
    if (b <= a) continue;
    let i = lowerBound(starts, a);
    let first = true;
    while (i < tokens.length && tokens[i]!.start < b) {
      if (tokens[i]!.end > a) {
        if (first) tags[i] = 1;
        else if (tags[i] !== 1) tags[i] = 2;
        first = false;
      }
      i++;
    }
  }
  return tags;
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  // Step back one token so a span starting mid-token still catches that token.
  return lo > 0 && a[lo - 1]! < x ? lo - 1 : lo;
}

/** A run of B/I tags as token indices [first, last]. */
export interface TagRun {
  first: number;
  last: number;
}

/**
 * Runs of B/I tags. Runs never cross a paragraph (nor a sentence outside quotes, with `bySentence`); a B right after a run
 * continues it when `joinAdjacent`, because the greedy tagger sometimes restarts inside a multi-word cue
 * ("speaking of") and PolNeAR almost never puts two cues or sources side by side.
 */
export function tagsToRuns(tags: Uint8Array, tokens: Token[], bySentence = false, joinAdjacent = false): TagRun[] {
  const runs: TagRun[] = [];
  let cur: TagRun | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) {
      if (cur) runs.push(cur);
      cur = null;
      continue;
    }
    const tok = tokens[i]!;
    const last = cur ? tokens[cur.last]! : null;
    // Only a quotation carries a run across a sentence end.
    const brk =
      !last || last.para !== tok.para || (bySentence && last.sent !== tok.sent && !(tok.inQuote && last.inQuote));
    if (cur && !brk && (t === 2 || joinAdjacent)) cur.last = i;
    else {
      if (cur) runs.push(cur);
      cur = { first: i, last: i };
    }
  }
  if (cur) runs.push(cur);
  return runs;
}

export function runSpan(tokens: Token[], r: TagRun): Span {
  return [tokens[r.first]!.start, tokens[r.last]!.end];
}

/** Runs (sorted, non-overlapping) that touch token range [from, to]; binary search keeps grouping linear. */
export function runsNear(runs: TagRun[], from: number, to: number): TagRun[] {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.last < from) lo = mid + 1;
    else hi = mid;
  }
  const out: TagRun[] = [];
  for (let i = lo; i < runs.length && runs[i]!.first <= to; i++) out.push(runs[i]!);
  return out;
}

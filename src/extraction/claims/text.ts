import type { Span } from '../types';

/**
 * A claim's `text` is its content spans' slices joined with this separator, so a discontinuous quote
 * ("“A,” he said. “B.”") reads as one statement and `text.split(CONTENT_JOINER)` gives the slices back.
 */
export const CONTENT_JOINER = ' … ';

/**
 * The claim's words: its content slices joined, without the complementiser PolNeAR keeps in the span ("said that
 * wages fell" claims "wages fell"), so exports and matching read a statement, not a clause tail.
 */
export function claimText(text: string, spans: Span[]): string {
  return spans
    .map(([a, b]) => text.slice(a, b).replace(COMMA_BEFORE_CLOSING_QUOTE, '$1'))
    .join(CONTENT_JOINER)
    .replace(LEADING_THAT, '');
}

// "the candidate had been “referring to carjackings in Columbus,” which …": the comma is the carrying sentence's,
// so the claim ends "… in Columbus”", its quotation closed.
const COMMA_BEFORE_CLOSING_QUOTE = /,(["”’']+)$/;

// Not the demonstrative subject of a clause: "A: That is simply wrong", "he said that would be a mistake".
const LEADING_THAT =
  /^that\s+(?!(?:is|was|isn['’]t|wasn['’]t|would|wouldn['’]t|will|won['’]t|has|had|does|doesn['’]t|did|can|could|may|might|must|should|means|seems|sounds|remains)\b)(?=\S)/i;

export function sliceAll(text: string, spans: Span[], joiner = CONTENT_JOINER): string {
  return spans.map(([a, b]) => text.slice(a, b)).join(joiner);
}

/** A detector bug must not turn into a claim whose spans point outside the article. */
export function validSpans(text: string, spans: Span[]): boolean {
  return spans.every(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= text.length);
}

export function firstStart(spans: Span[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const [a] of spans) if (a < min) min = a;
  return min;
}

export function lastEnd(spans: Span[]): number {
  let max = -1;
  for (const [, b] of spans) if (b > max) max = b;
  return max;
}

/** Collapses runs of whitespace so multi-line mentions read as written on one line. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Line (paragraph) boundaries, computed once so every lookup is a binary search. */
export class LineIndex {
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Index of the line holding offset `pos`. */
  lineOf(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineSpan(line: number): Span {
    const start = this.starts[line] ?? 0;
    const next = this.starts[line + 1];
    return [start, next === undefined ? this.text.length : next - 1];
  }
}

const SENTENCE_END = /[.!?]/;
const OPENERS = /[\s"“‘'([]/;

/** True when `pos` begins a sentence: only quotes/brackets/spaces lie between it and a full stop or line start. */
export function isSentenceStart(text: string, pos: number): boolean {
  // Bounded look-back keeps this constant-time even inside megabytes of whitespace.
  let i = pos - 1;
  for (let steps = 0; i >= 0 && steps < 12; i--, steps++) {
    const ch = text[i] ?? '';
    if (ch === '\n' || SENTENCE_END.test(ch)) return true;
    if (!OPENERS.test(ch) && ch !== '”' && ch !== '’') return false;
  }
  return i < 0;
}

import type { ClaimSpans, ExtractedClaim, Span } from './types';

/**
 * Texts up to this many UTF-16 units are extracted whole. Longer ones (a feed's whole archive pasted as one
 * article, or a hostile 2 MB chain of colons, curly quotes or "according to") are extracted window by
 * window, so the extractor's time and memory grow linearly with the text and a window's work is capped.
 * News articles are far shorter (PolNeAR's longest has 34,309 characters), so their claims do not change.
 */
export const WINDOW_CHARS = 50_000;

/** [start, end) windows covering the text, cut at a paragraph, line, sentence or word end when one is near. */
export function textWindows(text: string, max = WINDOW_CHARS): Span[] {
  const windows: Span[] = [];
  let start = 0;
  while (text.length - start > max) {
    const end = cutBefore(text, start, start + max);
    windows.push([start, end]);
    start = end;
  }
  windows.push([start, text.length]);
  return windows;
}

// Preferred cut points, best first: searched in the second half of the window only, so no window is tiny.
const BOUNDARIES = [/\n\s*\n/g, /\n/g, /[.!?]["'”’)]*\s/g, /\s/g];

function cutBefore(text: string, start: number, limit: number): number {
  const from = start + Math.floor((limit - start) / 2);
  const region = text.slice(from, limit);
  for (const boundary of BOUNDARIES) {
    let last = -1;
    for (const m of region.matchAll(boundary)) last = m.index + m[0].length;
    if (last > 0) return from + last;
  }
  // No boundary at all: a hard cut, never between the halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** A window's claims with their spans moved from window offsets to offsets into the whole text. */
export function shiftClaims(claims: ExtractedClaim[], offset: number): ExtractedClaim[] {
  if (offset === 0) return claims;
  const shift = (spans: Span[]): Span[] => spans.map(([s, e]) => [s + offset, e + offset]);
  return claims.map((c) => {
    const spans: ClaimSpans = {
      content: shift(c.spans.content),
      source: shift(c.spans.source),
      cue: shift(c.spans.cue),
    };
    return { ...c, spans };
  });
}

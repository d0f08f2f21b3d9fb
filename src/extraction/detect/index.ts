import type { Span } from '../types';

/** One attribution as found in the text: spans only, before speakers are typed and resolved. */
export interface DetectedAttribution {
  cue: Span[];
  source: Span[];
  content: Span[];
  /** How it was found; the claim builder uses it to pick the kind and confidence. */
  origin: 'quote' | 'tagger' | 'rule' | 'continuation' | 'hedge';
  /** Index (in the returned list) of the attribution whose speaker this one continues. */
  continues?: number;
  confidence: number;
}

// First version: "…" quotes followed by `, X said`. The detector issue replaces this.
const QUOTE_SAID = /[“"]([^”"\n]{3,}?)[,.?!]?[”"],?\s+([^.,;\n]{1,80}?)\s+(said|says|told [^.,;\n]{1,40}|added)\b/g;

export function detectAttributions(text: string): DetectedAttribution[] {
  const found: DetectedAttribution[] = [];
  for (const m of text.matchAll(QUOTE_SAID)) {
    const start = m.index ?? 0;
    const contentStart = start + 1;
    const contentEnd = contentStart + (m[1]?.length ?? 0);
    const sourceStart = text.indexOf(m[2] ?? '', contentEnd);
    const cueStart = sourceStart + (m[2]?.length ?? 0) + 1;
    found.push({
      content: [[contentStart, contentEnd]],
      source: [[sourceStart, sourceStart + (m[2]?.length ?? 0)]],
      cue: [[cueStart, cueStart + (m[3]?.length ?? 0)]],
      origin: 'quote',
      confidence: 0.6,
    });
  }
  return found;
}

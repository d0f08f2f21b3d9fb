import type { DetectedAttribution } from '../detect';
import type { ExtractedClaim } from '../types';

/** Turns detected spans into claims: speaker typed and resolved, hedges, kind, scores. First version. */
export function buildClaims(text: string, detected: DetectedAttribution[]): ExtractedClaim[] {
  return detected.map((d) => {
    const slice = (spans: [number, number][]) => spans.map(([a, b]) => text.slice(a, b)).join(' … ');
    const mention = d.source.length ? slice(d.source) : null;
    return {
      text: slice(d.content),
      kind: d.origin === 'quote' ? 'direct' : 'indirect',
      cue: d.cue.length ? slice(d.cue) : null,
      speaker: { mention, name: mention, type: 'unknown', anonymous: !mention, title: null, affiliation: null },
      via: [],
      hedges: [],
      checkworthy: 0.5,
      confidence: d.confidence,
      spans: { content: d.content, source: d.source, cue: d.cue },
    };
  });
}

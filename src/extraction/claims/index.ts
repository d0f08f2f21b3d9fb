import type { DetectedAttribution } from '../detect';
import type { ExtractedClaim, Speaker } from '../types';
import { checkworthiness } from './checkworthy';
import { Coreference } from './coreference';
import { collectEntities } from './entities';
import { signedAuthor } from './author';
import { Furniture, ownOutlet } from './furniture';
import { findHedges } from './hedges';
import { quoteKind, relayOf } from './kind';
import { resolveSpeakers, type SpeakerResult } from './speakers';
import { claimText, firstStart, lastEnd, sliceAll, validSpans } from './text';

export { CONTENT_JOINER, claimText } from './text';

// How much a speaker's resolution is trusted, multiplied into the detector's confidence.
const RESOLUTION_TRUST: Record<SpeakerResult['how'], number> = {
  named: 1,
  described: 0.95,
  inherited: 0.95,
  coreferent: 0.9,
  unresolved: 0.6,
  none: 0.75,
};
// A hedged claim has no speaker by nature; that is not a resolution failure.
const HEDGED_TRUST = 0.9;

/**
 * Turns detected spans into claims: speaker typed and resolved, kind, relay, hedges and scores.
 * Spans are passed through untouched (PolNeAR scoring reads them); attributions on page furniture
 * (captions, bylines, widgets, a speakerless headline) and ones with impossible spans are dropped.
 */
export function buildClaims(text: string, detected: DetectedAttribution[]): ExtractedClaim[] {
  const furniture = new Furniture(text);
  const keep = detected.map((d) => isArticleProse(text, d, furniture));
  if (!keep.some(Boolean)) return [];
  const outlet = { ...ownOutlet(text), author: signedAuthor(text) };
  const isFurniture = (pos: number) => furniture.kindAt(pos) === 'furniture';
  const entities = collectEntities(text, isFurniture);
  const coref = new Coreference(entities, outlet, { text, isFurniture });
  const speakers = resolveSpeakers(text, detected, keep, coref, outlet);

  const claims: ExtractedClaim[] = [];
  detected.forEach((d, i) => {
    const s = speakers[i];
    if (!keep[i] || !s) return;
    // A headline is a claim only when it names a speaker ("Rubio: …"); "Hospital waiting lists warn …" and
    // "Councils warn of …" name nobody.
    if (
      ((s.referent?.type ?? 'unknown') === 'unknown' || s.referent?.anonymous) &&
      furniture.kindAt(firstStart(d.content.length ? d.content : d.cue)) === 'headline'
    )
      return;
    const content = claimText(text, d.content);
    const cue = d.cue.length ? sliceAll(text, d.cue, ' ') : null;
    const continued = d.continues !== undefined ? detected[d.continues] : undefined;
    const relayCue = continued && !d.cue.length ? continued : d;
    claims.push({
      text: content,
      kind: s.hedged ? 'hedged' : quoteKind(text, d.content),
      cue,
      speaker: speakerOf(s),
      via: relayCue.cue.length ? relayOf(text, sliceAll(text, relayCue.cue, ' '), lastEnd(relayCue.cue), outlet) : [],
      hedges: findHedges(attributionText(text, d)),
      checkworthy: checkworthiness(content),
      confidence: round(clamp01(d.confidence) * (s.hedged ? HEDGED_TRUST : RESOLUTION_TRUST[s.how])),
      spans: { content: d.content, source: d.source, cue: d.cue },
    });
  });
  return claims;
}

/** The attribution from its first to its last span: hedges sit around cue words too ("appear to … according to"). */
function attributionText(text: string, d: DetectedAttribution): string {
  const spans = [...d.content, ...d.cue, ...d.source];
  const start = firstStart(spans);
  return spans.length ? text.slice(start, Math.min(lastEnd(spans), start + 4000)) : '';
}

function isArticleProse(text: string, d: DetectedAttribution, furniture: Furniture): boolean {
  if (!validSpans(text, d.content) || !validSpans(text, d.source) || !validSpans(text, d.cue)) return false;
  const spans = d.content.length ? d.content : d.cue.length ? d.cue : d.source;
  if (!spans.length) return false;
  const kind = furniture.kindAt(firstStart(spans));
  return kind === 'prose' || (kind === 'headline' && d.source.length > 0);
}

function speakerOf(s: SpeakerResult): Speaker {
  const r = s.referent;
  if (!r) return { mention: s.mention, name: null, type: 'unknown', anonymous: true, title: null, affiliation: null };
  return {
    mention: s.mention,
    name: r.name,
    type: r.type,
    anonymous: r.anonymous,
    title: r.title,
    affiliation: r.affiliation,
  };
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0.5);
const round = (x: number) => Math.round(Math.min(1, x) * 1000) / 1000;

import type { DetectedAttribution } from '../detect';
import type { Span } from '../types';
import type { Coreference, Resolution } from './coreference';
import type { Outlet } from './furniture';
import { FINDING_CUE, HEDGE_CUE } from './hedges';
import { intervieweeOf, isAnswer } from './interviewee';
import { namesNobody, type ParsedMention, parseMention } from './mention';
import { fromMention, publication, type Referent } from './referent';
import { firstStart, lastEnd, squash } from './text';

/** The speaker side of one attribution, before it is written into a claim. */
export interface SpeakerResult {
  mention: string | null;
  referent: Referent | null;
  how: Resolution | 'inherited' | 'none';
  /** A vague attribution with no speaker ("reportedly", "are said to"). */
  hedged: boolean;
}

const NOBODY: SpeakerResult = { mention: null, referent: null, how: 'none', hedged: false };
const HEDGED: SpeakerResult = { ...NOBODY, hedged: true };

/** Where an attribution sits in reading order: its speaker if named, else its cue, else its content. */
function anchor(d: DetectedAttribution): number {
  for (const spans of [d.source, d.cue, d.content]) if (spans.length) return firstStart(spans);
  return 0;
}

/**
 * Resolves every kept attribution's speaker in reading order (coreference depends on it); a continued
 * quote without its own speaker takes the one it continues, or else the latest speaker before it.
 */
export function resolveSpeakers(
  text: string,
  detected: DetectedAttribution[],
  keep: boolean[],
  coref: Coreference,
  outlet: Outlet,
): SpeakerResult[] {
  const results: SpeakerResult[] = detected.map(() => NOBODY);
  const order = detected.map((_, i) => i).filter((i) => keep[i]);
  const anchors = detected.map(anchor);
  order.sort((a, b) => (anchors[a] ?? 0) - (anchors[b] ?? 0) || a - b);
  const done = new Set<number>();
  let latest: SpeakerResult | null = null;
  let interviewee: ParsedMention | false | undefined;

  for (const i of order) {
    const d = detected[i];
    if (!d) continue;
    let result: SpeakerResult;
    const parsed = d.source.length ? bestMention(text, d.source) : null;
    const cue = cueInContext(text, d.cue);
    // "X is reportedly …", "X are said to …": X is what the claim is about; nobody is named as saying it.
    if (d.origin === 'hedge' || HEDGE_CUE.test(cue)) {
      result = HEDGED;
    } else if (parsed?.pronoun === 'we' && quotedBy(detected, keep, i) >= 0) {
      // "We expect …" inside someone's quotation or answer is that speaker, never the publication.
      const outer = quotedBy(detected, keep, i);
      const by = done.has(outer) ? results[outer] : null;
      result = by?.referent ? { ...by, mention: parsed.text, how: 'coreferent' } : { ...NOBODY, mention: parsed.text };
    } else if (parsed && !namesNobody(parsed)) {
      const { referent, how } = coref.resolve(parsed, firstStart(d.source), lastEnd(d.source), d.content);
      result = { mention: parsed.text, referent, how, hedged: false };
    } else if (isAnswer(text, d)) {
      // The interviewee's mention stands at the top of the article, before any speaker resolved so far.
      interviewee ??= intervieweeOf(text) ?? false;
      result = interviewee
        ? { mention: null, referent: fromMention(interviewee), how: 'named', hedged: false }
        : NOBODY;
      if (result.referent) coref.remember(result.referent, anchors[i] ?? 0);
    } else if (d.continues !== undefined || d.origin === 'continuation') {
      const target = d.continues !== undefined && done.has(d.continues) ? results[d.continues] : latest;
      result = target?.referent ? { ...target, mention: null, how: 'inherited' } : NOBODY;
      if (result.referent) coref.remember(result.referent, anchors[i] ?? 0);
    } else if (FINDING_CUE.test(cue)) {
      result = { mention: null, referent: publication(outlet.name), how: 'named', hedged: false };
    } else {
      result = NOBODY;
    }
    results[i] = result;
    done.add(i);
    if (result.referent && !result.hedged) latest = result;
  }
  return results;
}

/** The kept attribution whose content holds attribution i's speaker ("“We will …,” she said"), or -1. */
function quotedBy(detected: DetectedAttribution[], keep: boolean[], i: number): number {
  const at = firstStart(detected[i]?.source ?? []);
  return detected.findIndex(
    (d, j) => j !== i && keep[j] && d.content.some(([a, b]) => a <= at && at < b) && d.cue.every(([a]) => a !== at),
  );
}

// Named people say most about a speaker, then named bodies, then descriptions, then pronouns.
const rank = (m: ParsedMention) => (namesNobody(m) ? 0 : m.pronoun ? 1 : !m.name ? 2 : m.institution ? 3 : 4);

/**
 * A source in several pieces is either one mention split by an aside or, from a tagger, several mentions of
 * the speaker ("Clinton … she"); either way the most informative piece names the speaker.
 */
function bestMention(text: string, source: Span[]): ParsedMention {
  let best: ParsedMention | null = null;
  for (const [a, b] of source) {
    const m = parseMention(text.slice(a, b));
    if (!best || rank(m) > rank(best)) best = m;
  }
  return best ?? parseMention('');
}

/**
 * The cue's end with the few words before it on its line: "found" alone does not say "It has been found".
 * Only the end matters (the cue patterns are anchored there), which bounds the work for runaway spans.
 */
function cueInContext(text: string, cue: DetectedAttribution['cue']): string {
  if (!cue.length) return '';
  const start = firstStart(cue);
  const end = lastEnd(cue);
  const from = Math.max(0, start - 30, end - 150);
  const snippet = text.slice(from, end);
  return squash(snippet.slice(snippet.lastIndexOf('\n', Math.max(0, start - from)) + 1));
}

import { isCircumstance } from './content';
import { SPEECH_PARTICIPLES } from './merge';
import type { TagRun } from './spans';
import type { Token } from './tokenize';

/**
 * "…, the office said on Friday, tipping Europe's largest economy into recession", "…, two officials said on
 * Tuesday, a move likely to anger the City": a participle clause, a "move"/"step"/"blow" appositive or an "in a
 * dispute …"/"amid …" background after the cue (and its circumstance) is the reporter's own comment, not what the
 * speaker said.
 */
export function participleAfter(tokens: Token[], cueLast: number, c: TagRun): boolean {
  const to = Math.min(c.last, Math.max(c.first, cueLast + 1) + MAX_PARTICIPLE_OFFSET);
  for (let k = cueLast + 2; k <= to; k++)
    if (reporterCommentAt(tokens, k) && onlyWhenBefore(tokens, cueLast, k)) return true;
  return false;
}

/**
 * Whether only the cue's circumstance ("on Friday", "late Tuesday", "in a statement") stands between the cue and the
 * comment's comma at k - 1. "Officials said the dam held overnight, sparing thousands of homes" is the officials'
 * statement with its own participle clause, not a reporter's comment after "said".
 */
const onlyWhenBefore = (tokens: Token[], cueLast: number, k: number): boolean =>
  k - 1 === cueLast + 1 || isCircumstance(tokens, { first: cueLast + 1, last: k - 2 });

/** Whether a reporter's comment opens at token k, right after a comma. */
function reporterCommentAt(tokens: Token[], k: number): boolean {
  if (tokens[k - 1]?.text !== ',') return false;
  const w = tokens[k]!.text.toLowerCase();
  if (/\p{Ll}ing$/u.test(w) && !SPEECH_PARTICIPLES.has(w)) return true;
  return (
    (/^an?$/.test(w) && [1, 2].some((d) => REPORTER_APPOSITIVES.has(tokens[k + d]?.text.toLowerCase() ?? ''))) ||
    backgroundAt(tokens, k)
  );
}

/** "…, their union said on Friday, in a dispute over automation …", "…, amid protests …": the background. */
function backgroundAt(tokens: Token[], k: number): boolean {
  if (tokens[k - 1]?.text !== ',') return false;
  const at = (d: number) => tokens[k + d]?.text.toLowerCase() ?? '';
  return at(0) === 'amid' || (at(0) === 'in' && /^an?$/.test(at(1)) && REPORTER_CONTEXTS.has(at(2)));
}

/** A cue tagged inside such a background after another attribution ("…, in a dispute over …") reports nothing. */
export const inBackground = (tokens: Token[], prevCue: TagRun | undefined, cue: TagRun): boolean => {
  if (!prevCue || tokens[prevCue.last]!.sent !== tokens[cue.first]!.sent) return false;
  for (let k = prevCue.last + 2; k < cue.first && k - prevCue.last <= MAX_PARTICIPLE_OFFSET + 2; k++)
    if (backgroundAt(tokens, k)) return true;
  return false;
};

const REPORTER_APPOSITIVES = new Set([
  'move',
  'step',
  'decision',
  'blow',
  'sign',
  'signal',
  'setback',
  'boost',
  'rebuke',
  'reversal',
  'development',
  'shift',
  'departure',
]);
const REPORTER_CONTEXTS = new Set([
  ...REPORTER_APPOSITIVES,
  ...'dispute row bid protest standoff fight battle clash conflict'.split(' '),
]);
const MAX_PARTICIPLE_OFFSET = 5;

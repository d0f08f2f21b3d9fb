import { afterDateline, CALENDAR_WORDS, type Layout } from './content';
import { type Draft, isPunct, run, sentenceEnd, trimRun } from './draft';
import { SPEECH_PARTICIPLES } from './merge';
import { DETERMINERS } from './noun-cues';
import type { TagRun } from './spans';
import { FINITE_VERBS } from './speaker-edges';
import type { Token } from './tokenize';

/**
 * "Climate change, Mr. Obama often says, is the greatest long-term threat …", "But to prevent problems, he said,
 * local officials should be vigilant.": a speaker and cue set off by commas inside a sentence split what was said
 * in two, and PolNeAR marks both parts as the content. The tagger and the candidates give one side only; when the
 * content tagger marks words on both sides, the content is both.
 */
const MAX_CIRCUMSTANCE = 6;
// Most tokens from a split quotation's first closing mark to the end of its speaker and cue (resumedQuote).
const MAX_SPEAKER = 12;
// "…, according to the agency, and the top 10 percent paid …": PolNeAR leaves the joining word out.
const JOINS = new Set(['and', 'but']);
const REPORTER_SUBORDINATORS = new Set(['as', 'while', 'amid', 'whereas']);

/** The comma closing the parenthesis: after the cue and a short circumstance ("said on Friday,"), or -1. */
function closingComma(tokens: Token[], words: string[], hi: number): number {
  for (let k = hi + 1; k <= hi + 1 + MAX_CIRCUMSTANCE && k < tokens.length; k++) {
    if (tokens[k]!.sent !== tokens[hi]!.sent || tokens[k]!.quote || FINITE_VERBS.has(words[k]!)) return -1;
    if (words[k] === ',') return k;
    // Only when and where it was said ("on Friday", "in a statement", "told me"), not an object ("accused Rafael Cruz,").
    if (isPunct(tokens[k]) || (/^\p{Lu}/u.test(tokens[k]!.text) && !CALENDAR_WORDS.has(words[k]!))) return -1;
  }
  return -1;
}

const tagged = (content: Uint8Array, r: TagRun): boolean => {
  for (let i = r.first; i <= r.last; i++) if (content[i]) return true;
  return false;
};

export function bothSides(
  tokens: Token[],
  words: string[],
  lay: Layout,
  tags: { content: Uint8Array; cue: Uint8Array },
  d: Draft,
): Draft {
  const content = tags.content;
  const [cue, source, k] = [d.cue[0], d.source[0], d.content[0]];
  if (!cue || !source || !k || d.cue.length !== 1 || d.source.length !== 1 || d.content.length !== 1) return d;
  const lo = Math.min(cue.first, source.first);
  const hi = Math.max(cue.last, source.last);
  if (words[lo - 1] !== ',' || tokens[lo]!.inQuote) return d;
  const close = closingComma(tokens, words, hi);
  if (close < 0) return d;
  const sf = lay.sentFirst[lo]!;
  const first = afterDateline(tokens, tokens[sf]!.quote === 'open' ? sf + 1 : sf, lo - 2);
  const last = sentenceEnd(tokens, lay.sentLast[lo]!, close);
  if (first > lo - 2 || last <= close) return d;
  const before = run(first, lo - 2);
  const after = run(JOINS.has(words[close + 1]!) ? close + 2 : close + 1, last);
  // "…, the office said on Friday, tipping Europe's largest economy into recession": the reporter's own comment.
  const head = words[after.first]!;
  if (/ing$/.test(head) && !SPEECH_PARTICIPLES.has(head)) return d;
  // "…, the agency said on Thursday, as officials urged parents to …": a clause opened by "as" or "while" is the
  // reporter's setting of the statement, not its second half.
  // Quotations have their own rules, and the content must be one of the two sides already.
  for (let i = before.first; i <= after.last; i++) if (tokens[i]!.quote) return d;
  if (REPORTER_SUBORDINATORS.has(head)) return reporterSetting(content, d, before, after);
  if (k.first < lo && k.last > hi) return d;
  // "…, the agency said Wednesday, and health officials warned the outbreak could worsen": a cue of its own makes the
  // side after another speaker's statement.
  if (JOINS.has(words[close + 1]!) && tagged(tags.cue, after)) return d;
  // Both sides only where the content tagger marks both: taking the other side untagged too scored content F1
  // 58.8 on dev but attribution precision 73.9 (an appositive after the source read as the second part).
  if (tagged(content, after) && (tagged(content, before) || subjectOf(tokens, words, before, after)))
    return { ...d, content: [before, after] };
  // One side only: still no part of the circumstance ("said on Monday, | will handle …").
  return k.first > hi && k.first <= close && k.last > close ? { ...d, content: [run(close + 1, k.last)] } : d;
}

/**
 * The content is the side before the speaker when the tagger marked it; a content the tagger put in the setting
 * clause is that clause's own statement ("as officials urged parents to …"), never this speaker's.
 */
function reporterSetting(content: Uint8Array, d: Draft, before: TagRun, after: TagRun): Draft {
  if (!d.content.every((r) => r.first >= after.first)) return d;
  // "And so, he said, as …": a fronted word or two is no statement; leave such sentences as they were.
  if (before.last - before.first + 1 < MIN_STATEMENT) return d;
  return tagged(content, before) ? { ...d, content: [before] } : { ...d, content: [] };
}
const MIN_STATEMENT = 4;

const MAX_SUBJECT = 6;

/**
 * "The results, he cautioned, still need to be confirmed": the side before is a short noun phrase opening the
 * sentence (a determiner, no verb, no comma) and the side after begins without a subject of its own (a lowercase
 * word that is no determiner or pronoun), so the first is the subject of the second even where the tagger left it.
 */
function subjectOf(tokens: Token[], words: string[], before: TagRun, after: TagRun): boolean {
  if (before.last - before.first + 1 > MAX_SUBJECT || !DETERMINERS.has(words[before.first]!)) return false;
  for (let i = before.first; i <= before.last; i++) if (isPunct(tokens[i]) || FINITE_VERBS.has(words[i]!)) return false;
  const head = tokens[after.first]!.text;
  return /^\p{Ll}/u.test(head) && !DETERMINERS.has(head) && !SUBJECT_WORDS.has(head);
}
const SUBJECT_WORDS = new Set('a an i we you he she they it there some many most all no every each'.split(' '));

/**
 * "“Judge,” Brafman said, “I have never had that happen …”": a one-word quotation before the cue is the first
 * part of one utterance the cue splits (PolNeAR marks both parts); alone it would fall under the minimum content
 * length and the whole attribution would be lost. The quotation resuming right after the cue joins it here.
 */
export function resumedQuote(tokens: Token[], lay: Layout, d: Draft): Draft {
  const k = d.content[0];
  if (!k || d.content.length !== 1 || k.first !== k.last || tokens[k.first - 1]?.quote !== 'open') return d;
  const close = lay.quoteClose[k.first] ?? -1;
  const hi = Math.max(...d.cue.map((r) => r.last), ...d.source.map((r) => r.last));
  if (close < 0 || close > k.last + 2 || !d.cue.some((r) => r.first > close) || hi - close > MAX_SPEAKER) return d;
  const open = tokens[hi + 1]?.text === ',' ? hi + 2 : hi + 1;
  if (tokens[open]?.quote !== 'open' || tokens[open]!.para !== tokens[hi]!.para) return d;
  const end = lay.quoteClose[open + 1] ?? -1;
  const last = end > open + 1 ? end - 1 : lay.paraLast[open]!;
  const resumed = trimRun(tokens, run(open + 1, last));
  return resumed ? { ...d, content: [k, resumed] } : d;
}

import { WEEKDAYS } from './content';
import { type Draft, isPunct, run } from './draft';
import type { Token } from './tokenize';

/**
 * "Clinton offered her praise of the president's actions in a tweet", "… condemned the attack at a news conference
 * at Mar-a-Lago", "… called the KKK “abhorrent” in a tweet Sunday": where and how something was said closes the
 * sentence after what was said, and the taggers run the content through it. PolNeAR's content stops before it. On
 * PolNeAR train (0.9.1's output) the contents it cut match gold 14 times, against once before (`fast`: 5, 3 before);
 * before the cue ("In a tweet, …") or inside a quotation the phrase is left alone.
 */
const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'via']);
// Where and how things are said. Not the cue's list (cue-edges.ts MEDIUM): a letter, memo or message is a document
// sent to someone, and PolNeAR's content keeps it ("… the return of emails in a letter Friday to the FBI").
const PLATFORMS = new Set(['twitter', 'facebook', 'instagram']);
const MEDIUM = new Set([
  'tweet',
  'interview',
  'statement',
  'email',
  'e-mail',
  'post',
  'briefing',
  'rally',
  'speech',
  ...PLATFORMS,
]);
const MEDIUM_PAIRS = new Set(['press conference', 'news conference', 'town hall']);
const DETERMINERS = new Set(['a', 'an', 'the']);
// What may follow the medium in the same phrase: who heard it, when, where ("in an interview with CNN on Sunday").
const TAIL_OPENERS = new Set(
  'with to at in on published posted following after before from of the a an his her their its page account feed'.split(
    ' ',
  ),
);
const MAX_DESCRIBERS = 4;
const MAX_TAIL = 10;

export function mediumTail(tokens: Token[], d: Draft): Draft {
  const k = d.content[d.content.length - 1];
  const cue = d.cue[0];
  if (!k || !cue || cue.last >= k.first) return d;
  const w = (i: number) => tokens[i]!.text.toLowerCase();
  let end = k.last;
  while (end > k.first && isPunct(tokens[end])) end--;
  for (let p = Math.max(k.first + 3, end - MAX_TAIL - MAX_DESCRIBERS - 2); p < end; p++) {
    if (!PREPOSITIONS.has(w(p)) || tokens[p]!.inQuote) continue;
    let n = p + 1;
    while (
      n < end &&
      n - p <= MAX_DESCRIBERS &&
      (DETERMINERS.has(w(n)) || /^\p{Lu}/u.test(tokens[n]!.text)) &&
      !isMedium(tokens, w, n)
    )
      n++;
    if (!isMedium(tokens, w, n)) continue;
    const after = MEDIUM_PAIRS.has(`${w(n)} ${w(n + 1)}`) ? n + 2 : n + 1;
    if (!tailFits(tokens, w, after, end)) continue;
    let last = p - 1;
    while (last > k.first && isPunct(tokens[last]) && tokens[last]!.quote !== 'close') last--;
    return { ...d, content: [...d.content.slice(0, -1), run(k.first, last)] };
  }
  return d;
}

// Written as a common noun ("a post", not "the Post"), or as the platform's name ("on Twitter").
const isMedium = (tokens: Token[], w: (i: number) => string, n: number): boolean =>
  !!tokens[n] &&
  ((MEDIUM.has(w(n)) && PLATFORMS.has(w(n)) === /^\p{Lu}/u.test(tokens[n]!.text)) ||
    (MEDIUM_PAIRS.has(`${w(n)} ${w(n + 1)}`) && /^\p{Ll}/u.test(tokens[n]!.text)));

/** Nothing after the medium, or a phrase saying who heard it, when or where, with no clause mark of its own. */
function tailFits(tokens: Token[], w: (i: number) => string, from: number, end: number): boolean {
  if (from > end) return true;
  if (end - from >= MAX_TAIL) return false;
  const first = tokens[from]!;
  // "email system", "post-production": a noun or a hyphen after it makes the medium a modifier.
  if (first.start === tokens[from - 1]!.end) return false;
  if (!TAIL_OPENERS.has(w(from)) && !WEEKDAYS.has(w(from)) && !/^\p{Lu}/u.test(first.text)) return false;
  for (let i = from; i <= end; i++) if (/^[.;:!?]$/.test(tokens[i]!.text)) return false;
  return true;
}

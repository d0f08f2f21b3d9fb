import type { Layout } from './content';
import { type Draft, run } from './draft';
import type { TagRun } from './spans';
import type { Token } from './tokenize';

/**
 * Contents the content head gives up on in the middle of a phrase: the next token is a word of the same sentence
 * ("… including its annexation | of Crimea.", "… a result few | organizers expected."), where PolNeAR's contents
 * end at a comma or at the clause's end. Two repairs:
 * - a content with a comma inside ends at its last comma when what follows it is a short clause the head took up
 *   and dropped ("…, which raised | concerns …", "…, a result few | organizers …");
 * - otherwise the content takes the one or two words left before the clause's next mark ("… a Rubio sign outside
 *   an early-polling | center."), unless the next word opens a phrase PolNeAR keeps out of contents as often as
 *   in ("… | and praised …", "… | on Wednesday", "… | during an interview").
 * On PolNeAR train (extractor 0.8.8's output) the unrestricted cut gained 70 exact contents and lost 3, the
 * unrestricted growth 113 and 7 (to the clause mark over those words too: 166 and 114), but long cuts and growths
 * moved whole claims off gold's (train attribution 65.8 → 65.7); with the limits below: 74 gained, 1 lost, train
 * attribution one claim more (dev: 3 gained, 0 lost, attribution unchanged; `fast` dev content 56.5 → 56.6).
 * danglingEnd has already cut the contents that end on a function word after a short tail.
 */
const WORD = /^[\p{L}\p{N}]/u;
// Clause marks, quotation marks and dashes: where a run-on content stops.
const CLAUSE_MARK = /^(?:[,;:.!?()[\]—–"“”‘’«»]|''|``|-+)$/u;
const STAYS_OUT = new Set(
  'and but or while on in at during before after than by with who which as since when for to from of that because if until despite amid without over under through into about is are was were has have had'.split(
    ' ',
  ),
);

// "… at a rally in | South Carolina", "… earlier this | week": a content stopping inside a phrase of place or time
// ended where PolNeAR's does or already ran past it; grown, it moves further off.
const ADJUNCT_END = new Set(
  'in on at across for with by from of to into over under through about this last next earlier later'.split(' '),
);
// "…, 74% in Indiana last | week", "…, though | he hasn't": a tail saying when or conceding is part of the statement.
const ADJUNCT_TAIL = new Set('this last next earlier later though although'.split(' '));
// Longer cuts and growths were right as often but moved whole claims off gold's (train attribution 65.8 → 65.7).
const MAX_CUT = 5;
const MAX_GROWTH = 2;

const words = (tokens: Token[], first: number, last: number): number => {
  let n = 0;
  for (let i = first; i <= last; i++) if (WORD.test(tokens[i]!.text)) n++;
  return n;
};

/** The run cut at its last comma; unchanged when the tail is long or says when, null when there is no comma. */
function cutAtComma(tokens: Token[], k: TagRun): TagRun | null {
  let comma = k.last - 1;
  while (comma > k.first && tokens[comma]!.text !== ',') comma--;
  if (comma <= k.first) return null;
  const tail = words(tokens, comma + 1, k.last);
  if (tail > MAX_CUT || 2 * tail > words(tokens, k.first, comma - 1)) return k;
  for (let i = comma + 1; i <= k.last; i++) if (ADJUNCT_TAIL.has(tokens[i]!.text.toLowerCase())) return k;
  return run(k.first, comma - 1);
}

/** The run grown to the clause's next mark, short of any cue and of the claim's own words, when that is near. */
function growToClauseMark(tokens: Token[], lay: Layout, k: TagRun, stopAt: (i: number) => boolean): TagRun {
  const lastWords = [k.last - 1, k.last].filter((i) => i >= k.first).map((i) => tokens[i]!.text.toLowerCase());
  if (STAYS_OUT.has(tokens[k.last + 1]!.text.toLowerCase()) || lastWords.some((w) => ADJUNCT_END.has(w))) return k;
  let end = k.last + 1;
  const sentLast = lay.sentLast[k.last]!;
  while (end + 1 <= sentLast && !CLAUSE_MARK.test(tokens[end + 1]!.text) && !stopAt(end + 1)) end++;
  const grown = words(tokens, k.last + 1, end);
  return grown > MAX_GROWTH || 2 * grown > words(tokens, k.first, k.last) ? k : run(k.first, end);
}

/**
 * "… unable to reach Goma for nine | days and warned that …": a content stopping a word or two before the "and" that
 * opens the speaker's second statement runs to that "and" (the phrase of time it stopped in is whole there).
 */
function growToSecondStatement(tokens: Token[], k: TagRun, stopAt: (i: number) => boolean): TagRun | null {
  for (let j = k.last + 1; j <= k.last + MAX_GROWTH + 1 && j + 1 < tokens.length; j++) {
    const w = tokens[j]!.text.toLowerCase();
    if ((w === 'and' || w === 'but') && j > k.last + 1 && stopAt(j + 1) && tokens[j + 1]!.sent === tokens[j]!.sent)
      return run(k.first, j - 1);
    if (!WORD.test(tokens[j]!.text) || stopAt(j) || STAYS_OUT.has(w)) return null;
  }
  return null;
}

export function midPhraseEnd(tokens: Token[], lay: Layout, cueTags: Uint8Array, d: Draft): Draft {
  const own = [...d.cue, ...d.source];
  const stopAt = (i: number) => cueTags[i] !== 0 || own.some((r) => r.first <= i && i <= r.last);
  let changed = false;
  const content = d.content.map((k): TagRun => {
    const last = tokens[k.last]!;
    const next = tokens[k.last + 1];
    // Contents of one or two words ("that the") are dropped as no statement; grown, they would let in claims.
    if (!next || !WORD.test(last.text) || !WORD.test(next.text) || words(tokens, k.first, k.last) < 3) return k;
    // One space between, same sentence: a line break or a wider gap is a boundary of its own.
    if (next.sent !== last.sent || next.start !== last.end + 1 || stopAt(k.last + 1)) return k;
    const r =
      growToSecondStatement(tokens, k, stopAt) ?? cutAtComma(tokens, k) ?? growToClauseMark(tokens, lay, k, stopAt);
    if (r !== k) changed = true;
    return r;
  });
  return changed ? { ...d, content } : d;
}

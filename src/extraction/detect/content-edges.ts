import { CALENDAR_WORDS, type Layout } from './content';
import { type Draft, isPunct, run, sentenceEnd } from './draft';
import type { Token } from './tokenize';

/**
 * Content ends the tagger leaves mid-phrase past a comma ("… caucused on Saturday, about 10,000 more than",
 * "… in November, in part because"): what follows the comma is the start of another clause the tagger gave up
 * on, and PolNeAR's content stops at the comma.
 */
const DANGLING_END = new Set(
  'because than will would could them him her his their its the a an of to in on at for with by from and or but while as that is are was were be though although whereas'.split(
    ' ',
  ),
);

const MAX_TAIL = 10;

export function danglingEnd(tokens: Token[], d: Draft): Draft {
  let changed = false;
  const content = d.content.map((k) => {
    const last = tokens[k.last]!;
    if (last.inQuote || !DANGLING_END.has(last.text.toLowerCase())) return k;
    let comma = k.last - 1;
    while (comma > k.first && tokens[comma]!.text !== ',') comma--;
    // Only a short tail: a long clause after the comma is more likely said, whatever word it stops on.
    if (comma <= k.first || tokens[comma]!.inQuote || k.last - comma > MAX_TAIL) return k;
    let end = comma - 1;
    while (end > k.first && isPunct(tokens[end])) end--;
    changed = true;
    return run(k.first, end);
  });
  return changed ? { ...d, content } : d;
}

/**
 * "… that Britain's exit from the E.U. will sap …", "… seeking entry into the U.S. under …": the taggers take the
 * full stop of an abbreviation or initial for the sentence's and end the content before it. Where that stop does
 * not end the sentence (the tokenizer knows titles, initials and "U.S."), the content runs on to the sentence's
 * last word, short of the claim's own cue and speaker. On PolNeAR train such contents matched gold 9 times as
 * they were and 59 times grown to the sentence end.
 */
const WORD_START = /^[\p{L}\p{N}]/u;
const JOINS = new Set(['and', 'but', 'or', 'while']);

export function pastAbbreviation(
  tokens: Token[],
  lay: Layout,
  cueTags: Uint8Array,
  sourceTags: Uint8Array,
  d: Draft,
): Draft {
  let changed = false;
  let content = d.content;
  for (let k = 0; k < content.length; k++) {
    const r = content[k]!;
    const stop = tokens[r.last + 1];
    const next = tokens[r.last + 2];
    // One plain space and a word after the stop: two spaces or a closing quotation mark there end a sentence
    // the tokenizer does not see ("… preferences.  Variables …").
    if (stop?.text !== '.' || !next || next.sent !== tokens[r.last]!.sent || next.start !== stop.end + 1) continue;
    if (!WORD_START.test(next.text)) continue;
    let end = sentenceEnd(tokens, lay.sentLast[r.last]!, r.last);
    // Nor over another statement's cue or its speaker after a comma ("… a deal with Mr. Clarke, Mr. Barrett
    // said", "… by March and suggested …").
    for (let i = r.last + 2; i <= end; i++)
      if (cueTags[i] || (sourceTags[i] && tokens[i - 1]!.text === ',')) {
        end = i - 1;
        break;
      }
    for (const own of [...d.cue, ...d.source]) if (own.first > r.last && own.first <= end) end = own.first - 1;
    while (end > r.last && (isPunct(tokens[end]) || JOINS.has(tokens[end]!.text))) end--;
    if (end <= r.last + 1) continue;
    // A later fragment of the same content now inside the grown one is part of it.
    const absorbed = content.filter((o, j) => j !== k && o.first > r.last && o.first <= end);
    end = Math.max(end, ...absorbed.map((o) => o.last));
    content = content.filter((o) => !absorbed.includes(o)).map((o) => (o === r ? run(r.first, end) : o));
    changed = true;
  }
  return changed ? { ...d, content } : d;
}

/**
 * "… told reporters Monday that …", "… said this week that …", "… insisted instead that …": words saying when
 * (or "instead") between the cue and "that" are no part of the reported clause, which starts at "that". On
 * PolNeAR train 11 such contents matched gold once they started at "that", none before.
 */
const WHEN_WORDS = new Set([
  ...CALENDAR_WORDS,
  ...'this last earlier late week weekend month year morning afternoon evening night yesterday today recently previously instead again repeatedly'.split(
    ' ',
  ),
]);
const MAX_WHEN_WORDS = 3;

export function whenBeforeThat(tokens: Token[], d: Draft): Draft {
  const k = d.content[0];
  if (!k || !d.cue.some((c) => c.last === k.first - 1)) return d;
  let j = k.first;
  while (j < k.last && j - k.first < MAX_WHEN_WORDS && WHEN_WORDS.has(tokens[j]!.text.toLowerCase())) j++;
  if (j === k.first) j = placeBeforeThat(tokens, k.first, k.last);
  if (j === k.first || j >= k.last || tokens[j]!.text.toLowerCase() !== 'that') return d;
  return { ...d, content: [run(j, k.last), ...d.content.slice(1)] };
}

/**
 * "said outside the courthouse that her client would appeal": a short phrase saying where, opened by a preposition
 * and closed by "that", is the cue's circumstance. Returns where "that" stands, or `first` when there is none.
 */
const PLACE_PREPOSITIONS = new Set(['outside', 'inside', 'at', 'after', 'before', 'during', 'near', 'from']);
const MAX_PLACE_WORDS = 6;

function placeBeforeThat(tokens: Token[], first: number, last: number): number {
  if (!PLACE_PREPOSITIONS.has(tokens[first]!.text.toLowerCase())) return first;
  for (let j = first + 1; j <= last && j - first <= MAX_PLACE_WORDS; j++) {
    const w = tokens[j]!.text;
    if (w.toLowerCase() === 'that') return j;
    if (!/^[\p{L}\p{N}'’.-]+$/u.test(w)) return first;
  }
  return first;
}

import { afterDateline, type Layout } from './content';
import { type Draft, overlaps, run } from './draft';
import type { Token } from './tokenize';

const LEAD_IN_TOKENS = 5;
const LEAD_IN_CLAUSE_TOKENS = 12;
const MAX_THAT_GAP = 3;
const CUE_ADVERBS = new Set(
  'later earlier again also previously repeatedly privately publicly recently yesterday today tonight once often'.split(
    ' ',
  ),
);
const TRAILING_RELATIVES = new Set(['which', 'whom']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
/** Words that open the next statement after a comma ("…, while Ofwat insisted …"). */
export const TRAILING_JOINS = new Set(['while', 'whereas', 'but', 'and']);
/** Concessive and contrastive words bringing in another speaker's clause ("…, though some researchers say …"). */
export const CONTRAST_JOINS = new Set(['though', 'although', 'but', 'while', 'whereas', 'yet']);
export const LEAD_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'from', 'via', 'through']);
/** Auxiliaries and modals: a cue of these alone says nothing (see also neural/auxiliary-cues.ts). */
export const AUXILIARIES = new Set(
  'has have had is are was were will would could can may might should did does do'.split(' '),
);
// PolNeAR cues carry their auxiliaries, modals and a few adverbs ("has said", "could call on", "also
// noted", "to say", "has publicly said"): in train they are inside the cue 731:7 for "has", 282:21 for "also", 200:57 for "to".
const CUE_PREFIX = new Set([...AUXILIARIES, ...'not also just still must already even to then'.split(' ')]);
const MAX_CUE_PREFIX = 3;
const FUNCTION_WORDS = new Set([
  ...CUE_PREFIX,
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'and',
  'or',
  'but',
  'that',
  'be',
  'been',
  'being',
  ',',
  '.',
]);

/** Grows each cue leftwards over the auxiliaries right before it, stopping at the source. */
export function extendCue(tokens: Token[], words: string[], d: Draft): Draft {
  let changed = false;
  const cue = d.cue.map((c) => {
    let first = c.first;
    while (
      first > 0 &&
      c.first - first < MAX_CUE_PREFIX &&
      // Lower case, unless the cue is capitalised too (a headline's "Just Said"): "Theresa May said" is a name.
      (/^\p{Ll}/u.test(tokens[first - 1]!.text) || /^\p{Lu}/u.test(tokens[c.first]!.text)) &&
      (CUE_PREFIX.has(words[first - 1]!) ||
        (/^[a-z]+ly$/.test(words[first - 1]!) && CUE_PREFIX.has(words[first - 2] ?? ''))) &&
      tokens[first - 1]!.sent === tokens[c.first]!.sent &&
      !overlaps([run(first - 1, first - 1)], [...d.source, ...d.content])
    )
      first--;
    if (first !== c.first) changed = true;
    return run(first, c.last);
  });
  // A "cue" of function words alone ("to", "has", "on") is a tagging slip; the claim stays, the cue goes.
  const kept = cue.filter((c) => !words.slice(c.first, c.last + 1).every((w) => FUNCTION_WORDS.has(w)));
  if (kept.length !== cue.length) changed = true;
  return changed ? { ...d, cue: kept } : d;
}

/**
 * Content boundaries the tagger tends to overshoot: a short lead-in before a quotation ("of Clinton,
 * “If she …”" → the quotation) and the inverted speaker at the end ("…, the source said" when the
 * content ran over ", the source"). Spans only shrink, never grow.
 */
export function tightenContent(tokens: Token[], lay: Layout, d: Draft): Draft {
  if (d.content.length !== 1) return d;
  const low = (i: number) => tokens[i]?.text.toLowerCase() ?? '';
  let { first, last } = d.content[0]!;
  // A quotation opening within a few tokens, after a comma or colon, and running to the content's end.
  for (let i = first; i <= Math.min(last - 1, first + LEAD_IN_TOKENS); i++) {
    if (tokens[i]!.quote !== 'open') continue;
    const close = lay.quoteClose[i + 1] ?? -1;
    const before = tokens[i - 1]?.text;
    const closesAtEnd =
      close >= last - 1 && close <= last + 3 && tokens.slice(last + 1, close).every((t) => /^[.,!?;:]$/.test(t.text));
    if (i > first && (before === ',' || before === ':') && closesAtEnd) first = i + 1;
    break;
  }
  // A circumstance before the reported clause ("on its website that …", "in Ohio that …") is not content, also
  // when the tagger left its preposition out ("said in | guidance last year that …", "told delegates at | the
  // union's conference in Harrogate that …").
  // The preposition may also end the cue ("said in | a statement to the stock exchange that …").
  const prepBefore =
    first > 0 && d.cue.some((c) => c.last >= first - 4 && c.last <= first - 1) && LEAD_PREPOSITIONS.has(low(first - 1));
  // "said in a statement | to the stock exchange that …" (or with "to" in the cue): whom it was said to.
  const cueRightBefore = d.cue.some((c) => c.last === first - 1);
  const toAt = low(first) === 'to' ? first : first > 0 && low(first - 1) === 'to' ? first - 1 : -1;
  const addressee = cueRightBefore && toAt >= 0 && /^(?:the|a|an|his|her|its|their)$/.test(low(toAt + 1));
  if (LEAD_PREPOSITIONS.has(low(first)) || prepBefore || addressee) {
    for (let i = first + 1; i <= Math.min(last - 2, first + LEAD_IN_CLAUSE_TOKENS); i++) {
      if (tokens[i]!.text.toLowerCase() === 'that') {
        first = i;
        break;
      }
    }
  }
  // "… said that X …": the reported clause starts at "that" (PolNeAR puts it inside the content), even when
  // the tagger started the content a few words later.
  for (const c of d.cue) {
    const that = c.last + 1;
    if (
      that < first &&
      first - that <= MAX_THAT_GAP &&
      tokens[that]?.text.toLowerCase() === 'that' &&
      tokens[that]!.sent === tokens[first]!.sent
    ) {
      first = that;
      break;
    }
  }
  // "said later that …", "said again that …": a word saying when or how stands between the cue and the reported
  // clause, which starts at "that".
  if (
    CUE_ADVERBS.has(low(first)) &&
    low(first + 1) === 'that' &&
    first + 2 <= last &&
    d.cue.some((c) => c.last === first - 1)
  )
    first += 1;
  first = afterDateline(tokens, first, last);
  // Content must not swallow its own speaker or cue.
  for (const r of [...d.source, ...d.cue]) {
    if (r.first > first && r.first <= last && overlaps([r], [run(first, last)])) last = Math.min(last, r.first - 1);
  }
  // Nor end on the conjunction that opens the next statement ("… was unaffordable, while | Ofwat insisted …").
  while (last > first && (/^[,;:—–]$/.test(tokens[last]!.text) || TRAILING_JOINS.has(low(last)))) last--;
  // Nor on the relative clause that opens another statement about it ("…, which she | described as …").
  if (last > first + 2 && SUBJECT_PRONOUNS.has(low(last)) && TRAILING_RELATIVES.has(low(last - 1))) last -= 2;
  else if (last > first + 1 && TRAILING_RELATIVES.has(low(last)) && tokens[last - 1]!.text === ',') last -= 1;
  while (last > first && /^[,;:—–]$/.test(tokens[last]!.text)) last--;
  if (first === d.content[0]!.first && last === d.content[0]!.last) return d;
  return last >= first ? { ...d, content: [run(first, last)] } : d;
}

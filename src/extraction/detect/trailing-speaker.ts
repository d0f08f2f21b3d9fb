import { afterDateline, type Layout } from './content';
import { clauseEndBefore, type Draft, isPunct, run, sentenceEnd } from './draft';
import { CIRCUMSTANCE, SAY } from './rules';
import { FINITE_VERBS } from './speaker-edges';
import type { Token } from './tokenize';

/**
 * "The ruling could affect similar laws in Florida, legal experts said.": the speaker and cue close the sentence
 * after a comma, and everything before that comma is the content. The tagger often marks only its first words
 * ("The ruling"), so this wire-copy pattern is a rule.
 */
const MAX_SPEAKER = 8;
// "said on Thursday." / "said in a statement.": a short circumstance may follow the cue before the full stop.
const MAX_CIRCUMSTANCE = 4;
export const FINDINGS = new Set([
  'found',
  'finds',
  'showed',
  'shows',
  'concluded',
  'concludes',
  'suggests',
  'suggested',
]);
export const DOCUMENTS = new Set(
  'study studies report survey poll analysis review research audit investigation inquiry paper trial data'.split(' '),
);

// "Arsenal have completed the signing of …, the club announced on Friday.": announcements close a sentence too ("…,
// Politico reported" and "…, she added" were tried: as often worse, taking a dateline or a clause before a comma).
const TRAILING_CUES = new Set(['announced', 'confirmed']);

// "…, the Centers for Disease Control and Prevention said Wednesday, and health officials warned …": a clause of its
// own, with its own subject, may follow the cue's after a comma and a conjunction.
const NEXT_CLAUSE = new Set(['and', 'but', 'while', 'as']);

export function trailingSpeakerDrafts(tokens: Token[], words: string[], lay: Layout): Draft[] {
  const out: Draft[] = [];
  for (let i = 2; i < tokens.length; i++) {
    // "…, a large international study has found.": a study's or a report's findings close the sentence the same way.
    const finding = FINDINGS.has(words[i]!);
    if (!SAY.has(words[i]!) && !TRAILING_CUES.has(words[i]!) && !finding) continue;
    const cueFirst = finding && (words[i - 1] === 'has' || words[i - 1] === 'have') ? i - 1 : i;
    const sf = lay.sentFirst[i]!;
    // The cue's clause ends before ", and …" when one follows within a few words.
    const end = clauseEndBefore(words, i + 1, sentenceEnd(tokens, lay.sentLast[i]!, i), NEXT_CLAUSE, MAX_CIRCUMSTANCE);
    if (end > i && (!CIRCUMSTANCE.has(words[i + 1]!) || end - i > MAX_CIRCUMSTANCE)) continue;
    // The speaker: back from the cue to the comma, a short phrase with no verb of its own.
    let comma = cueFirst - 1;
    while (comma > sf && words[comma] !== ',' && i - comma <= MAX_SPEAKER) comma--;
    if (words[comma] !== ',' || comma === cueFirst - 1 || i - comma > MAX_SPEAKER) continue;
    const speaker = words.slice(comma + 1, cueFirst);
    if (speaker.some((w) => FINITE_VERBS.has(w) || w === 'that')) continue;
    if (finding && !speaker.some((w) => DOCUMENTS.has(w))) continue;
    let first = sf;
    while (first < comma && isPunct(tokens[first])) first++;
    // "WASHINGTON ― Donald Trump's … obsession …, top black lawmakers said": the dateline is no part of it.
    first = afterDateline(tokens, first, comma);
    let last = comma - 1;
    while (last > first && isPunct(tokens[last])) last--;
    // Quotations ("“…,” she said.") are found with their quote marks elsewhere; a one-word rest is no claim.
    if (last - first < 2 || tokens.slice(first, i).some((t) => t.quote || t.inQuote)) continue;
    out.push({
      cue: [run(cueFirst, i)],
      source: [run(comma + 1, cueFirst - 1)],
      content: [run(first, last)],
      origin: 'rule',
      confidence: 0.8,
    });
  }
  return out;
}

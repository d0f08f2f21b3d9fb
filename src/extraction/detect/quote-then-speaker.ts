import type { Layout } from './content';
import { MEDIUM } from './cue-edges';
import { type Draft, run } from './draft';
import { FINITE_VERBS } from './speaker-edges';
import type { Token } from './tokenize';

/**
 * "“We suspect the solutions do not comply,” EU industry chief Thierry Breton told a news conference.": a quotation
 * closing with a comma, a capitalised speaker, then a statement verb other than "said" (which the taggers rarely
 * miss). The `accurate` tagger gave "told" 0.44 there and the quotation went to the speaker before; the pattern is
 * unambiguous enough for a rule. What follows the verb (the listener, the occasion) is neither speaker nor content.
 */
export const QUOTE_VERBS = new Set([
  'told',
  'added',
  'wrote',
  'tweeted',
  'explained',
  'insisted',
  'warned',
  'noted',
  'recalled',
  'continued',
]);
const MAX_SPEAKER = 10;

/**
 * "“Q,” NAME …": the nearest closing quotation mark within `reach` tokens before `cue`, when a comma ends the
 * quotation and a capitalised word follows it, with the quotation's opening mark; null when the nearest is not one.
 */
export function quotationBefore(
  tokens: Token[],
  lay: Layout,
  cue: number,
  sf: number,
  reach: number,
): { open: number; close: number } | null {
  for (let q = cue - 2; q > sf && cue - q <= reach; q--) {
    if (tokens[q]!.quote !== 'close') continue;
    const open = lay.quoteOpen[q - 1] ?? -1;
    if (tokens[q - 1]?.text !== ',' || open < 0 || !/^\p{Lu}/u.test(tokens[q + 1]?.text ?? '')) return null;
    return { open, close: q };
  }
  return null;
}

export function quoteThenSpeaker(
  tokens: Token[],
  words: string[],
  lay: Layout,
  cue: number,
): Omit<Draft, 'confidence' | 'origin'> | null {
  const sf = lay.sentFirst[cue]!;
  const quote = quotationBefore(tokens, lay, cue, sf, MAX_SPEAKER + 1);
  // Only a quotation that opens the sentence: in "Oz is “smart as hell,” Mosko wrote" the claim starts before it.
  if (!quote || quote.open !== sf || quote.open + 1 > quote.close - 2) return null;
  // "“…,” the minister said he told …": a verb of its own makes the words between a clause, not a speaker.
  const between = words.slice(quote.close + 1, cue);
  if (between.some((w) => FINITE_VERBS.has(w) || w === 'that' || w === ',')) return null;
  return {
    cue: [run(cue, mediumEnd(words, cue))],
    source: [run(quote.close + 1, cue - 1)],
    content: [run(quote.open + 1, quote.close - 2)],
  };
}

// "wrote in an email message": the cue takes the medium in (cue-edges.ts), as the taggers do when they find the cue.
const DETERMINER = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its']);

function mediumEnd(words: string[], cue: number): number {
  if (words[cue + 1] !== 'in' || !DETERMINER.has(words[cue + 2] ?? '')) return cue;
  for (let j = cue + 3; j <= cue + 5; j++)
    if (MEDIUM.has(words[j] ?? '')) return MEDIUM.has(words[j + 1] ?? '') ? j + 1 : j;
  return cue;
}

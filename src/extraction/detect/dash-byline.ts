import { type Draft, run } from './draft';
import type { Token } from './tokenize';

/**
 * “Prices have doubled since spring.” ― Maria Lopez: a quotation closed by a dash and a name that ends the
 * paragraph (vox pops, reader responses, epigraphs). The dash is the cue, the name the speaker, the quotation the
 * content. Without this rule the quotation was continued from the speaker of an earlier paragraph, which pins
 * every such reader's words on the politician the article is about.
 */
const DASHES = new Set(['―', '—', '–']);
const MAX_NAME_TOKENS = 5;
const NAME_WORD = /^(\p{Lu}[\p{L}'’.-]*|\.|de|del|la|van|von|bin|al)$/u;
// The closing mark itself: a quotation whose opening mark was lost ("”" typed for "“") is not marked as quoted.
const CLOSERS = new Set(['”', '"', '’', '»']);

export function dashBylineDrafts(tokens: Token[]): Draft[] {
  const out: Draft[] = [];
  for (let i = 1; i < tokens.length - 1; i++) {
    if (!DASHES.has(tokens[i]!.text) || !CLOSERS.has(tokens[i - 1]!.text)) continue;
    const para = tokens[i]!.para;
    // The name: capitalised words from the dash to the paragraph's end (a full stop may close it).
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1]!.para === para && last - i < MAX_NAME_TOKENS + 1) last++;
    if (last + 1 < tokens.length && tokens[last + 1]!.para === para) continue;
    let nameLast = last;
    if (tokens[nameLast]!.text === '.') nameLast--;
    if (nameLast <= i || nameLast - i > MAX_NAME_TOKENS) continue;
    const name = tokens.slice(i + 1, nameLast + 1);
    if (!/^\p{Lu}/u.test(name[0]!.text) || !name.every((t) => NAME_WORD.test(t.text))) continue;
    // The quotation: back from its closing mark over the quoted tokens (it may open paragraphs earlier), else
    // the paragraph up to the mark.
    let first = i - 2;
    if (tokens[first]!.inQuote) while (first > 0 && tokens[first - 1]!.inQuote) first--;
    else while (first > 0 && tokens[first - 1]!.para === para) first--;
    while (first < i - 1 && /^[“”"‘’«]$/.test(tokens[first]!.text)) first++;
    if (first > i - 3) continue;
    out.push({
      cue: [run(i, i)],
      source: [run(i + 1, nameLast)],
      content: [run(first, i - 2)],
      origin: 'rule',
      confidence: 0.8,
    });
  }
  return out;
}

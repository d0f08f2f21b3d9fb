import { INTERJECTED } from '../detect/interjections';
import type { Span } from '../types';
import { parseMention } from './mention';
import { fromMention, isPersonal, type Referent } from './referent';
import { isSentenceStart } from './text';

/** A person described, not named, as the subject of a sentence ("Labour's shadow health secretary accused …"). */
export interface DescribedSubject {
  pos: number;
  referent: Referent;
}

/**
 * A sentence opening (after an optional "But", "And", "Meanwhile,") with a determiner or a possessive, up to
 * five words, then a finite verb: the shape of "The minister said …", "Labour's shadow health secretary
 * accused …" (also with ", however," before the verb), "A police spokesman declined …". Group 1 is the noun phrase.
 */
const DESCRIBED_SUBJECT = new RegExp(
  String.raw`(?:(?:But|And|Meanwhile,|However,|Yet)\s+)?((?:The|A|An|His|Her|Its|Their|\p{Lu}[\p{L}.-]*['’]s)(?:\s+[\p{L}’'-]+){1,5}?)(?:,\s+(?:${[...INTERJECTED].join('|')}|for (?:her|his) part),)?\s+(?:[a-z]+ed|[a-z]+s|said|told|is|was|has|had|will|would|could|did|does|spoke|wrote|met|went|took|gave|came|sent|made|led|held|won|lost|got|began|saw|knew|thought|felt|brought|kept)\b`,
  'gu',
);

/**
 * A phrase ending on a preposition or conjunction ran past its verb into the predicate: in "The union leader
 * spoke to strikers", "strikers" looks like a verb in -s, and "the union leader spoke to" is nobody's name.
 */
const RAN_PAST_VERB = /\s(?:to|of|with|at|in|on|for|from|by|about|into|over|and|or|than)$/i;

// How far back a pronoun looks for a described subject: a few sentences, so the work per pronoun is bounded.
const WINDOW = 1500;

/**
 * The latest sentence before `pos` whose subject describes one person by role, outside page furniture and the
 * given spans (the claim's own content). Such a subject is a nearer antecedent for a following "she" than a
 * speaker named earlier: in "Dr Boyle said … But Labour's shadow health secretary accused ministers of
 * complacency. "…," she told the BBC", she is the secretary. A named subject is an entity already (see
 * NameMemory); plural, body and unnamed-role phrases ("The figures show") are no antecedent for "he" or "she".
 */
export function latestDescribedSubject(
  text: string,
  pos: number,
  isFurniture: (pos: number) => boolean,
  outside: Span[],
): DescribedSubject | null {
  const from = Math.max(0, pos - WINDOW);
  let latest: DescribedSubject | null = null;
  for (const match of text.slice(from, pos).matchAll(DESCRIBED_SUBJECT)) {
    const at = from + (match.index ?? 0);
    const phrase = match[1] ?? '';
    if (RAN_PAST_VERB.test(phrase)) continue;
    const phraseAt = at + match[0].indexOf(phrase);
    if (!isSentenceStart(text, at) || isFurniture(at) || insideQuotation(text, at)) continue;
    if (outside.some(([a, b]) => a <= phraseAt && phraseAt < b)) continue;
    const m = parseMention(phrase);
    if (m.name || m.pronoun || m.plural || m.institution || !m.head || !isPersonal(m.type, m.head)) continue;
    latest = { pos: phraseAt, referent: fromMention(m) };
  }
  return latest;
}

/** Whether more quotations open than close between the paragraph's start (at most 600 characters back) and `pos`. */
function insideQuotation(text: string, pos: number): boolean {
  // Walks back, not lastIndexOf: a text with no line break would be searched whole for every sentence.
  let open = 0;
  for (let i = pos - 1; i >= 0 && i >= pos - 600; i--) {
    const ch = text[i];
    if (ch === '\n') break;
    if (ch === '“') open++;
    else if (ch === '”') open--;
    else if (ch === '"') open = open > 0 ? open - 1 : open + 1;
  }
  return open > 0;
}

import type { Layout } from './content';
import { type Draft, run } from './draft';
import { FINITE_VERBS } from './speaker-edges';
import type { TagRun } from './spans';
import type { Token } from './tokenize';

// Past tenses that open a predicate as "were" does: "…, about half of Sudan's population, faced acute hunger".
const IRREGULAR_PAST = new Set(
  'said had made took saw got went came gave found rose fell grew left kept lost won paid sold told thought knew became began ran'.split(
    ' ',
  ),
);
export const opensPredicate = (word: string): boolean => {
  const w = word.toLowerCase();
  return FINITE_VERBS.has(w) || IRREGULAR_PAST.has(w) || (w.length > 4 && /^\p{Ll}+ed$/u.test(word));
};

// The sentence's own end: its full stop and any quotation mark after it stay out of the content.
const END_MARK = /^(?:[.!?;"”’]|'')$/u;

/**
 * "She said the two victims, a security guard and a teenage shopper, | were in stable condition.": the content head
 * stopped at the comma closing an appositive inside the reported clause's subject, and the claim said nothing but who
 * the victims were. When a content holding a comma and no verb of its own stops right before ", were" (a finite
 * verb, an auxiliary or a past tense opening the predicate), the predicate is the statement's: the content runs to the sentence's end,
 * short of any cue and of the claim's own speaker.
 */
export function predicateAfterAppositive(tokens: Token[], lay: Layout, cueTags: Uint8Array, d: Draft): Draft {
  if (d.content.length !== 1) return d;
  const k = d.content[0]!;
  const comma = tokens[k.last + 1];
  const verb = tokens[k.last + 2];
  if (comma?.text !== ',' || !verb || verb.sent !== comma.sent || !opensPredicate(verb.text)) return d;
  let inner = false;
  for (let i = k.first; i <= k.last; i++) {
    const w = tokens[i]!.text.toLowerCase();
    if (FINITE_VERBS.has(w)) return d;
    if (w === ',') inner = true;
  }
  if (!inner) return d;
  const own = [...d.cue, ...d.source];
  const stop = (i: number) => cueTags[i] !== 0 || own.some((r: TagRun) => r.first <= i && i <= r.last);
  let end = k.last + 2;
  const sentLast = lay.sentLast[k.last]!;
  while (end + 1 <= sentLast && !stop(end + 1)) end++;
  while (end > k.last + 2 && END_MARK.test(tokens[end]!.text)) end--;
  for (let i = k.last + 2; i <= end; i++) if (stop(i)) return d;
  return { ...d, content: [run(k.first, end)] };
}

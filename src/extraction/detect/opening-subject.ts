import { afterDateline, type Layout } from './content';
import type { TagRun } from './spans';
import type { Token } from './tokenize';

// Capitalised words that open a sentence without naming anyone ("In Washington …", "Last week …").
const STARTERS = new Set(
  'in on at after before but and when if as while for with from by last earlier later meanwhile however yesterday today this that these those since during under over despite although though because so yet still also now then once until of to a an its his her their our my some many most few all both each every no one two three what which who whom whose how why where does do did is are was were such along according either neither there here'.split(
    ' ',
  ),
);
const PRONOUN = /^(?:he|she|they|it|we)$/i;
// A word right after the name that continues it rather than starting the verb.
const NOT_A_VERB = new Set(['of', 'and', 'or', 'nor', '&', "'s", '’s', 'for', 'de', 'van', 'von']);
const MAX_NAME = 6;

/**
 * "The European Central Bank kept rates unchanged but signalled that …": a cue right after "but" or "and" with no
 * speaker of its own, the first cue of its sentence, shares the subject the sentence opens with — a pronoun or a
 * capitalised name (with "The" before it) followed by a lowercase verb. Only those shapes: a sentence opening with
 * a description ("Some investors …") or a circumstance ("In Frankfurt, …") is left without a speaker (precision first).
 */
export function openingSubject(tokens: Token[], lay: Layout, cue: TagRun): TagRun | null {
  let j = cue.first - 1;
  if (tokens[j]?.text.toLowerCase() === 'also') j--;
  if (!/^(?:but|and)$/i.test(tokens[j]?.text ?? '')) return null;
  // "FRANKFURT, April 11 (AP) — The European Central Bank …": the subject follows the dateline.
  const first = afterDateline(tokens, lay.sentFirst[cue.first]!, j);
  if (first >= j || tokens[first]!.para !== tokens[cue.first]!.para) return null;
  const opener = tokens[first]!.text;
  if (PRONOUN.test(opener)) return isVerbLike(tokens[first + 1]) && first + 1 < j ? { first, last: first } : null;
  let k = /^the$/i.test(opener) ? first + 1 : first;
  const nameStart = k;
  while (k < j && k - nameStart < MAX_NAME && /^\p{Lu}/u.test(tokens[k]!.text)) k++;
  if (k === nameStart || k >= j - 1 || STARTERS.has(tokens[nameStart]!.text.toLowerCase())) return null;
  // "Semiconductor maker Lumora Inc cut …": a lowercase word before another name describes it; it is no verb.
  if (/^\p{Lu}/u.test(tokens[k + 1]?.text ?? '')) return null;
  return isVerbLike(tokens[k]) ? { first, last: k - 1 } : null;
}

const isVerbLike = (t: Token | undefined) => !!t && /^\p{Ll}+$/u.test(t.text) && !NOT_A_VERB.has(t.text);

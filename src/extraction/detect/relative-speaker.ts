import type { Draft } from './draft';
import { RELATIVES } from './rules';

/**
 * "Gunter Kuhnle, a professor at Reading who was not involved in the study, said the findings …": the tagger may
 * read the relative clause as the speaker and the name right before it as what was said. A speaker that opens with
 * "who" right after its own content is that misreading (repairing it in place mended some and broke as many on
 * PolNeAR train), so the claim is left out: precision first.
 */
export function nameReadAsContent(words: string[], d: Draft): boolean {
  const source = d.source[0];
  const k = d.content[d.content.length - 1];
  if (!source || !k || !RELATIVES.has(words[source.first]!)) return false;
  return k.last < source.first && source.first - k.last <= 2;
}

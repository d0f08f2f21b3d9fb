import { FINITE_VERBS } from './speaker-edges';
import type { Tagged } from './tag';

/**
 * Source tags the perceptrons break apart or put on the verb:
 * - "A[B] Home[O] Office[B] spokesperson[I] said": a determiner tagged as a source, one or two capitalised words the
 *   tagger skipped, then the rest of the source — the name of the body was lost ("Office spokesperson"). The gap is
 *   filled: one source.
 * - "Sir James Eadie, had[B] argued": an auxiliary tagged alone as the source, right before the cue and after a tagged
 *   name and its comma, took the claim from that name (the speaker became "had"). It is untagged, and grouping finds
 *   the name. (Anywhere else, untagged, it let grouping reach for a name further back: train lost more than it won.)
 */
const DETERMINERS = new Set(['a', 'an', 'the']);
const MAX_GAP = 2;

export function mendSourceGaps(t: Tagged): Tagged {
  const { tokens, words, source, cue } = t;
  let out: Uint8Array | null = null;
  for (let i = 0; i < words.length; i++) {
    if (source[i] !== 1 || source[i + 1] === 2) continue;
    if (DETERMINERS.has(words[i]!)) {
      let j = i + 1;
      while (j < words.length && j - i <= MAX_GAP && source[j] === 0 && /^\p{Lu}/u.test(tokens[j]!.text)) j++;
      if (j === i + 1 || source[j] !== 1 || tokens[j]!.sent !== tokens[i]!.sent) continue;
      out ??= source.slice();
      for (let k = i + 1; k <= j; k++) out[k] = 2;
    } else if (FINITE_VERBS.has(words[i]!) && cue[i + 1] === 1 && words[i - 1] === ',' && source[i - 2]) {
      out ??= source.slice();
      out[i] = 0;
    }
  }
  return out ? { ...t, source: out } : t;
}

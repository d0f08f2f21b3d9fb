import { AUXILIARIES } from '../detect/tighten';

/**
 * "Clinton has | delivered a mostly positive message", "Johnson did | not identify a location": the cue head decodes
 * the auxiliary as a cue of its own and leaves the verb after it just under O. A cue of auxiliaries alone is
 * dropped later (tighten.ts), and the attribution keeps no cue; the words after it that the head still scores at
 * least AUXILIARY_FOLLOW as cue complete it. Applied after the relation heads have read the decoded cues.
 */
const AUXILIARY_FOLLOW = 0.3;
const MAX_FOLLOW = 3;

export function finishAuxiliaryCues(words: string[], cue: Uint8Array, prob: Float32Array): Uint8Array {
  let out: Uint8Array | null = null;
  for (let i = 0; i < words.length; i++) {
    if (cue[i] !== 1 || !AUXILIARIES.has(words[i]!) || cue[i + 1]) continue;
    let j = i + 1;
    while (j < words.length && j - i <= MAX_FOLLOW && prob[j]! >= AUXILIARY_FOLLOW && /^\p{L}/u.test(words[j]!)) j++;
    if (j === i + 1) continue;
    out ??= cue.slice();
    out.fill(2, i + 1, j);
  }
  return out ?? cue;
}

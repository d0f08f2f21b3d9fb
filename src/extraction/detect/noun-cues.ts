import type { Tagged } from './tag';

// Words after which the next word is a noun of a noun phrase, never a finite verb (also parenthetical.ts).
export const DETERMINERS = new Set('the a an this that these those its their his her our my your'.split(' '));

/**
 * "Two people familiar with the talks said …": a word in -s after a determiner is a noun, even where the cue head
 * reads it as a verb ("talks", "reports", "claims"). When a second cue starts right after it, the two would join
 * into one cue ("talks said") and the noun would be lost from the speaker; the noun goes back to the speaker.
 */
export function nounBeforeCue(t: Tagged): Tagged {
  const { words, cue, source } = t;
  let out: { cue: Uint8Array; source: Uint8Array } | null = null;
  for (let i = 1; i + 1 < words.length; i++) {
    if (cue[i] !== 1 || cue[i + 1] !== 1 || !DETERMINERS.has(words[i - 1]!)) continue;
    out ??= { cue: cue.slice(), source: source.slice() };
    out.cue[i] = 0;
    // Part of the speaker when the determiner is: "familiar with the | talks".
    if (out.source[i - 1]) out.source[i] = 2;
  }
  return out ? { ...t, ...out } : t;
}

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
 * - "Analysts[B] at[I] Morgan[O] Stanley[B] said": a second source opening inside a capitalised name the first one
 *   reaches split the firm, and the speaker became "Stanley", a person. Capitalised words in a row are one name.
 * - "she said[cue] in[B] an emailed[cue] statement[cue]": a preposition tagged alone as a source between two cue
 *   parts is the cue's ("said in an emailed statement"); the speaker had become "in".
 */
const DETERMINERS = new Set(['a', 'an', 'the']);
const MAX_GAP = 2;

export function mendSourceGaps(tagged: Tagged): Tagged {
  const t = prepositionInCue(tagged);
  const { tokens, words, source, cue } = t;
  let out: Uint8Array | null = null;
  for (let i = 0; i < words.length; i++) {
    const from = source[i] === 1 ? nameSplitFrom(t, source, i) : -1;
    if (from >= 0) {
      out ??= source.slice();
      for (let k = from; k <= i; k++) out[k] = 2;
      continue;
    }
    if (source[i] !== 1 || source[i + 1] === 2) continue;
    const noun = DETERMINERS.has(words[i]!) && source[i + 1] === 0 ? nounBeforeCue(t, i) : -1;
    if (noun > i) {
      out ??= source.slice();
      for (let k = i + 1; k <= noun; k++) out[k] = 2;
    } else if (DETERMINERS.has(words[i]!)) {
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

/**
 * "The[B] bank[O] said[cue]": a determiner tagged alone as the source, then one or two untagged lowercase words that
 * run into the cue. The last of them: the noun the determiner opens. Else -1.
 */
function nounBeforeCue(t: Tagged, i: number): number {
  const { tokens, words, source, cue } = t;
  let j = i + 1;
  while (
    j < words.length &&
    j - i <= MAX_GAP &&
    source[j] === 0 &&
    cue[j] === 0 &&
    /^\p{Ll}+$/u.test(tokens[j]!.text) &&
    !FINITE_VERBS.has(words[j]!) &&
    tokens[j]!.sent === tokens[i]!.sent
  )
    j++;
  return j > i + 1 && j < words.length && cue[j] === 1 && tokens[j]!.sent === tokens[i]!.sent ? j - 1 : -1;
}

const CUE_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'with', 'to']);

function prepositionInCue(t: Tagged): Tagged {
  const { words, source, cue } = t;
  let src: Uint8Array | null = null;
  let cues: Uint8Array | null = null;
  for (let i = 1; i < words.length; i++) {
    if (source[i] !== 1 || source[i + 1] === 2 || cue[i - 1] === 0 || !CUE_PREPOSITIONS.has(words[i]!)) continue;
    let j = i + 1;
    while (j < words.length && j - i <= MAX_GAP && cue[j] === 0 && source[j] === 0 && /^\p{Ll}/u.test(words[j]!)) j++;
    if (j >= words.length || cue[j] === 0 || t.tokens[j]!.sent !== t.tokens[i]!.sent) continue;
    src ??= source.slice();
    cues ??= cue.slice();
    src[i] = 0;
    for (let k = i; k <= j; k++) cues[k] = 2;
  }
  return src && cues ? { ...t, source: src, cue: cues } : t;
}

/**
 * Where a source opening at i splits a name the source before it holds ("Analysts at Morgan[I or O] Stanley[B]"):
 * the first token to join to that source, or -1. Only capitalised words, one space apart, in one sentence, and at
 * most MAX_GAP of them untagged between the two.
 */
function nameSplitFrom(t: Tagged, source: Uint8Array, i: number): number {
  const cap = (k: number) => /^\p{Lu}\p{Ll}/u.test(t.tokens[k]!.text);
  const joined = (k: number) =>
    t.tokens[k]!.sent === t.tokens[k + 1]!.sent && t.tokens[k + 1]!.start - t.tokens[k]!.end === 1;
  if (!cap(i)) return -1;
  let j = i - 1;
  while (j >= 0 && i - 1 - j < MAX_GAP && source[j] === 0 && cap(j) && joined(j)) j--;
  if (j < 0 || source[j] === 0 || !joined(j) || !cap(i - 1)) return -1;
  // Untagged words between: only after a lowercase word of the source ("Analysts at | Morgan | Stanley"), not in a
  // headline's run of capitals ("Ted Cruz | Apologizes To | Ben Carson").
  return j === i - 1 || /^\p{Ll}/u.test(t.tokens[j]!.text) ? j + 1 : -1;
}

import { FINITE_VERBS } from './speaker-edges';
import type { Tagged } from './tag';

// Adverbs a writer sets off by commas between a subject and its verb (also claims/described-subjects.ts).
export const INTERJECTED = new Set(['however', 'meanwhile', 'though', 'too', 'instead', 'nevertheless']);
const MAX_SUBJECT = 8;

/**
 * "Labour's shadow health secretary, however, accused ministers of …": a cue right after ", however," has the
 * sentence's opening noun phrase as its speaker. Taggers stop the source short ("Labour's shadow") or leave it out,
 * and the claim then names a party, or nobody, for what the secretary said. Only a phrase with no verb or
 * punctuation of its own, from the sentence start to the comma.
 */
export function subjectBeforeInterjection(t: Tagged): Tagged {
  const { tokens, words, cue, source } = t;
  let out: Uint8Array | null = null;
  for (let i = 4; i < words.length; i++) {
    if (cue[i] !== 1 || words[i - 1] !== ',' || !INTERJECTED.has(words[i - 2]!) || words[i - 3] !== ',') continue;
    const comma = i - 3;
    let first = comma;
    while (first > 0 && tokens[first - 1]!.sent === tokens[i]!.sent && comma - first < MAX_SUBJECT) first--;
    const startsSentence = first === 0 || tokens[first - 1]!.sent !== tokens[i]!.sent;
    // A closing quotation mark the splitter put at the head of this sentence is no part of the subject.
    while (first < comma && tokens[first]!.quote) first++;
    if (!startsSentence || first >= comma || !/^\p{Lu}/u.test(tokens[first]!.text)) continue;
    let clean = true;
    for (let k = first; k < comma; k++)
      if (FINITE_VERBS.has(words[k]!) || cue[k] || tokens[k]!.inQuote || /^[,;:.!?]$/.test(words[k]!)) clean = false;
    if (!clean) continue;
    out ??= source.slice();
    for (let k = first; k < comma; k++) out[k] = k === first ? 1 : 2;
  }
  return out ? { ...t, source: out } : t;
}

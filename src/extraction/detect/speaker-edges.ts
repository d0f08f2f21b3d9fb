import { roleType, TITLE_WORDS } from '../claims/lexicon';
import type { Layout } from './content';
import { type Draft, isPunct, run } from './draft';
import type { TagRun } from './spans';
import type { Token } from './tokenize';

/**
 * Where a speaker's words begin, after the taggers placed them: wire copy opens sentences with a speaker and an
 * appositive or relative clause before the cue ("The Nuffield Trust, a health think tank, said …"; "A senior
 * official, who asked not to be named, said …"), and the PolNeAR-trained tagger marks only a fragment of it
 * ("tank", "who"), which would then be resolved to the wrong person.
 */

// Finite verbs: a clause, not a noun phrase with its appositive, stands before the cue.
export const FINITE_VERBS = new Set(
  "would will had has have was were is are could should may might must can did does do won't wouldn't".split(' '),
);
const RELATIVES = new Set(['who', 'which', 'whose']);
const MAX_SPEAKER_TOKENS = 30;

/**
 * The source as the sentence's subject noun phrase, from its first word to the comma before the cue. `cueAt` marks
 * the cues of every draft of the text: a phrase holding one is a clause of its own, not a subject.
 */
export function widenSpeaker(tokens: Token[], words: string[], lay: Layout, cueAt: Uint8Array, d: Draft): Draft {
  return titleFromStart(
    tokens,
    words,
    lay,
    nounOutOfCue(words, closeBracket(words, widenToSubject(tokens, words, lay, cueAt, d))),
  );
}

const MAX_TITLE_LEAD = 4;
// "U.N" (the tokenizer leaves its last full stop apart), "E.U.", "NATO".
const ABBREVIATED_BODY = /^(?:(?:\p{Lu}\.)+\p{Lu}\.?|\p{Lu}{2,6})$/u;

/**
 * "U.N. humanitarian | chief Tom Fletcher said": a source opening on a lowercase title word takes the few words
 * before it back to the sentence start when an abbreviated body and lowercase modifiers with no verb ("U.N.
 * humanitarian", "E.U. leaders"): they are the rest of the title.
 */
function titleFromStart(tokens: Token[], words: string[], lay: Layout, d: Draft): Draft {
  const s = d.source[0];
  if (d.source.length !== 1 || !s) return d;
  const w = words[s.first]!;
  if (!/^\p{Ll}/u.test(tokens[s.first]!.text) || !(TITLE_WORDS.has(w) || roleType(w) === 'official')) return d;
  let first = lay.sentFirst[s.first]!;
  while (first < s.first && isPunct(tokens[first])) first++;
  // Led by an abbreviated body ("U.N.", "E.U.", "NATO"): a capitalised word could be "After", "If", "According".
  if (first >= s.first || s.first - first > MAX_TITLE_LEAD || !ABBREVIATED_BODY.test(tokens[first]!.text)) return d;
  for (let k = first; k < s.first; k++)
    if (
      !/^[\p{L}.-]+$/u.test(tokens[k]!.text) ||
      FINITE_VERBS.has(words[k]!) ||
      /^(?:the|a|an|but|and)$/.test(words[k]!)
    )
      return d;
  return { ...d, source: [run(first, s.last)] };
}

/**
 * "two other people briefed on the | talks disputed": a speaker cannot end on "the" or "on", so the cue's first words
 * finish its noun phrase and only the cue's last word stays the cue.
 */
function nounOutOfCue(words: string[], d: Draft): Draft {
  const s = d.source[d.source.length - 1];
  const c = d.cue[0];
  if (!s || !c || c.first !== s.last + 1 || c.last === c.first || !OPEN_ENDS.has(words[s.last]!)) return d;
  // Only a noun phrase of its own before a past-tense verb: not "The | criticism of", "A | common refrain".
  if (s.last - s.first < 2 || !/(?:ed|said|told)$/.test(words[c.last]!)) return d;
  return {
    ...d,
    source: [...d.source.slice(0, -1), run(s.first, c.last - 1)],
    cue: [run(c.last, c.last), ...d.cue.slice(1)],
  };
}
/** Words no speaker's phrase ends on ("two other people briefed on the | talks"). */
export const OPEN_ENDS = new Set(['the', 'a', 'an', 'of', 'on', 'in', 'with', 'by', 'for', 'about', 'at', 'from']);

/** "the Local Government Association (LGA) has warned": a speaker opening a bracket takes its closing one. */
function closeBracket(words: string[], d: Draft): Draft {
  const s = d.source[d.source.length - 1];
  if (!s || words[s.last + 1] !== ')') return d;
  let depth = 0;
  for (let k = s.first; k <= s.last; k++) depth += words[k] === '(' ? 1 : words[k] === ')' ? -1 : 0;
  return depth > 0 ? { ...d, source: [...d.source.slice(0, -1), run(s.first, s.last + 1)] } : d;
}

function widenToSubject(tokens: Token[], words: string[], lay: Layout, cueAt: Uint8Array, d: Draft): Draft {
  const s = d.source[0];
  const cue = d.cue[0];
  if (d.source.length !== 1 || !s || !cue || s.last >= cue.first) return d;
  // "A spokesman for Volkswagen, who declined …": the relative clause the tagger took in is no part of the name.
  if (s.last - s.first >= 2 && RELATIVES.has(words[s.last]!) && words[s.last - 1] === ',')
    return widenToSubject(tokens, words, lay, cueAt, { ...d, source: [run(s.first, s.last - 2)] });
  // "A senior official, who asked not to be named, said": the relative pronoun stands for the phrase before it,
  // also when the tagger took in its clause ("Sen. James Lankford (R-Okla.), who spent four months negotiating it,
  // voted yes and called …").
  const relativeClause =
    s.first === s.last ||
    (relativeIsSubject(tokens, words, s.first) && words.slice(s.last + 1, cue.first).includes(','));
  if (RELATIVES.has(words[s.first]!) && words[s.first - 1] === ',' && relativeClause) {
    const np = subjectPhrase(tokens, words, lay, cueAt, s.first - 2);
    return np ? { ...d, source: [np] } : d;
  }
  // "The Nuffield Trust, a health think tank, said": the tagger's fragment ends the appositive right before ", said".
  if (words[cue.first - 1] !== ',' || s.last !== cue.first - 2) return d;
  const np = subjectPhrase(tokens, words, lay, cueAt, s.last);
  if (!np || np.first >= s.first || !words.slice(np.first, s.first).includes(',')) return d;
  return { ...d, source: [np] };
}

// After "which officials said", "who he said", "who many … had backed", "whose campaign": the clause has a subject of
// its own (the relative pronoun is its object), so the phrase before the comma is not the speaker. Nor when the cue
// is inside the clause ("which advocates say …"): only a clause closed by a comma before the cue describes the
// speaker.
const OWN_SUBJECT = new Set(
  'he she they we i you it many most some several few all both the a an his her their its our my officials people experts analysts critics'.split(
    ' ',
  ),
);

/** Whether the relative pronoun at `at` is its clause's subject ("who spent", "which entered"). */
function relativeIsSubject(tokens: Token[], words: string[], at: number): boolean {
  if (words[at] === 'whose') return false;
  const next = tokens[at + 1];
  return !!next && !OWN_SUBJECT.has(words[at + 1]!) && !/^\p{Lu}/u.test(next.text);
}

/**
 * From the sentence start to `last`, if that is a capitalised phrase with no finite verb and no other claim's cue (a
 * subject, not a clause: "Mayor Denise Harwell conceded[cue] the primary, hours after her challenger, state Rep.
 * Marcus Odom, declared victory" is Odom's claim, not one of "Mayor … Odom").
 */
function subjectPhrase(tokens: Token[], words: string[], lay: Layout, cueAt: Uint8Array, last: number) {
  if (last < 0) return null;
  let first = lay.sentFirst[last]!;
  while (first < last && isPunct(tokens[first])) first++;
  if (last - first > MAX_SPEAKER_TOKENS || !/^\p{Lu}/u.test(tokens[first]!.text)) return null;
  for (let k = first; k <= last; k++) {
    if (cueAt[k]) return subordinateSubject(tokens, words, cueAt, k, last);
    if (FINITE_VERBS.has(words[k]!) || tokens[k]!.quote) return null;
  }
  return run(first, last);
}

const SUBORDINATORS = new Set('after before while as when because since although though until whereas'.split(' '));
const PHRASE_OPENERS = new Set('the a an his her their its'.split(' '));

/**
 * "…, hours after the utility's chief engineer, Tom Reyes, said": past another claim's cue (at `cue`), the subject of
 * the clause a subordinator opens, when that clause runs to `last` with no verb and opens on a determiner or a name.
 */
function subordinateSubject(tokens: Token[], words: string[], cueAt: Uint8Array, cue: number, last: number) {
  let at = last - 1;
  while (at > cue && !SUBORDINATORS.has(words[at]!)) at--;
  const first = at + 1;
  if (at <= cue || first >= last) return null;
  if (!PHRASE_OPENERS.has(words[first]!) && !/^\p{Lu}/u.test(tokens[first]!.text)) return null;
  for (let k = first; k <= last; k++)
    if (FINITE_VERBS.has(words[k]!) || tokens[k]!.quote || cueAt[k] || SUBORDINATORS.has(words[k]!)) return null;
  return run(first, last);
}

// "But the union said …", "And officials involved with the talks have made clear …": a conjunction opening a
// source links it to the sentence before and is no part of the speaker. So is a relative pronoun with a subject of its
// own after it ("a move that analysts said could escalate …"); alone it stands for the speaker and stays, as PolNeAR
// marks it ("Le Pen, who said …").
const LEADING_LINKS = new Set(['but', 'and', 'yet']);
const LEADING_RELATIVES = new Set(['that', 'which']);
// "that analysts", "which the Clinton campaign": a subject after the pronoun. Not "that person", "that official": a
// demonstrative before a singular noun is the speaker's own word.
const SUBJECT_OPENER = /^(?:the|a|an|his|her|its|their|our|some|many|most|several|\p{Lu}.*|.*[^s]s)$/u;

/** Drops a conjunction or relative pronoun from the start of a source of more than one word. */
export function trimSpeakerLinks(words: string[], tokens: Token[], d: Draft): Draft {
  const leads = (s: TagRun) =>
    s.last > s.first &&
    (LEADING_LINKS.has(words[s.first]!) ||
      (LEADING_RELATIVES.has(words[s.first]!) && SUBJECT_OPENER.test(tokens[s.first + 1]!.text)));
  if (!d.source.some(leads)) return d;
  return { ...d, source: d.source.map((s) => (leads(s) ? run(s.first + 1, s.last) : s)) };
}

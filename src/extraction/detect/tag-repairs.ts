import { relativeClauseClose, SECOND_STATEMENT_VERBS } from './cue-cleanup';
import { SPEECH_PARTICIPLES } from './merge';
import { SAY } from './rules';
import type { Tagged } from './tag';

/**
 * Repairs to a tagger's output that the shared grouping cannot make: both taggers go through them, and they
 * matter most for the `accurate` one, whose spans are right more often but whose slips are of these kinds.
 */

/** Conjunctions that open a second statement with a speaker of its own ("…, while the regulator insisted …"). */
export const OPENERS = new Set(['while', 'whereas', 'but']);
// Words a subject of two or three words never contains: adverbs and auxiliaries ("but also warned").
const NOT_IN_SUBJECT = new Set(
  'also then later still had has have was were is are would could will not never and or that which who'.split(' '),
);
const MAX_SUBJECT = 3;

/** Where a word of `set` stands before word i with a subject of one to MAX_SUBJECT words between them, or -1. */
function wordBeforeSubject(words: string[], i: number, set: Set<string>): number {
  let j = i - 1;
  while (j >= 0 && i - j <= MAX_SUBJECT && /^\p{L}/u.test(words[j]!) && !set.has(words[j]!)) j--;
  return j >= 0 && j < i - 1 && set.has(words[j]!) ? j : -1;
}

/**
 * "…, while others warned that it could deepen": a cue with no source, right after "while"/"whereas"/"but" and a
 * subject of one to three words, has that subject as its source; left untagged, grouping joins the cue to the
 * statement before ("said in a statement warned") and gives it the first speaker.
 */
export function sourceAfterOpener(t: Tagged): Tagged {
  const { tokens, words, cue, source, content } = t;
  let tagged: Uint8Array | null = null;
  for (let i = 1; i < words.length; i++) {
    if (cue[i] !== 1) continue;
    const j = wordBeforeSubject(words, i, OPENERS);
    if (j < 0 || tokens[j]!.sent !== tokens[i]!.sent) continue;
    let free = true;
    for (let k = j + 1; k < i; k++)
      if (source[k] || content[k] || cue[k] || NOT_IN_SUBJECT.has(words[k]!) || tokens[k]!.inQuote) free = false;
    if (!free) continue;
    tagged ??= source.slice();
    for (let k = j + 1; k < i; k++) tagged[k] = k === j + 1 ? 1 : 2;
  }
  return tagged ? { ...t, source: tagged } : t;
}

const DANGLING = new Set('in of on at for with by from the a an to and or'.split(' '));
const MAX_DANGLING_GAP = 6;
const MAX_INVERTED_GAP = 10;
const SENTENCE_END = /^[.?!]$/;
// "Officials said prices | rose.": the content head leaves a short sentence's last words (often a verb it rarely
// saw in contents) untagged; a content that opens right after its cue runs to the full stop over a few such words.
const MAX_TAIL_GAP = 3;

/** A full stop that ends its sentence ("Mr." does not). */
const endsSentence = (t: Tagged, k: number) =>
  SENTENCE_END.test(t.words[k]!) && (k + 1 >= t.tokens.length || t.tokens[k + 1]!.sent !== t.tokens[k]!.sent);

/** Whether the content run holding word i opens right after "said" or "says" in its sentence (at most "that" between). */
function opensAfterCue(t: Tagged, i: number): boolean {
  let start = i;
  while (start > 0 && t.content[start - 1] && t.tokens[start - 1]!.sent === t.tokens[i]!.sent) start--;
  const before = t.words[start - 1] === 'that' ? start - 2 : start - 1;
  return (
    before >= 0 && t.cue[before] !== 0 && SAY.has(t.words[before]!) && t.tokens[before]!.sent === t.tokens[i]!.sent
  );
}

/**
 * "The economy shrank by 0.3% in the third quarter, the statistics office said": a content that stops on a
 * preposition or article ("… by 0.3% in") stops mid-phrase; when only untagged words follow up to the
 * clause's comma or full stop, the content runs to it. So does any content followed, after untagged words
 * and a comma, by its speaker and cue ("Unemployment fell | to 4.1% in the second quarter, the ministry
 * said"): in that order everything before the comma is what was said.
 */
export function contentToClauseEnd(t: Tagged): Tagged {
  const { tokens, words, cue, source, content } = t;
  let grown: Uint8Array | null = null;
  for (let i = 0; i < words.length - 1; i++) {
    if (!content[i] || content[i + 1]) continue;
    let k = i + 1;
    while (
      k < words.length &&
      k - i <= MAX_INVERTED_GAP &&
      !/^[,.;:]$/.test(words[k]!) &&
      !cue[k] &&
      !source[k] &&
      !content[k] &&
      tokens[k]!.sent === tokens[i]!.sent
    )
      k++;
    if (k >= words.length || k === i + 1 || !/^[,.;:]$/.test(words[k]!)) continue;
    const inverted = words[k] === ',' && (source[k + 1] === 1 || cue[k + 1] === 1);
    const dangling = DANGLING.has(words[i]!) && k - i <= MAX_DANGLING_GAP;
    if (!inverted && !dangling && !(endsSentence(t, k) && k - i <= MAX_TAIL_GAP && opensAfterCue(t, i))) continue;
    grown ??= content.slice();
    for (let m = i + 1; m < k; m++) grown[m] = 2;
  }
  return grown ? { ...t, content: grown } : t;
}

/**
 * "…, while the housing regulator insisted that …": a content run that carries on over the next speaker (the
 * words tagged both content and source, right before a cue) would be taken by that speaker's cue too, and the
 * two statements merge. Words of a speaker standing right before its cue, after such a conjunction, are no part
 * of a content.
 */
export function contentNotOverSpeaker(t: Tagged): Tagged {
  const { tokens, words, cue, source, content } = t;
  let cut: Uint8Array | null = null;
  for (let i = 1; i < source.length; i++) {
    // Only after "while"/"whereas"/"but", or opening the sentence ("Not everyone was convinced. Gunter Kuhnle, a
    // professor …, who was not involved in the study, said …", where the previous sentence's "was convinced" drew
    // the speaker into its content): a speaker inside a content otherwise ("said the minister told …") is an
    // attribution nested in what was said, and the outer content rightly runs over it.
    const opensSentence = tokens[i]!.sent !== tokens[i - 1]!.sent;
    if (source[i] !== 1 || !(OPENERS.has(words[i - 1]!) || opensSentence)) continue;
    let end = i;
    while (end + 1 < source.length && source[end + 1] === 2) end++;
    // The cue may follow a comma, or a relative clause describing the speaker (", who was not involved …,").
    const clause = relativeClauseClose(tokens, end + 1);
    const next = words[end + 1] === ',' ? (clause > 0 ? clause + 1 : end + 2) : end + 1;
    if (cue[end + 1] !== 1 && !(opensSentence && cue[next] === 1)) continue;
    let overlap = false;
    for (let k = i; k <= end; k++) if (content[k]) overlap = true;
    if (!overlap) continue;
    cut ??= content.slice();
    cut.fill(0, i, end + 1);
    if (cut[end + 1] === 2) cut[end + 1] = 1;
  }
  return cut ? { ...t, content: cut } : t;
}

const SUBORDINATORS = new Set('after because since until before although though once unless'.split(' '));

/**
 * "The FNV union said talks had collapsed after employers refused to guarantee jobs": a verb tagged as a cue in a
 * subordinate clause of what was just reported, its subject one to three words after "after"/"because"/…, is part
 * of that content (on PolNeAR train 8 such cues were wrong, 5 right before statement verbs were exempted); as a
 * cue it joins the reporting verb ("said refused") and cuts the content short. Only with a cue earlier in the
 * sentence and no punctuation between it and the clause.
 */
export function dropCuesInSubordinateClause(t: Tagged): Tagged {
  const { tokens, words, cue } = t;
  let cleaned: Uint8Array | null = null;
  for (let i = 2; i < words.length; i++) {
    // A statement verb there ("… because she said …") is an attribution of its own, nested in the content.
    if (cue[i] !== 1 || tokens[i]!.inQuote || SECOND_STATEMENT_VERBS.has(words[i]!)) continue;
    // "… was arrested after threatening a reporter": a participle right after "after"/"before"/… says what someone
    // did, not what anyone said (speech participles, "after saying …", stay cues).
    const participle = SUBORDINATORS.has(words[i - 1]!) && /ing$/.test(words[i]!) && !SPEECH_PARTICIPLES.has(words[i]!);
    if (!participle && !subjectAfterSubordinator(t, i)) continue;
    cleaned ??= cue.slice();
    for (let k = i; k < words.length && (k === i || cleaned[k] === 2); k++) cleaned[k] = 0;
  }
  return cleaned ? { ...t, cue: cleaned } : t;
}

/** Word i follows "after"/"because"/… and a short subject, with a cue earlier in its sentence. */
function subjectAfterSubordinator({ tokens, words, cue }: Tagged, i: number): boolean {
  const j = wordBeforeSubject(words, i, SUBORDINATORS);
  if (j < 0) return false;
  for (let k = j - 1; k >= 0 && tokens[k]!.sent === tokens[i]!.sent && /^\p{L}/u.test(words[k]!); k--)
    if (cue[k]) return true;
  return false;
}

import type { Tagged } from './tag';
import type { Token } from './tokenize';

/**
 * "Paxton said he was disappointed by the ruling": the cue tagger also marks "was disappointed", which opens the
 * reported clause, as a second cue; it would take the clause's subject as its speaker and swallow the next
 * quotation. A cue starting with a form of "be" right after "said he/she/they" is part of the content.
 */
const BE = new Set(['was', 'is', 'were', 'are', 'been', 'had', 'has']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const REPORTING = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'adds']);
const REPORTING_PAST = new Set(['said', 'says', 'told', 'added']);

export function dropCuesInReportedClause(t: Tagged): Tagged {
  const { words, cue } = t;
  let cleaned: Uint8Array | null = null;
  for (let i = 2; i < words.length; i++) {
    if (cue[i] !== 1 || !BE.has(words[i]!) || !SUBJECT_PRONOUNS.has(words[i - 1]!)) continue;
    if (!cue[i - 2] || !REPORTING.has(words[i - 2]!)) continue;
    cleaned ??= cue.slice();
    for (let k = i; k < words.length && (k === i || cleaned[k] === 2); k++) cleaned[k] = 0;
  }
  return cleaned ? { ...t, cue: cleaned } : t;
}

/** Verbs that open a second statement of the same speaker after "and" ("… and accused the union of …"). */
export const SECOND_STATEMENT_VERBS = new Set(
  (
    'accused warned told said added insisted argued claimed denied urged vowed pledged promised predicted noted ' +
    'stressed suggested conceded acknowledged admitted complained criticized criticised blamed praised announced ' +
    'called described questioned rejected dismissed disputed charged'
  ).split(' '),
);
const JOINS = new Set(['and', 'but']);
// After these the verb is passive or a control verb ("was criticised and praised by", "told to leave"), not a cue.
const NOT_A_STATEMENT_NEXT = new Set(['by', 'to', ',', '.', ';', ':', 'as']);

/**
 * "Streeting warned that the winter had been the hardest on record and accused the previous government of …":
 * a tagger that reads "accused …" as more of the first content joins two statements into one claim, and the
 * second cue is lost. A statement verb right after "and"/"but", outside quotation marks, in a sentence whose
 * earlier cue it follows, is a cue of its own sharing that subject (group.ts gives it the speaker). Not when the
 * word before the conjunction is itself a participle ("were accused and told"), nor before "by" or "to".
 */
export function cueAfterConjunction(t: Tagged): Tagged {
  const { tokens, words } = t;
  let out: { cue: Uint8Array; content: Uint8Array; source: Uint8Array } | null = null;
  for (let i = 2; i < words.length - 1; i++) {
    const cue = out?.cue ?? t.cue;
    if (cue[i] !== 0 || !SECOND_STATEMENT_VERBS.has(words[i]!) || !JOINS.has(words[i - 1]!)) continue;
    if (tokens[i]!.inQuote || NOT_A_STATEMENT_NEXT.has(words[i + 1]!) || /ed$/.test(words[i - 2]!)) continue;
    let earlier = -1;
    for (let j = i - 2; j >= 0 && tokens[j]!.sent === tokens[i]!.sent; j--) if (cue[j] !== 0) earlier = j;
    if (earlier < 0) continue;
    out ??= { cue: t.cue.slice(), content: t.content.slice(), source: t.source.slice() };
    out.cue[i] = 1;
    out.content[i] = 0;
    out.source[i] = 0;
    out.content[i - 1] = 0;
    if (out.content[i + 1] === 2) out.content[i + 1] = 1;
  }
  return out ? { ...t, ...out } : t;
}

// "which …", "who …", and the anonymous source's "speaking on condition of anonymity …".
const RELATIVE = new Set(['which', 'who', 'whose', 'speaking']);
export const MAX_RELATIVE = 30;
const MAX_SUBJECT_WORDS = 6;

/**
 * The closing comma of a relative clause that the comma at `comma` opens (", which … ,", ", speaking on condition
 * of anonymity … ,") within one sentence, or -1. Shared with grouping, which lets a speaker reach its cue across it.
 */
export function relativeClauseClose(tokens: Token[], comma: number): number {
  if (tokens[comma]?.text !== ',' || !RELATIVE.has(tokens[comma + 1]?.text.toLowerCase() ?? '')) return -1;
  const sent = tokens[comma]!.sent;
  for (let k = comma + 2; k < tokens.length && k <= comma + MAX_RELATIVE && tokens[k]!.sent === sent; k++) {
    if (tokens[k]!.text === ',') return k;
  }
  return -1;
}

/**
 * "Labour councillors in Birmingham, which declared itself effectively bankrupt last year, said the money came too
 * late": a relative clause set off by commas between a subject and its cue describes the subject. A cue tagged
 * inside it is no statement (tagged, it joins the main cue into one, "declared … said", and takes the subject
 * with it), and when the main cue has no speaker tagged, the words before the clause are it.
 */
export function dropCuesInRelativeClause(t: Tagged): Tagged {
  const { tokens, words } = t;
  let out: { cue: Uint8Array; content: Uint8Array; source: Uint8Array } | null = null;
  for (let i = 2; i < words.length; i++) {
    const close = words[i - 1] === ',' ? relativeClauseClose(tokens, i - 1) : -1;
    if (close < 0) continue;
    const main = close + 1;
    // "A Harris campaign official, who spoke on condition of anonymity …, said …": `accurate` may tag the main "said"
    // as content; a reporting verb right after the clause is the main cue all the same.
    const cue = (out?.cue ?? t.cue)[main] || REPORTING_PAST.has(words[main]!);
    if (!cue || tokens[main]!.inQuote) continue;
    out ??= { cue: t.cue.slice(), content: t.content.slice(), source: t.source.slice() };
    for (let k = i + 1; k < close; k++) {
      out.cue[k] = 0;
      out.content[k] = 0;
    }
    // "An administration official, who spoke on condition of anonymity …, said": a source tagged on into the clause
    // would leave its speaker too far from the cue for grouping; the clause still shows in the claim's speaker text.
    for (let k = i - 1; k <= close; k++) out.source[k] = 0;
    // The main cue now opens its own run.
    out.cue[main] = 1;
    out.content[main] = 0;
    tagSubject(t, out, i - 1);
  }
  return out ? { ...t, ...out } : t;
}

/** Tags as source the words of the subject ending before `comma`, unless some of them are tagged already. */
function tagSubject(t: Tagged, out: { cue: Uint8Array; content: Uint8Array; source: Uint8Array }, comma: number): void {
  const { tokens, words } = t;
  let first = comma;
  while (
    first > 0 &&
    comma - first < MAX_SUBJECT_WORDS &&
    tokens[first - 1]!.sent === tokens[comma]!.sent &&
    /^[\p{L}\p{N}'’.-]/u.test(words[first - 1]!) &&
    !out.cue[first - 1] &&
    !tokens[first - 1]!.inQuote
  )
    first--;
  // A subject starts the sentence (after a conjunction at most), or a clause joined by ", and" / ", but" ("Some
  // researchers questioned whether …, and one, who asked not to be named, said …"): otherwise these are the end of
  // a longer clause.
  const joined = first > 0 && words[first - 1] === ',' && CONJUNCTIONS.has(words[first]!);
  const starts = first === 0 || tokens[first - 1]!.sent !== tokens[comma]!.sent || joined;
  if (first < comma && CONJUNCTIONS.has(words[first]!)) first++;
  if (!starts || first >= comma) return;
  // A subject the tagger began ("A" of "A source familiar with the matter") is completed; one it tagged to the
  // comma is left as tagged.
  if (out.source[comma - 1]) return;
  // The joining comma and conjunction end the clause before: no part of its content.
  if (joined) for (let k = first - 2; k < first; k++) out.content[k] = 0;
  // Content tags here are strays ("the" alone): a sentence's subject before its cue is not what was said.
  for (let k = first; k < comma; k++) {
    out.source[k] = k === first ? 1 : 2;
    out.content[k] = 0;
  }
}

const CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so']);

import type { SpeakerType } from '../types';
import { CAPITALISED_FUNCTION_WORDS, POLITICIANS, roleType, TITLE_WORDS } from './lexicon';
import { parseMention } from './mention';
import { Namesakes } from './namesakes';
import { genderOf } from './referent';
import { charBeforeBlanks, endsWithComma, lastWordBeforeBlanks, lowerWordsScanFrom } from './scan-back';
import { isSentenceStart } from './text';

/** A named entity introduced in the article, with what its introduction tells about it. */
export interface Entity {
  name: string;
  tokens: string[];
  title: string | null;
  affiliation: string | null;
  type: SpeakerType;
  institution: boolean;
  start: number;
  /** Sentence-initial mentions are subjects, the usual antecedent of a following "he". */
  subject: boolean;
  /** Titled, a known politician or a known first name: surely a person, so a fallback antecedent for "he". */
  certain: boolean;
  /** A lone surname read as the full name introduced before it ("Kane" for "Harry Kane"): no full-name mention. */
  alias?: true;
}

// One capitalised word; periods only inside abbreviations ("U.S.", "Sen.") so runs stop at sentence ends, and after
// a middle initial followed by the rest of the name ("Carlton W. Reeves", "George W. Bush"), not by a sentence opener.
// A lowercase particle between two capitalised words stays in the name: "Borja del Pozo Cruz", "Ursula von der Leyen".
const RUN =
  /\p{Lu}[\p{L}\p{M}\p{N}'’-]*(?:\.(?=\p{L}))?(?:[ \t]+(?:(?:de|del|della|der|den|van|von|da|di|du|dos|das|bin|ibn)[ \t]+)*(?:\p{Lu}\.(?=[ \t]+(?!(?:The|A|An|In|On|At|He|She|It|They|We|I|But|And|This|That|His|Her|Its|Their)\b)\p{Lu}\p{Ll})|\p{Lu}[\p{L}\p{M}\p{N}'’-]*))*/gu;
// Global only so a scan can start past what cannot match (see scan-back.ts); lastIndex is set before each use.
const LOWER_TITLE_BEFORE = /(?:^|[\s(])((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+$/gu;
// Name words may hold inner periods ("U.S.") but a final one ends the sentence, not the affiliation.
const AFFILIATION_AFTER =
  /^,?\s+(?:of|at|from)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{M}'’-]*(?:\.(?=\p{L}))?|of|and|for|the|at)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’-]*(?:\.(?=\p{L}))?|of|and|for|the|at))*)/u;
const PARTY_AFTER = /^\s*\((?:R|D|I)\s*[-–][^)\n]{1,20}\)/;
// ", a professor at …" and ", who was an informal adviser to …".
// An initial's full stop ("the Harvard T.H. Chan School") does not end it.
const APPOSITIVE_AFTER =
  /^,\s+(?:who\s+(?:is|was|has\s+been|had\s+been)\s+)?((?:a|an|the)\s+(?:[^,.;:\n]|(?<=\b\p{Lu})\.){2,100}?)(?=[,;:\n]|(?<!\b\p{Lu})\.|$)/u;

// "…, says Professor Ban": after a speech verb the name is the (inverted) subject, a likely antecedent for "He".
const INVERTED_SUBJECT =
  /\b(?:says|said|adds|added|according to|writes|wrote|explains|explained|notes|noted|argues|argued)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u;

// "Asked about her plans, Ms Delgado laughed": after a fronted participle clause the name is the subject.
const FRONTED_SUBJECT =
  /(?:^|[.!?\n]["”’]?\s+)(?:Asked|Pressed|Speaking|Responding|Interviewed|Questioned|Writing)\b[^.!?\n]{0,150},\s*$/u;

/**
 * Collects named people and bodies in reading order. Titles come from the words around a name
 * ("leader Kim Jong-un", "Professor Ban Kil-joo of the …", "John Smith, a professor at Harvard,").
 */
export function collectEntities(text: string, skip: (pos: number) => boolean): Entity[] {
  const entities: Entity[] = [];
  // Surnames of the people named so far: "Kane, 30, is England's record goalscorer" after "Harry Kane" is him.
  const surnames = new Namesakes();
  for (const m of text.matchAll(RUN)) {
    const start = m.index ?? 0;
    if (skip(start)) continue;
    let tokens = m[0].split(/[ \t]+/);
    let offset = start;
    // Runs this long are title-cased headlines, not names, unless a title word leads a short name at the end:
    // "Los Angeles County Fire Chief Anthony Marrone" is Chief Anthony Marrone of the county's fire department.
    if (tokens.length > 6 && capitalisedCount(tokens, 0) > 6) {
      const k = titleBeforeName(tokens);
      if (k < 0) continue;
      offset += tokens.slice(0, k).join(' ').length + 1;
      tokens = tokens.slice(k);
    }
    while (tokens.length && CAPITALISED_FUNCTION_WORDS.has((tokens[0] ?? '').toLowerCase())) {
      offset += (tokens[0] ?? '').length + 1;
      tokens = tokens.slice(1);
    }
    if (!tokens.length) continue;
    const end = start + m[0].length;
    const entity = entityFrom(text, tokens.join(' '), offset, end, surnames);
    if (!entity) continue;
    entities.push(entity);
    if (entity.certain && !entity.institution && entity.tokens.length >= 2)
      surnames.add(entity.tokens[entity.tokens.length - 1]!, entity);
  }
  return entities;
}

/**
 * Index of the last title word followed by two or three name words that end the run, or -1. Particles are no name
 * words of their own: "European Commission President Ursula von der Leyen" is a title and a two-word name.
 */
function titleBeforeName(tokens: string[]): number {
  for (let k = tokens.length - 3; k > 0 && k >= tokens.length - 6; k--) {
    const names = capitalisedCount(tokens, k + 1);
    if (names >= 2 && names <= 3 && isTitleWord(tokens[k]!.toLowerCase().replace(/\.$/, ''))) return k;
  }
  return -1;
}

const capitalisedCount = (tokens: string[], from: number): number => {
  let n = 0;
  for (let i = from; i < tokens.length; i++) if (/^\p{Lu}/u.test(tokens[i]!)) n++;
  return n;
};

// "But Sen. Tom Harlan, R-Utah, said": a capitalised, abbreviated title stops the name's run at its full stop, so it is
// read back separately. Courtesy titles ("Mr.") say nothing about the type and are left out.
const ABBREVIATED_TITLE_BEFORE = /(?:^|[\s(])(\p{Lu}\p{Ll}{1,4}\.)[ \t]+$/u;
const COURTESY = new Set(['mr.', 'mrs.', 'ms.']);

function abbreviatedTitle(before: string): string {
  if (charBeforeBlanks(before) !== '.') return '';
  const t = ABBREVIATED_TITLE_BEFORE.exec(before)?.[1];
  return t && TITLE_WORDS.has(t.toLowerCase()) && !COURTESY.has(t.toLowerCase()) ? `${t} ` : '';
}

// "Secretary of State Brad Raffensperger": the run after "of" starts with the title's last word, not the name.
const OF_TITLE_BEFORE = /(?:^|[\s(])(\p{Lu}\p{Ll}{2,15})[ \t]+of[ \t]+$/u;

function ofTitle(before: string): string {
  if (charBeforeBlanks(before) !== 'f') return '';
  const t = OF_TITLE_BEFORE.exec(before)?.[1];
  return t && TITLE_WORDS.has(t.toLowerCase()) ? `${t} of ` : '';
}

const isTitleWord = (w: string) =>
  TITLE_WORDS.has(w) ||
  roleType(w) !== null ||
  /^(?:former|presidential|senior|chief|presumptive|acting|interim|incoming|outgoing|deputy|lead)$/.test(w);

const fronted = (before: string) => endsWithComma(before) && FRONTED_SUBJECT.test(before);

// Up to three words right before a name, each followed by spaces or tabs (bounded: linear in the text).
const WORDS_BEFORE = /((?:[\p{L}.-]{1,30}[ \t]+){1,3})$/u;

/**
 * "Chief executive Sarah Collins apologised.", "City manager Pep Guardiola blamed tiredness." — a name whose sentence
 * opens with its title (after the body's name, if any) is the sentence's subject,
 * the antecedent of the "she said" that follows, though the title's capital keeps the name's own run from starting
 * the sentence.
 */
function openingTitle(text: string, before: string, start: number): string | null {
  // Every word must be a title word, so the last one decides most names without the regex (the costlier part).
  const last = lastWordBeforeBlanks(before);
  if (last !== undefined && !isTitleWord(last.toLowerCase().replace(/\.$/, ''))) return null;
  const run = WORDS_BEFORE.exec(before)?.[1];
  if (!run) return null;
  const words = run.trim().split(/[ \t]+/);
  // Title words, after any capitalised ones naming whose title it is: "City manager Pep Guardiola blamed …".
  const body = words.findIndex(
    (w) =>
      !/^\p{Lu}/u.test(w) ||
      CAPITALISED_FUNCTION_WORDS.has(w.toLowerCase()) ||
      isTitleWord(w.toLowerCase().replace(/\.$/, '')),
  );
  const titled = words.slice(Math.max(0, body));
  if (body < 0 || !titled.every((w) => isTitleWord(w.toLowerCase().replace(/\.$/, '')))) return null;
  return isSentenceStart(text, start - run.length) ? `${words.join(' ')} ` : null;
}

function entityFrom(text: string, run: string, start: number, end: number, surnames: Namesakes): Entity | null {
  const before = text.slice(Math.max(0, start - 40), start);
  const scanFrom = lowerWordsScanFrom(before);
  LOWER_TITLE_BEFORE.lastIndex = scanFrom;
  const lowerBefore = scanFrom < 0 ? null : LOWER_TITLE_BEFORE.exec(before);
  const words = lowerBefore?.[1]?.split(/\s+/) ?? [];
  let from = words.length;
  while (from > 0 && isTitleWord(words[from - 1] ?? '')) from--;
  // The whole title when it opens the sentence ("Chief executive"), else its lowercase words or an abbreviation.
  const opening = openingTitle(text, before, start);
  const prefix =
    opening ?? (from < words.length ? `${words.slice(from).join(' ')} ` : abbreviatedTitle(before) || ofTitle(before));
  const after = text.slice(end, end + 160);
  const affiliation = AFFILIATION_AFTER.exec(after)?.[1]?.replace(/\s+(?:and|for|the|at|of)$/u, '') ?? null;
  const appositive = affiliation ? null : APPOSITIVE_AFTER.exec(after)?.[1];
  const party = PARTY_AFTER.exec(after)?.[0] ?? '';
  const described = affiliation ? ` of ${affiliation}` : appositive ? `, ${appositive}` : '';
  const parsed = parseMention(`${prefix}${run}${party}${described}`);
  if (!parsed.name || parsed.pronoun) return null;
  const title = parsed.title;
  const known = parsed.nameTokens.some((t) => POLITICIANS.has(t.toLowerCase()));
  // Longer capitalised runs are headlines and titles of works, not people's names.
  // The surname of someone surely a person named before is that person.
  const full = parsed.nameTokens.length === 1 ? surnames.get(parsed.nameTokens[0]!) : undefined;
  const surname = full !== undefined;
  // "Los Angeles", "Los Hijos de Trump" (a play): a Spanish or French plural article opens no person's name.
  const article = /^(?:Los|Las|Les)$/.test(parsed.nameTokens[0] ?? '');
  const personLike =
    !article && ((parsed.nameTokens.length >= 2 && parsed.nameTokens.length <= 4) || title !== null || surname);
  if (!parsed.institution && !personLike && (!known || article)) return null;
  // An untitled surname stands for the full name (a titled one lends its title to it: names.ts).
  const whole = full && !title ? full : null;
  if (whole) return { ...whole, start, subject: subjectAt(text, start, before, scanFrom, opening), alias: true };
  return {
    name: parsed.name,
    tokens: parsed.nameTokens,
    title,
    affiliation: parsed.affiliation,
    type: parsed.type,
    institution: parsed.institution,
    start,
    subject: subjectAt(text, start, before, scanFrom, opening),
    certain: title !== null || known || surname || genderOf(parsed.nameTokens[0] ?? null) !== null,
  };
}

function subjectAt(text: string, start: number, before: string, scanFrom: number, opening: string | null): boolean {
  return (
    isSentenceStart(text, start) ||
    opening !== null ||
    // Both need the name to follow whitespace after a lowercase word, or a comma: checked from the right first.
    (scanFrom >= 0 && INVERTED_SUBJECT.test(before)) ||
    fronted(text.slice(Math.max(0, start - 200), start)) ||
    OPENING_CONJUNCTION.test(text.slice(Math.max(0, start - 12), start))
  );
}

// "But Fiorina was far less bubbly: “…,” she recounted": a conjunction opening the sentence leaves the name its subject.
const OPENING_CONJUNCTION = /(?:^|[.!?\n]["”’]?\s+)(?:But|And|Yet|Still)\s+$/u;

import type { SpeakerType } from '../types';
import { CAPITALS, isPlaceName, MEDIA_NAMES, ORG_DESCRIPTORS, orgHeadType, POLITICIANS, roleType } from './lexicon';
import type { ParsedMention } from './mention';

/**
 * Speaker typing from the words of a mention: known outlets and capitals, institution heads ("… Institute"),
 * titles ("Professor"), affiliations ("of Korea University"), known politicians, then role nouns.
 */
const LEADERSHIP =
  /^(?:president|chairman|chairwoman|chair|director|head|chief|leader|spokesman|spokeswoman|spokesperson|founder|member|executive|officer|secretary)$/i;

export function isInstitution(m: ParsedMention): boolean {
  if (!m.name) return m.head !== null && orgHeadType(m.head) !== null && roleType(m.head) !== 'source';
  const lower = m.name.toLowerCase();
  const last = m.nameTokens[m.nameTokens.length - 1] ?? '';
  return (
    MEDIA_NAMES.has(lower) ||
    CAPITALS.has(lower) ||
    isPlaceName(m.nameTokens) ||
    orgHeadType(last) !== null ||
    describedAsBody(m) ||
    isAcronymBody(m)
  );
}

const lastWord = (s: string | null) => ((s ?? '').split(' ').pop() ?? '').toLowerCase().replace(/[,.;:]$/, '');

/** "Terminal operator ECT", "think tank Nuffield Trust": the words before the name say it is a body. */
export function describedAsBody(m: ParsedMention): boolean {
  return ORG_DESCRIPTORS.has(lastWord(m.title)) || ORG_DESCRIPTORS.has(lastWord(m.affiliation));
}

/**
 * "the NHS", "ECT": people are not written in capitals in running text, bodies are. Longer capitalised words
 * without "the" may be transcript speakers ("WALLACE:"), so only short ones count on their own.
 */
function isAcronymBody(m: ParsedMention): boolean {
  if (m.nameTokens.length !== 1) return false;
  const bare = (m.nameTokens[0] ?? '').replace(/[.&]/g, '');
  return /^\p{Lu}{2,6}$/u.test(bare) && (m.determiner === 'the' || bare.length <= 3);
}

export function typeOf(m: ParsedMention, tail: string): SpeakerType {
  const lastOf = (s: string | null) => (s ?? '').split(' ').pop() ?? '';
  if (m.name) {
    const lower = m.name.toLowerCase();
    if (MEDIA_NAMES.has(lower)) return 'media';
    if (CAPITALS.has(lower) || isPlaceName(m.nameTokens)) return 'official';
    const orgType = orgHeadType(lastOf(m.name));
    if (orgType) return orgType;
    if (describedAsBody(m) || isAcronymBody(m)) return 'organization';
    const titled = typeOfWords(m.title);
    const affiliated = typeOfWords(m.affiliation);
    // A president or spokesman speaks for the body they lead: "president of the Academy" is not a government official.
    if (titled && affiliated && LEADERSHIP.test(lastOf(m.title))) return affiliated;
    if (titled) return titled;
    const context = affiliated ?? typeOfWords(tail);
    if (context === 'official' || context === 'expert') return context;
    // "NBC's Lester Holt": a named person speaking for an outlet is a journalist.
    if (affiliated === 'media' || MEDIA_NAMES.has((m.affiliation ?? '').toLowerCase())) return 'media';
    if (m.nameTokens.some((t) => POLITICIANS.has(t.toLowerCase()))) return 'official';
    return 'person';
  }
  if (m.head) {
    return roleType(m.head) ?? orgHeadType(m.head) ?? typeOfWords(m.title) ?? typeOfWords(m.affiliation) ?? 'unknown';
  }
  return typeOfWords(m.title) ?? 'unknown';
}

/** The type of the last role or institution word in a phrase ("presidential nominee" → official). */
export function typeOfWords(phrase: string | null): SpeakerType | null {
  if (!phrase) return null;
  const words = phrase.split(/[\s/]+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] ?? '';
    const bare = w.replace(/[,.;:]$/, '');
    const t = roleType(w) ?? roleType(bare) ?? orgHeadType(bare);
    if (t) return t;
  }
  return null;
}

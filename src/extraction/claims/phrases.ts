/** Word-level pieces of a speaker mention: names, titles, role nouns, appositives and affiliations. */
import { CAPITALISED_FUNCTION_WORDS, orgHeadType, roleType, TITLE_WORDS } from './lexicon';

export const DETERMINERS = new Set(
  'the a an one another two three several some many other others most both his her their its our my your'.split(' '),
);
export const POSSESSIVE = /['’]s?$/u;

const isTitleWord = (w: string) => TITLE_WORDS.has(w) || roleType(w) !== null;

export function isNameToken(t: string): boolean {
  // "al-Jaber", "el-Sisi", "bin-Salman": a particle joined by a hyphen to a capitalised name is a name.
  const joined = HYPHENED_PARTICLE.exec(t);
  if (joined) return isNameToken(t.slice(joined[0].length));
  if (!/^\p{Lu}/u.test(t)) return false;
  const lower = t.toLowerCase();
  // "Director-General", "Secretary-General": a title written with a hyphen (each part a title word).
  return !CAPITALISED_FUNCTION_WORDS.has(lower) && !lower.split('-').every(isTitleWord);
}

/**
 * "The New York Times", "New Jersey Gov. Phil Murphy": "New" opens no name on its own ("New rules …"), but before a
 * capitalised name word it is that name's first word, not a title.
 */
export function isNameWordAt(words: string[], i: number): boolean {
  const w = words[i] ?? '';
  return isNameToken(w) || (w === 'New' && isNameToken(words[i + 1] ?? ''));
}

const HYPHENED_PARTICLE = /^(?:al|el|ad|an|ar|as|ash|at|az|abu|bin|ibn|bint|ben|da|de|di|du|van|von)-(?=\p{Lu})/u;

// Lower-case words inside names: "Osama bin Laden", "Beto de la Cruz", "Vincent van Gogh", "Ursula von der Leyen".
const PARTICLE = /^(?:bin|ibn|al|el|de|del|della|da|di|du|la|le|van|von|der|den|ter|dos|das)$/;

/** Whether tokens[i] belongs to a name read right to left: a capitalised word, or a particle between two. */
export function inName(tokens: string[], i: number): boolean {
  const t = tokens[i] ?? '';
  if (isNameWordAt(tokens, i)) return true;
  if (!PARTICLE.test(t) || i === 0 || i >= tokens.length - 1) return false;
  // "Ursula von der Leyen": particles in a row, after a capitalised word.
  let j = i - 1;
  while (j > 0 && PARTICLE.test(tokens[j] ?? '')) j--;
  return isNameToken(tokens[j] ?? '');
}

export function firstClause(tail: string): string {
  return tail.split(/,|\s(?:who|which|that|whose)\s/u)[0] ?? '';
}

const PREPOSITION = /^(?:of|at|for|from|in|with|on)$/i;
const isRoleWord = (w: string) => /^\p{Ll}/u.test(w) && (roleType(w) !== null || TITLE_WORDS.has(w));

function lastRoleWord(words: string[], limit: number): number {
  for (let i = limit - 1; i >= 0; i--) if (isRoleWord(words[i] ?? '')) return i;
  return -1;
}

/**
 * Only the appositive's first clause describes the person: ", a radio host who has been critical of Trump".
 * Its role noun with its modifiers is the title; a named body before or after it is the affiliation
 * ("a University of South Carolina political science professor", "the mayor of Fort Pierce").
 */
export function parseAppositive(tail: string): { role: string; affiliation: string | null } | null {
  if (/^(?:who|which|that|whose)\b/i.test(tail)) return null;
  const words = firstClause(tail).split(' ').filter(Boolean);
  const prep = words.findIndex((w, i) => i > 0 && PREPOSITION.test(w));
  let r = lastRoleWord(words, prep > 0 ? prep : words.length);
  if (r < 0) r = lastRoleWord(words, words.length);
  if (r < 0) return null;
  let l = r;
  while (
    l > 0 &&
    /^\p{Ll}/u.test(words[l - 1] ?? '') &&
    !DETERMINERS.has(words[l - 1] ?? '') &&
    !PREPOSITION.test(words[l - 1] ?? '')
  )
    l--;
  const before = words.slice(0, l);
  while (before.length && !/^\p{Lu}/u.test(before[0] ?? '')) before.shift();
  const named = (s: string | null | undefined) => (s && /\p{Lu}/u.test(s) ? s : null);
  return {
    role: words.slice(l, r + 1).join(' '),
    affiliation:
      named(affiliationFromTail(words.slice(r + 1).join(' '))) ?? named(before.join(' ').replace(POSSESSIVE, '')),
  };
}

export /** The role noun: the last word, or when that is no role (a tagger's loose span) the rightmost role word. */
function headOf(words: string[]): string | null {
  const clean = words.map((w) => w.toLowerCase().replace(POSSESSIVE, ''));
  const last = clean[clean.length - 1] ?? '';
  if (!last) return null;
  if (roleType(last) || orgHeadType(last)) return last;
  for (let i = clean.length - 2; i >= 0; i--) if (roleType(clean[i] ?? '')) return clean[i] ?? null;
  return last;
}

const HONORIFIC = /^(?:Sir|Dame|Lord|Lady|Baroness|Baron)$/;
const TITLE_MODIFIER = /^(?:Majority|Minority|Deputy|Assistant)$/;

export function splitTitle(words: string[]): { title: string | null; affiliation: string | null } {
  // "76-year-old", "and" (a coordinated list) are no titles.
  const kept = words.filter((w) => !/^\d|year-old$/.test(w));
  if (kept.some((w) => /^(?:and|or|&)$/i.test(w))) return { title: null, affiliation: null };
  let i = 0;
  while (i < kept.length && isNameWordAt(kept, i)) i++;
  // "Senate Majority Leader": the majority leads, the Senate is whose; "Majority Leader John Thune" has no body.
  while (i > 0 && TITLE_MODIFIER.test(kept[i - 1] ?? '')) i--;
  // "Assistant U.S. Attorney": a modifier opening the words is the title's, whatever capitalised words follow it.
  if (i > 0 && TITLE_MODIFIER.test(kept[0] ?? '')) i = 0;
  const title = kept.slice(i);
  // "retired judge Sir Martin Hale": the knighthood goes with the name, the title is "retired judge".
  while (title.length > 1 && HONORIFIC.test(title[title.length - 1] ?? '')) title.pop();
  // "Security researcher Katie Moussouris" opening a sentence: a field, capitalised as the sentence's first word,
  // before a lowercase title is part of the title, not a body the speaker belongs to.
  if (i === 1 && title.length && /^\p{Ll}/u.test(title[0]!) && FIELDS.has(kept[0]!.toLowerCase()))
    return { affiliation: null, title: [kept[0]!.toLowerCase(), ...title].join(' ') };
  // "Local MP Sarah Jenkins": so is a word that only qualifies the title, whatever the title's case.
  if (i === 1 && title.length && QUALIFIERS.has(kept[0]!.toLowerCase()))
    return { affiliation: null, title: [kept[0]!.toLowerCase(), ...title].join(' ') };
  return {
    affiliation: i > 0 ? kept.slice(0, i).join(' ') : null,
    title: title.length ? title.join(' ') : null,
  };
}
const QUALIFIERS = new Set('local senior top veteran longtime retired outgoing incoming interim'.split(' '));
const FIELDS = new Set(
  (
    'security health energy defense defence climate technology tech finance financial education immigration labor ' +
    'labour trade tax privacy legal political military police science environmental consumer civil foreign ' +
    'economic industry market markets oil medical public human rights campaign election polling data software'
  ).split(' '),
);

/** "the Guttmacher Institute, a research group that …": the name before a describing appositive, or null. */
export function nameBeforeDescription(text: string): string | null {
  return /^([^,]+),\s+(?:an?|the)\s/u.exec(text)?.[1] ?? null;
}

/** The named body a tail points to: "of the Earth Institute", "of constitutional law at Harvard Law School". */
export function affiliationFromTail(tail: string): string | null {
  const m = /^(?:of|at|from|for|with)\s+(?:the\s+)?([^,]+?)(?:,|\s+(?:who|which|that|and)\s|$)/iu.exec(tail);
  const phrase = m?.[1];
  if (!phrase || /^(?:the\s+)?(?:matter|situation|issue|talks|case|discussions|plan)\b/i.test(phrase)) return null;
  if (/^\p{Lu}/u.test(phrase)) return phrase;
  return /\s(?:at|of|from|for)\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(phrase)?.[1] ?? phrase;
}

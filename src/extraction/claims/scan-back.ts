/**
 * Right-to-left checks on the text just before a name. The entity regexes that look there (a lowercase title,
 * a speech verb, a fronted clause) must match up to the name; run left to right over the 40–200 characters
 * before every capitalised run they cost a few per cent of extraction. Reading the last few characters first
 * tells when they cannot match, or where their leftmost match can start at the earliest: never a different
 * answer, only a shorter scan.
 */

const SPACE = /\s/;
const LOWER = /[\p{Ll}-]/u;

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
// Every \s character is a single UTF-16 unit outside the surrogates, so one unit decides.
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 128 && !isSurrogate(c) && SPACE.test(String.fromCharCode(c)));
// [\p{Ll}-] for one unit; a surrogate (an astral letter, maybe lowercase) is left undecided.
const isLower = (c: number): boolean =>
  (c >= 97 && c <= 122) || c === 45 || (c >= 128 && LOWER.test(String.fromCharCode(c)));

/**
 * For /(?:^|[\s(])((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+$/u over `s`: -1 when it cannot match, else an index at or
 * before its leftmost match. Whitespace and lowercase runs are disjoint, so a match's words are whole runs among
 * the last three before the trailing whitespace, and it starts at the earliest one's first letter or the unit before.
 */
export function lowerWordsScanFrom(s: string): number {
  let j = s.length;
  let wordStart = -1;
  for (let words = 0; words < 3; words++) {
    const end = j;
    while (j > 0 && isSpace(s.charCodeAt(j - 1))) j--;
    if (j === end) break;
    const spaced = j;
    while (j > 0 && isLower(s.charCodeAt(j - 1))) j--;
    if (j > 0 && isSurrogate(s.charCodeAt(j - 1))) return 0;
    if (j === spaced) break;
    wordStart = j;
  }
  return wordStart < 0 ? -1 : Math.max(0, wordStart - 1);
}

/** False when `s` cannot end /,\s*$/ (a fronted clause's comma just before the name). */
export function endsWithComma(s: string): boolean {
  let j = s.length;
  while (j > 0 && isSpace(s.charCodeAt(j - 1))) j--;
  return j > 0 && s.charCodeAt(j - 1) === 44;
}

/** Where the spaces and tabs ending `s` begin (`s.length` when none do): the title regexes' trailing [ \t]+. */
function endBeforeBlanks(s: string): number {
  let j = s.length;
  while (j > 0 && (s.charCodeAt(j - 1) === 32 || s.charCodeAt(j - 1) === 9)) j--;
  return j;
}

/** The character before the spaces or tabs that end `s`; '' when none end it (a regex needing [ \t]+$ fails). */
export function charBeforeBlanks(s: string): string {
  const j = endBeforeBlanks(s);
  return j < s.length && j > 0 ? s[j - 1]! : '';
}

const WORD = /[\p{L}.-]/u;

/**
 * The last word /((?:[\p{L}.-]{1,30}[ \t]+){1,3})$/u would read: the letters, periods and hyphens (at most 30)
 * before the spaces or tabs that end `s`; '' when it cannot match. Undefined past a surrogate (an astral letter,
 * which the regex reads as one).
 */
export function lastWordBeforeBlanks(s: string): string | undefined {
  const end = endBeforeBlanks(s);
  if (end === s.length) return '';
  let j = end;
  while (j > 0 && end - j < 30) {
    if (isSurrogate(s.charCodeAt(j - 1))) return undefined;
    if (!WORD.test(s[j - 1]!)) break;
    j--;
  }
  return s.slice(j, end);
}

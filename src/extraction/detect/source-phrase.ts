import { CAPITALISED_FUNCTION_WORDS, TITLE_WORDS } from '../claims/lexicon';
import { type Draft, run } from './draft';
import { FINITE_VERBS, OPEN_ENDS } from './speaker-edges';
import { opensPredicate } from './subject-appositive';
import type { Token } from './tokenize';

const ARTICLES = new Set(['a', 'an', 'the']);
// Where the noun phrase after the article ends: a preposition ("A federal judge | on Tuesday"), a conjunction, a
// relative pronoun, another determiner ("the Supreme Court | this month"), or a verb ("a picture | taken").
const PHRASE_ENDS = new Set(
  [
    'on in at for with from by of to after before during over into amid about against as',
    'and or but nor who which that whose whom when while',
    'this these those his her its their our my a an the last next',
    'taken given written known shown seen done gone',
  ]
    .join(' ')
    .split(' '),
);
const MAX_PHRASE_WORDS = 5;
const COMPARATIVES = new Set(['more', 'less', 'fewer', 'most', 'least']);

/**
 * "A federal judge on Tuesday temporarily blocked a Texas law …, saying …": the tagger marked the article alone as the
 * source, and an article names nobody, so the claim came out with no speaker. The source takes the noun phrase the
 * article opens, up to the first preposition, conjunction, verb or punctuation: "A federal judge". Not when the cue
 * follows the article ("A common refrain", "The criticism of"): the cue is that phrase's noun.
 */
export function nounAfterArticle(tokens: Token[], words: string[], cueAt: Uint8Array, d: Draft): Draft {
  const s = d.source[0];
  const cue = d.cue[0];
  if (d.source.length !== 1 || !s || s.first !== s.last || !ARTICLES.has(words[s.first]!)) return d;
  if (!cue || cue.first <= s.last + 1) return d;
  // "The more Democrats learn about Bernie Sanders, the more …": a comparison, not a noun phrase.
  if (COMPARATIVES.has(words[s.first + 1]!)) return d;
  let last = s.last;
  for (let k = s.first + 1; k < cue.first && k - s.first <= MAX_PHRASE_WORDS; k++) {
    const w = words[k]!;
    // "the Rev. Al Sharpton": an abbreviation's full stop; the phrase is not read past it, nor taken short of it.
    if (tokens[k]!.text === '.') return d;
    if (cueAt[k] || tokens[k]!.sent !== tokens[s.first]!.sent || !/^[\p{L}][\p{L}'’-]*$/u.test(tokens[k]!.text)) break;
    if (PHRASE_ENDS.has(w) || FINITE_VERBS.has(w) || opensPredicate(tokens[k]!.text) || /ly$/.test(w)) break;
    last = k;
  }
  return last === s.last ? d : { ...d, source: [run(s.first, last)] };
}

/** Lowercase words inside a body's name: "National Right to Life", "the Office of the Inspector General". */
export const NAME_LINKS = new Set(['of', 'for', 'to', 'and', 'on', 'the']);
// A headline capitalises its function words ("Marco Rubio Responds To Question About …", "Hollywood Actor Who
// Endorsed …"): a name holds them in lowercase only.
const HEADLINE_WORDS = new Set(
  'to about by who why after before for of on in the a an and with from as at is was are says said just over how what'.split(
    ' ',
  ),
);
const words = (tokens: Token[], k: number): string => tokens[k]!.text.toLowerCase();
/** A token written as a name's word: "Right", "U.S.", "AT&T". */
export const capitalised = (t: Token | undefined): boolean => !!t && /^\p{Lu}[\p{L}.&'’-]*$/u.test(t.text);

/**
 * "National | Right to Life said": the tagger closed the source inside a body's name, and "National" was typed
 * nobody. A source ending on a capitalised word takes the rest of the name when the name runs right up to the cue
 * (capitalised words, linked by "of", "for", "to", "and", "on" or "the" before another capitalised word).
 */
export function wholeNameToCue(tokens: Token[], d: Draft): Draft {
  const s = d.source[d.source.length - 1];
  const cue = d.cue[0];
  if (!s || !cue || cue.first <= s.last + 1 || !capitalised(tokens[s.last])) return d;
  // Capitalised function words in the source already ("Obama To"): a headline.
  for (let k = s.first + 1; k <= s.last; k++)
    if (capitalised(tokens[k]) && HEADLINE_WORDS.has(words(tokens, k))) return d;
  let k = s.last + 1;
  while (k < cue.first) {
    const t = tokens[k]!;
    if (t.sent !== tokens[s.last]!.sent) return d;
    if (capitalised(t) && !HEADLINE_WORDS.has(t.text.toLowerCase())) k++;
    else if (
      NAME_LINKS.has(t.text) &&
      (capitalised(tokens[k + 1]) || (tokens[k + 1]?.text === 'the' && capitalised(tokens[k + 2])))
    )
      k++;
    else return d;
  }
  return { ...d, source: [...d.source.slice(0, -1), run(s.first, cue.first - 1)] };
}

/**
 * "as Work and | Pensions Secretary Pat McFadden said": a source opening on a capitalised body word right before a
 * capitalised title (or on that title) takes the "X and" the tagger left before it, when capitalised words close it on
 * that side.
 */
export function bodyBeforeTitle(tokens: Token[], words: string[], cueAt: Uint8Array, d: Draft): Draft {
  const s = d.source[0];
  if (!s) return d;
  // The body word itself may have been left out too ("Pensions | Secretary Pat McFadden").
  const title = TITLE_WORDS.has(words[s.first]!) ? s.first : s.first + 1;
  const body = title - 1;
  if (body < 2 || title > s.last || !TITLE_WORDS.has(words[title]!) || words[body - 1] !== 'and') return d;
  if (!capitalised(tokens[body]) || !capitalised(tokens[title])) return d;
  let k = body - 2;
  if (!capitalised(tokens[k]) || cueAt[k] || tokens[k]!.sent !== tokens[s.first]!.sent) return d;
  while (k > 0 && capitalised(tokens[k - 1]) && !cueAt[k - 1] && tokens[k - 1]!.sent === tokens[k]!.sent) k--;
  if (HEADLINE_WORDS.has(words[k]!) || (k === body - 2 && CAPITALISED_FUNCTION_WORDS.has(words[k]!))) return d;
  return { ...d, source: [run(k, s.last), ...d.source.slice(1)] };
}

const DANGLING = new Set([...OPEN_ENDS, 'to', 'and']);
const MAX_PLACE_WORDS = 4;

/**
 * "Sen.[source] Chris Murphy of | Connecticut voted against it, arguing …": no speaker's phrase ends on a preposition or
 * an article. What it opened is taken in when capitalised words follow ("of Connecticut"); otherwise it is dropped.
 */
export function noDanglingEnd(tokens: Token[], words: string[], cueAt: Uint8Array, d: Draft): Draft {
  const s = d.source[d.source.length - 1];
  if (!s || s.last === s.first || !DANGLING.has(words[s.last]!)) return d;
  let k = s.last + 1;
  while (
    k <= s.last + MAX_PLACE_WORDS &&
    capitalised(tokens[k]) &&
    !cueAt[k] &&
    tokens[k]!.sent === tokens[s.last]!.sent &&
    !HEADLINE_WORDS.has(words[k]!)
  )
    k++;
  if (k > s.last + 1) return { ...d, source: [...d.source.slice(0, -1), run(s.first, k - 1)] };
  let last = s.last;
  while (last > s.first && DANGLING.has(words[last]!)) last--;
  return { ...d, source: [...d.source.slice(0, -1), run(s.first, last)] };
}

// A study's roles the tagger splits ("said lead | author Mingyang Song"). Not "former", "chief", "top": those open
// descriptions of someone else's aide ("a former top aide to President George W. Bush").
const TITLE_QUALIFIERS = new Set(['lead', 'senior', 'principal']);
const STUDY_ROLES = new Set(
  'author authors investigator investigators researcher researchers scientist economist'.split(' '),
);

/** A source opening on a study's role takes the qualifier the tagger left before it, when no cue word is there. */
export function qualifierToSource(tokens: Token[], words: string[], cueAt: Uint8Array, d: Draft): Draft {
  const s = d.source[0];
  if (!s || s.first === 0 || d.source.length !== 1) return d;
  const k = s.first - 1;
  if (cueAt[k] || !TITLE_QUALIFIERS.has(tokens[k]!.text) || tokens[k]!.sent !== tokens[s.first]!.sent) return d;
  if (!STUDY_ROLES.has(words[s.first]!)) return d;
  // The content already ends on it ("…,” lead author …" with the quote's tail): the content's own repairs decide.
  if (d.content.some((r) => r.first <= k && k <= r.last)) return d;
  return { ...d, source: [run(k, s.last)] };
}

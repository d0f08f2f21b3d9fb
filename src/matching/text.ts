/**
 * Text handling for matching, pure: a tweet or a claim becomes the words that say what is claimed.
 * Tweets carry furniture (links, "— Name (@handle) January 6, 2020", pic.twitter.com) that says nothing
 * about the claim and would match every other tweet of the same person.
 */

const TWEET_SIGNATURE = /[—–-]{1,2}\s*[^—–\n]{0,80}\(@\w+\)\s*\w+\s+\d{1,2},\s*\d{4}\s*$/u;
// No word boundary in front: tweets glue links to the last word ("#Minecrafthttps://t.co/…", "act.pic.twitter.com/…").
const URL = /(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+/giu;
const HANDLE = /(^|\s)@\w+/gu;

/**
 * The words a candidate search should look for: links go, but hashtags and handles become words
 * ("#BorderWall" → "Border Wall", "@realDonaldTrump" → "real Donald Trump") and the signature stays, since
 * fact-checks name the people and slogans that tweets tag. Measured on CheckThat! 2020 dev, this finds 92 %
 * of the gold fact-checks in the top 50 where the stripped text found 84 %.
 */
export function searchText(text: string): string {
  return splitTags(text.replace(URL, ' ').replace(SIGNATURE_DAY, ') $1 $2'), /[#@](\w+)/gu);
}

/**
 * The signature's day of the month goes (its month and year stay, as fact-checks say "in September 2019"):
 * "10" matches a tenth of the library, which made the search twice as slow and found no more gold.
 */
const SIGNATURE_DAY = /\)\s*(\p{L}+)\s+\d{1,2},\s*(\d{4})\s*$/u;

/** The claim itself: no links, handles or signature; hashtags read as words. */
export function stripFurniture(text: string): string {
  // A signature and a handle both need an "@", which a news claim rarely has: then only links can go.
  const bare = text.includes('@')
    ? text.replace(TWEET_SIGNATURE, ' ').replace(URL, ' ').replace(HANDLE, ' ')
    : text.replace(URL, ' ');
  return splitTags(bare, /#(\w+)/gu);
}

function splitTags(text: string, tag: RegExp): string {
  const split = (t: string) =>
    t
      .replace(/_/g, ' ')
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2');
  const spaced = text.replace(tag, (_, t: string) => ` ${split(t)} `);
  // Most texts are spaced one plain space at a time already: rewriting each space was most of this.
  return (IRREGULAR_SPACE.test(spaced) ? spaced.replace(/\s+/g, ' ') : spaced).trim();
}

/** Two white-space characters in a row, or one that is not a plain space: what `\s+` → " " would change. */
const IRREGULAR_SPACE = /\s\s|[^\S ]/;

const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom why will
  with would you your yours yourself yourselves rt amp via says said just like get got also us one new`
    .split(/\s+/)
    .filter(Boolean),
);

/** Word tokens, lowercased, apostrophes kept inside words ("didn't"); numbers keep their digits ("3.5", "1,000" → "1000"). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu)) {
    // Most words have no apostrophe, point or comma: the replacements run only on those that do (every
    // claim matched and every fact-check counted goes through here, and the replacements were most of it).
    let w = m[0];
    if (!INNER.test(w)) {
      out.push(w);
      continue;
    }
    w = w.replace(/’/g, "'");
    if (/^\d[\d,.]*$/.test(w)) w = w.replace(/,/g, '');
    else w = w.replace(/'s$/, '').replace(/[.,]/g, '');
    if (w) out.push(w);
  }
  return out;
}

const INNER = /['’.,]/;

/** A light suffix stripper: enough to meet "vaccines"/"vaccine" and "banned"/"bans"/"ban" in the middle. */
export function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    if (stems.size >= STEMS_SIZE) stems.clear();
    known = stemOnce(word);
    stems.set(word, known);
  }
  return known;
}

/**
 * Stems by word: a few thousand words make up most of what is matched, and stemming each anew (a dozen
 * suffix tests and two regular expressions) was a fifth of the tokenising time. Bounded like the
 * features' memo.
 */
const stems = new Map<string, string>();
const STEMS_SIZE = 100_000;

function stemOnce(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ly', 'ment', 'ness', 'ation', 'ations']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "banned" → "bann" → "ban", "stopping" → "stopp" → "stop".
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

export const isStopWord = (w: string) => STOP.has(w);
export const isNumber = (w: string) => /^\d/.test(w);

/** Content terms: stemmed words without stop words, in order. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP.has(w))
    .map(stem);
}

/** Capitalised words not at a sentence start, and acronyms: the names a claim is about. */
export function entities(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![.!?]\s|^)\b(\p{Lu}[\p{L}'’]+|\p{Lu}{2,})\b/gu)) {
    const w = m[1]!.toLowerCase().replace(/['’]s$/, '');
    if (!STOP.has(w)) out.add(stem(w));
  }
  return out;
}

const SIGNATURE_NAME = /[—–-]{1,2}\s*([^—–\n(]{1,80})\(@\w+\)\s*\w+\s+\d{1,2},\s*\d{4}\s*$/u;

/** The terms of the name a tweet is signed with ("— Ilhan Omar (@IlhanMN) January 6, 2020"): who says it. */
export function signatureTerms(text: string): Set<string> {
  // A signature has an "@", which a news claim rarely has (as in stripFurniture): then no pattern runs.
  const name = text.includes('@') ? SIGNATURE_NAME.exec(text)?.[1] : undefined;
  return new Set(name ? terms(name) : []);
}

export function countWords(text: string): number {
  return words(text).length;
}

/**
 * Tokens with UTF-16 offsets, plus the layout facts the tagger needs: paragraph, sentence and
 * whether a token sits inside a quotation. One linear pass; no regex that can backtrack.
 */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Paragraph index: paragraphs are separated by line breaks. */
  para: number;
  /** Sentence index, global over the text. */
  sent: number;
  /** Inside a quotation (the quote marks themselves excluded). */
  inQuote: boolean;
  /** 'open' / 'close' for quote-mark tokens, '' otherwise. */
  quote: '' | 'open' | 'close';
}

// A word: letters/digits joined by inner hyphens, dots, apostrophes ("U.S", "don't", "Kil-joo");
// a trailing possessive "'s" is split off because PolNeAR sources end before it. Numbers keep their thousands
// separators ("400,000": split at the comma, its tail would start a clause of its own) and their per cent sign.
const WORD =
  /\p{N}{1,3}(?:,\p{N}{3})+(?![\p{N}\p{L}])(?:\.\p{N}+)?%?|\p{N}+(?:\.\p{N}+)?%|[\p{L}\p{N}\p{M}]+(?:(?:[-.&]|['’](?![sS](?![\p{L}\p{N}])))[\p{L}\p{N}\p{M}]+)*|''|``|\S/uy;
const OPENERS = new Set(['“', '‘', '«', '„', '``']);
const CLOSERS = new Set(['”', '’', '»']);
/** Longest quotation we believe; beyond it an unclosed quote mark is treated as a stray. */
export const MAX_QUOTE_TOKENS = 400;

/** The token at i as WORD reads it (a text character that is neither space nor word: itself). */
export function wordAt(text: string, i: number): string {
  WORD.lastIndex = i;
  return WORD.exec(text)?.[0] ?? text[i]!;
}

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAsciiAlnum = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57);
// After a word, these may join it to more word (see WORD); 0x27 is the apostrophe.
const isJoiner = (c: number): boolean => c === 45 || c === 46 || c === 38 || c === 0x27;

/**
 * The token WORD would match at i when that is plain to see without it, else undefined: most tokens are ASCII
 * words ended by ASCII space or punctuation, or one ASCII punctuation mark, and a regex run (and match array)
 * per token cost some 4 % of `fast` extraction. A digit may start a number with separators, a quote or
 * backtick may be doubled, a joiner or a non-ASCII letter or mark may continue a word: those go to WORD.
 */
function asciiToken(text: string, i: number): string | undefined {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c)) {
    let j = i + 1;
    while (j < text.length && isAsciiAlnum(text.charCodeAt(j))) j++;
    const next = text.charCodeAt(j);
    return j < text.length && (next >= 128 || isJoiner(next)) ? undefined : text.slice(i, j);
  }
  // Printable ASCII, not a letter or digit, not a quote or backtick that may be doubled: a token by itself.
  if (c >= 33 && c <= 126 && !isAsciiAlnum(c) && c !== 0x27 && c !== 0x60) return text[i]!;
  return undefined;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let para = 0;
  let sent = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      // A line break ends paragraph and sentence.
      if (tokens.length && tokens[tokens.length - 1]!.para === para) {
        para++;
        sent++;
      }
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b)) {
      i++;
      continue;
    }
    const t = asciiToken(text, i) ?? wordAt(text, i);
    const tok: Token = { start: i, end: i + t.length, text: t, para, sent, inQuote: false, quote: '' };
    tokens.push(tok);
    i += t.length;
    const prevWord = tokens[tokens.length - 2]?.text ?? '';
    if (
      (t === '.' || t === '!' || t === '?') &&
      !(t === '.' && initialBefore(text, i, prevWord)) &&
      endsSentence(text, i)
    )
      sent++;
  }
  markQuotes(tokens);
  return tokens;
}

// Titles and initials before a name: "Mr. Obama", "Gov. Mike Pence", "Donald J. Trump", "U.S. officials".
const ABBREVIATIONS = new Set(
  'mr mrs ms dr gov sen rep gen lt col sgt capt prof st jr sr rev hon pres sec atty supt cmdr adm maj no vs u.s u.k u.n d.c jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/**
 * Whether the full stop ending at `i` closes an abbreviation or initial rather than the sentence. A single capital
 * before a quotation mark is a name, not an initial: "… in a post on X. “Georgians deserve …”".
 */
function initialBefore(text: string, i: number, word: string): boolean {
  if (!isAbbreviation(word)) return false;
  return !(word.length === 1 && text[i] === ' ' && /["“‘]/.test(text[i + 1] ?? ''));
}

export function isAbbreviation(word: string): boolean {
  // "the Harvard T.H. Chan School": initials joined by full stops, as "U.S." is.
  return (
    (word.length === 1 && /\p{Lu}/u.test(word)) || ABBREVIATIONS.has(word.toLowerCase()) || DOTTED_INITIALS.test(word)
  );
}
const DOTTED_INITIALS = /^(?:\p{Lu}\.)+\p{Lu}$/u;

const WIRE_AFTER_DATELINE = /^\(\p{Lu}[\p{L}.& ]{0,25}\)\s*[-–—―]/u;

/** A full stop ends a sentence when followed (after closing quotes/brackets) by space and a capital or quote. */
function endsSentence(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && j < i + 3 && /["”’')\]]/.test(text[j]!)) j++;
  if (j >= text.length) return true;
  if (text[j] !== ' ' && text[j] !== '\u00a0') return false;
  // Some copy puts two spaces, or a no-break space, after the stop.
  while (text[j + 1] === ' ' || text[j + 1] === '\u00a0') j++;
  const next = text[j + 1] ?? '';
  // "OMAHA, Neb. (AP) — …": a dateline's state abbreviation, then the wire in brackets and a dash, ends nothing.
  if (next === '(' && WIRE_AFTER_DATELINE.test(text.slice(j + 1, j + 40))) return false;
  // "… he said. ''But most …'': a quotation opened with two apostrophes (see markQuotes) starts a sentence too.
  return /[\p{Lu}\p{N}"“‘(]/u.test(next) || (next === "'" && text[j + 2] === "'");
}

/** Marks quote spans per paragraph; unclosed quotes run to the paragraph end (news style for multi-paragraph quotes). */
function markQuotes(tokens: Token[]): void {
  let open = -1;
  let para = -1;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.para !== para) {
      para = tok.para;
      open = -1;
    }
    const t = tok.text;
    // Some archives (the NYT's among them) write quotation marks as two apostrophes.
    const straight = t === '"' || t === "''";
    const isOpen = OPENERS.has(t) || (straight && open < 0);
    const isClose = CLOSERS.has(t) || (straight && open >= 0);
    // An apostrophe ’ closes only a ‘ quote; elsewhere it is a contraction or possessive mark.
    if (t === '’' && (open < 0 || tokens[open]!.text !== '‘')) continue;
    if (t === '‘' && open >= 0) continue;
    if (isClose && open >= 0) {
      tok.quote = 'close';
      for (let q = open + 1; q < k; q++) tokens[q]!.inQuote = true;
      open = -1;
    } else if (isOpen && open < 0) {
      tok.quote = 'open';
      open = k;
    }
    if (open >= 0 && k - open > MAX_QUOTE_TOKENS) open = -1;
    const next = tokens[k + 1];
    if (open >= 0 && (!next || next.para !== para)) {
      for (let q = open + 1; q <= k; q++) tokens[q]!.inQuote = true;
    }
  }
}

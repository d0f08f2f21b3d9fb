import { AppError } from '../errors';

/**
 * What a search box sends, for Postgres: `websearch_to_tsquery` understands words, "phrases", `or` and
 * `-excluded` but not prefixes, so each `word*` outside quotes is swapped for a placeholder word that
 * websearch_to_tsquery keeps as it is, and the SQL then replaces that placeholder with `'word':*`
 * (see `tsquery` in repository.ts). So `renew* or tax`, `-renew*` and `"a phrase" renew*` all mean
 * what they say. Pure: no I/O.
 */
export interface ParsedQuery {
  /** For websearch_to_tsquery, with a placeholder where each prefix was. */
  text: string;
  /** The prefixes in order (lower case letters and digits), one per placeholder. */
  prefixes: string[];
}

const MAX_PREFIXES = 26;
// A prefix term outside quotes: optional minus, letters or digits, then a star.
const PREFIX = /(^|\s)(-?)([\p{L}\p{N}]+)\*(?=\s|$)/gu;

export function parseSearch(q: string): ParsedQuery {
  const prefixes: string[] = [];
  // Only the parts outside "quotes" may hold prefixes; quoted phrases pass through untouched.
  const text = q
    .split(/("[^"]*"?)/)
    .map((part) =>
      part.startsWith('"')
        ? part
        : part.replace(PREFIX, (whole, space: string, minus: string, stem: string) => {
            if (prefixes.length >= MAX_PREFIXES) return whole;
            prefixes.push(stem.toLowerCase());
            return `${space}${minus}${placeholder(prefixes.length - 1)}`;
          }),
    )
    .join('')
    .replace(/\*/g, ' ')
    .trim();
  return { text, prefixes };
}

/** A word no text contains and no stemmer changes: "pfxqqa", "pfxqqb", … */
export const placeholder = (i: number) => `pfxqq${String.fromCharCode(97 + i)}`;

/** The marks ts_headline puts around matches; control characters never occur in stored text. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** Removes the marks and returns where they were, as [start, end) offsets into the clean snippet. */
export function highlightsOf(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_START) open = snippet.length;
    else if (ch === MARK_END) {
      if (open >= 0 && snippet.length > open) {
        const last = highlights[highlights.length - 1];
        // Adjacent words of a phrase read as one highlight.
        if (last && (last[1] === open || snippet.slice(last[1], open) === ' ')) last[1] = snippet.length;
        else highlights.push([open, snippet.length]);
      }
      open = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}

export interface SearchCursor {
  score: number;
  id: string;
  /** When the first page was asked for (ms since the epoch): later pages rank only what existed then. */
  asOf?: number;
}

export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.score, c.id, c.asOf])).toString('base64url');
}

export function decodeSearchCursor(cursor: string): SearchCursor {
  try {
    const [score, id, asOf] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof score === 'number' && Number.isFinite(score) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) {
      // Cursors issued before `asOf` existed still work (their window moves as before).
      if (asOf === undefined || asOf === null) return { score, id };
      if (Number.isSafeInteger(asOf) && (asOf as number) > 0 && (asOf as number) < 8.64e15) {
        return { score, id, asOf: asOf as number };
      }
    }
  } catch {}
  throw new AppError('invalid_cursor', 400, 'The cursor is not one this API issued; start again without it.');
}

import { AppError } from '../errors';

/**
 * What a search box sends, split for Postgres: `websearch_to_tsquery` understands words, "phrases", `or`
 * and `-excluded` but not prefixes, so each `word*` is taken out and becomes a `word:*` term of
 * `to_tsquery`, AND-ed with the rest. Pure: no I/O.
 */
export interface ParsedQuery {
  /** For websearch_to_tsquery; '' when the query has only prefixes. */
  words: string;
  /** For to_tsquery ('run:* & !tax:*'); '' when there are no prefixes. */
  prefixes: string;
}

// A prefix term outside quotes: optional minus, letters or digits, then a star.
const PREFIX = /(^|\s)(-?)([\p{L}\p{N}]+)\*(?=\s|$)/gu;

export function parseSearch(q: string): ParsedQuery {
  const prefixes: string[] = [];
  // Only the parts outside "quotes" may hold prefixes; quoted phrases pass through untouched.
  const parts = q.split(/("[^"]*"?)/);
  const words = parts
    .map((part) =>
      part.startsWith('"')
        ? part
        : part.replace(PREFIX, (_, space: string, minus: string, stem: string) => {
            prefixes.push(`${minus ? '!' : ''}'${stem.toLowerCase()}':*`);
            return space;
          }),
    )
    .join('')
    .replace(/\*/g, ' ')
    .trim();
  return { words, prefixes: prefixes.join(' & ') };
}

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
}

export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.score, c.id])).toString('base64url');
}

export function decodeSearchCursor(cursor: string): SearchCursor {
  try {
    const [score, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof score === 'number' && Number.isFinite(score) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) {
      return { score, id };
    }
  } catch {}
  throw new AppError('invalid_cursor', 400, 'The cursor is not one this API issued; start again without it.');
}

import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../errors';

/** One line of the feed (1-based), or one element of a JSON array. */
export interface SourceLine {
  line: number;
  value: unknown;
  /** Set instead of `value` when the line is not JSON. */
  parseError?: string;
}

export class BodyTooLarge extends AppError {
  constructor(limitBytes: number, importId?: string) {
    super(
      'payload_too_large',
      413,
      `The import exceeds the limit of ${limitBytes} bytes; lines after the limit were not read.`,
      {
        limit: limitBytes,
        ...(importId ? { import_id: importId } : {}),
      },
    );
  }
}

/**
 * Splits an NDJSON stream into parsed lines without ever holding more than one line (plus one chunk).
 * `for await` over the stream reads a chunk only when the consumer asks for the next line, so a slow
 * database slows the upload down instead of filling memory.
 */
export async function* ndjsonLines(
  stream: AsyncIterable<Buffer | string>,
  limitBytes: number,
): AsyncGenerator<SourceLine> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let pending = '';
  let line = 0;
  for await (const chunk of stream) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > limitBytes) throw new BodyTooLarge(limitBytes);
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = pending.indexOf('\n', start); nl !== -1; nl = pending.indexOf('\n', start)) {
      line++;
      const parsed = parseLine(line, pending.slice(start, nl));
      start = nl + 1;
      if (parsed) yield parsed;
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending.trim()) {
    const parsed = parseLine(line + 1, pending);
    if (parsed) yield parsed;
  }
}

function parseLine(line: number, text: string): SourceLine | undefined {
  // Blank lines (and a trailing \r from Windows files) are formatting, not articles.
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    return { line, value: JSON.parse(trimmed) };
  } catch (err) {
    return { line, value: undefined, parseError: `not valid JSON: ${(err as Error).message}` };
  }
}

/**
 * A JSON array read as a stream: element n is "line" n. Used when the body parser has left the body alone;
 * a malformed element is reported like a bad line, but a broken array (no `[`) fails the whole import.
 */
export async function* jsonArrayLines(
  stream: AsyncIterable<Buffer | string>,
  limitBytes: number,
): AsyncGenerator<SourceLine> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let item = '';
  let line = 0;
  for await (const chunk of stream) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > limitBytes) throw new BodyTooLarge(limitBytes);
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let from = 0;
    for (let i = 0; i < text.length && !ended; i++) {
      const c = text[i];
      if (!started) {
        if (c === '[') {
          started = true;
          from = i + 1;
        } else if (c !== undefined && !/\s/.test(c))
          throw new AppError('malformed_json', 400, 'A JSON import must be an array of articles.');
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || (c === ']' && depth > 0)) depth--;
      else if (depth === 0 && (c === ',' || c === ']')) {
        const parsed = parseLine(line + 1, item + text.slice(from, i));
        item = '';
        from = i + 1;
        if (parsed) yield { ...parsed, line: ++line };
        ended = c === ']';
      }
    }
    if (started && !ended) item += text.slice(from);
  }
}

/** A JSON array already parsed by the body parser (up to BODY_LIMIT): element n is "line" n. */
export async function* arrayLines(items: unknown[]): AsyncGenerator<SourceLine> {
  for (let i = 0; i < items.length; i++) yield { line: i + 1, value: items[i] };
}

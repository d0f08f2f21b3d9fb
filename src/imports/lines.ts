import { createHash, type Hash } from 'node:crypto';
import { AppError } from '../errors';
import { invalidUtf8Offset } from '../http/text';

/** One line of the feed (1-based), or one element of a JSON array. */
export interface SourceLine {
  line: number;
  value: unknown;
  /** Set instead of `value` when the line is not JSON (or too long, or not UTF-8). */
  parseError?: string;
}

export interface FeedLimits {
  /** The whole body; beyond it the import stops with 413. */
  limitBytes: number;
  /** One line (one article); a longer line is skipped without being held and counted invalid. */
  maxLineBytes: number;
  /**
   * Fed every byte of every line, in order, before that line is yielded: when line N comes out, the hash
   * covers exactly lines 1..N. That is what lets a resumed import prove it got the same feed again.
   */
  hash?: Hash;
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

const NEWLINE = 0x0a;

/** A size as BODY_LIMIT writes it (`2mb`, `512kb`) in bytes. */
export function bytesOf(size: string): number {
  const m = /^(\d+)(kb|mb)$/i.exec(size);
  if (!m) throw new Error(`not a size: ${size}`);
  return Number(m[1]) * (m[2]!.toLowerCase() === 'mb' ? 1024 * 1024 : 1024);
}

/**
 * Splits an NDJSON stream into parsed lines, working on bytes so that a line's UTF-8 is checked before it
 * is decoded (a decoder would turn bad bytes into U+FFFD silently) and a line over `maxLineBytes` is
 * dropped as it streams past: memory holds at most one capped line plus one chunk, whatever is sent.
 * `for await` reads a chunk only when the consumer asks for the next line (backpressure).
 */
export async function* ndjsonLines(
  stream: AsyncIterable<Buffer | string>,
  limits: FeedLimits,
): AsyncGenerator<SourceLine> {
  const hash = limits.hash ?? createHash('sha256');
  let bytes = 0;
  let line = 0;
  let parts: Buffer[] = [];
  let held = 0;
  let oversized = false;
  /** `copy`: the piece is the tail of a chunk, copied if kept so it never pins the rest of a big chunk. */
  const take = (piece: Buffer, copy = false) => {
    hash.update(piece);
    if (oversized || held + piece.length > limits.maxLineBytes) {
      oversized = true;
      parts = [];
      held = 0;
    } else {
      parts.push(copy ? Buffer.from(piece) : piece);
      held += piece.length;
    }
  };
  const finishLine = () => {
    line++;
    const item = oversized ? tooLong(line, limits.maxLineBytes) : parseLine(line, Buffer.concat(parts, held));
    parts = [];
    held = 0;
    oversized = false;
    return item;
  };
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    bytes += chunk.length;
    if (bytes > limits.limitBytes) throw new BodyTooLarge(limits.limitBytes);
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE, start); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, nl));
      hash.update(chunk.subarray(nl, nl + 1));
      start = nl + 1;
      const item = finishLine();
      if (item) yield item;
    }
    if (start < chunk.length) take(chunk.subarray(start), true);
  }
  if (held || oversized) {
    const item = finishLine();
    if (item) yield item;
  }
}

export const tooLong = (line: number, max: number): SourceLine => ({
  line,
  value: undefined,
  parseError: `longer than ${max} bytes (one article at most); skipped`,
});

function parseLine(line: number, bytes: Buffer): SourceLine | undefined {
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) return { line, value: undefined, parseError: `not valid UTF-8 (byte ${bad} of the line)` };
  // Blank lines (and a trailing \r from Windows files) are formatting, not articles.
  const trimmed = bytes.toString('utf8').trim();
  if (!trimmed) return undefined;
  return parseJson(line, trimmed);
}

export function parseJson(line: number, text: string): SourceLine {
  try {
    return { line, value: JSON.parse(text) };
  } catch (err) {
    // JSON.parse quotes the text it choked on; keep only the reason and where, never the feed's bytes.
    const where = /position \d+/.exec((err as Error).message)?.[0];
    return { line, value: undefined, parseError: `not valid JSON${where ? ` (at ${where})` : ''}` };
  }
}

/** A JSON array already parsed by the body parser (up to BODY_LIMIT): element n is "line" n. */
export async function* arrayLines(items: unknown[], limits: Pick<FeedLimits, 'hash'> = {}): AsyncGenerator<SourceLine> {
  for (let i = 0; i < items.length; i++) {
    limits.hash?.update(`${JSON.stringify(items[i]) ?? 'null'}\n`);
    yield { line: i + 1, value: items[i] };
  }
}

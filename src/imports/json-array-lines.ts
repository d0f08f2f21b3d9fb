import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../errors';
import { BodyTooLarge, type FeedLimits, parseJson, type SourceLine, tooLong } from './lines';

/**
 * A JSON array read as a stream: element n is "line" n. Used when the body parser has left the body alone;
 * a malformed element is reported like a bad line, but a broken array (no `[`) fails the whole import.
 */
export async function* jsonArrayLines(
  stream: AsyncIterable<Buffer | string>,
  limits: FeedLimits,
): AsyncGenerator<SourceLine> {
  const hash = limits.hash ?? createHash('sha256');
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let item = '';
  let oversized = false;
  let line = 0;
  const element = (text: string): SourceLine | undefined => {
    hash.update(text);
    const tooBig = oversized;
    oversized = false;
    if (tooBig) return tooLong(line + 1, limits.maxLineBytes);
    return text.trim() ? parseJson(line + 1, text.trim()) : undefined;
  };
  for await (const chunk of stream) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > limits.limitBytes) throw new BodyTooLarge(limits.limitBytes);
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
        const parsed = element(item + text.slice(from, i));
        item = '';
        from = i + 1;
        if (parsed) yield { ...parsed, line: ++line };
        ended = c === ']';
      }
    }
    if (started && !ended) {
      item += text.slice(from);
      // Hashed as it is dropped, so the digest still covers the whole element.
      if (item.length > limits.maxLineBytes) {
        hash.update(item);
        item = '';
        oversized = true;
      }
    }
  }
}

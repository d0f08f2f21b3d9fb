import { isUtf8 } from 'node:buffer';

/**
 * claimtrack's one policy for hostile text: refuse it, never repair it. Postgres cannot store NUL in text
 * (22021) nor in jsonb (22P05), a lone surrogate has no UTF-8 form, and U+FFFD means the text was
 * already damaged (invalid UTF-8 decoded somewhere): storing any of them would corrupt claim spans,
 * which are offsets into the body as sent. Offsets are UTF-16 units into the string, as spans are.
 */
export interface TextProblem {
  /** Dotted path of the field (`body`, `evidence.0.note`); '' for a bare string. */
  path: string;
  offset: number;
  message: string;
}

/** The first unstorable character of `s`, if any. */
export function badCharacter(s: string): { offset: number; message: string } | undefined {
  // Fast path: nearly every string is clean, and one regex test is far cheaper than a loop in JS.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this looks for.
  if (!/[\u0000\ud800-\udfff\ufffd]/.test(s)) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return { offset: i, message: `contains a NUL character at offset ${i}` };
    if (c === 0xfffd)
      return { offset: i, message: `contains U+FFFD at offset ${i} (the text was not valid UTF-8 before it was sent)` };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { offset: i, message: `contains a lone surrogate (U+${hex(c)}) at offset ${i}` };
    }
    if (c >= 0xdc00 && c <= 0xdfff)
      return { offset: i, message: `contains a lone surrogate (U+${hex(c)}) at offset ${i}` };
  }
  return undefined;
}

const hex = (c: number) => c.toString(16).toUpperCase();

const MAX_DEPTH = 64;

/** Walks any parsed JSON value (keys too: jsonb refuses NUL in keys) and reports the first bad string. */
export function findBadText(value: unknown, path: (string | number)[] = [], depth = 0): TextProblem | undefined {
  if (typeof value === 'string') {
    const bad = badCharacter(value);
    return bad && { path: path.join('.'), ...bad };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  // Deeper than any real document: refused rather than walked (or stored unchecked).
  if (depth >= MAX_DEPTH)
    return { path: path.join('.'), offset: 0, message: `is nested more than ${MAX_DEPTH} levels deep` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    const badKey = badCharacter(key);
    if (badKey) return { path: [...path, key].join('.'), offset: badKey.offset, message: `its name ${badKey.message}` };
    const found = findBadText(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Byte offset of the first invalid UTF-8 sequence in `buf`, or -1 when it is all valid. */
export function invalidUtf8Offset(buf: Uint8Array): number {
  if (isUtf8(buf)) return -1;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three- and four-byte forms, UTF-16 surrogates and code points past U+10FFFF.
    const second = buf[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/** A body parser `verify` hook: the error type is mapped to a 400 `invalid_utf8` problem (src/http/problem.ts). */
export function refuseInvalidUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  const offset = invalidUtf8Offset(buf);
  if (offset >= 0) throw Object.assign(new Error('invalid UTF-8'), { type: 'encoding.invalid_utf8', offset });
}

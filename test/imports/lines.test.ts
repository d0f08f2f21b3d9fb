import { jsonArrayLines } from '../../src/imports/json-array-lines';
import { ndjsonLines } from '../../src/imports/lines';

async function collect(gen: AsyncGenerator<{ line: number; value: unknown; parseError?: string }>) {
  const out = [];
  for await (const l of gen) out.push(l.parseError ? { line: l.line, error: true } : { line: l.line, value: l.value });
  return out;
}

/** Splits a text into chunks of `size` bytes, to cut lines, strings and multi-byte characters anywhere. */
async function* chunks(text: string, size: number) {
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const items = [
  { body: 'Ünïcödé “quoted” [brackets] {braces}, commas' },
  { body: 'escaped \\" quote and \\\\ backslash' },
  { body: 'x' },
];

describe('when a feed arrives cut into arbitrary chunks', () => {
  it('then NDJSON lines come out whole, numbered, with blank lines skipped and bad lines flagged', async () => {
    const text = `${JSON.stringify(items[0])}\r\n\n{bad\n${JSON.stringify(items[1])}\n${JSON.stringify(items[2])}`;
    for (const size of [1, 3, 7, 1000]) {
      expect(await collect(ndjsonLines(chunks(text, size), { limitBytes: 1e6, maxLineBytes: 1e6 }))).toEqual([
        { line: 1, value: items[0] },
        { line: 3, error: true },
        { line: 4, value: items[1] },
        { line: 5, value: items[2] },
      ]);
    }
  });

  it('then a streamed JSON array yields its elements one by one, numbered from 1', async () => {
    const text = ` [ ${JSON.stringify(items[0])},${JSON.stringify(items[1])} , {oops}, ${JSON.stringify(items[2])} ] `;
    for (const size of [1, 5, 1000]) {
      expect(await collect(jsonArrayLines(chunks(text, size), { limitBytes: 1e6, maxLineBytes: 1e6 }))).toEqual([
        { line: 1, value: items[0] },
        { line: 2, value: items[1] },
        { line: 3, error: true },
        { line: 4, value: items[2] },
      ]);
    }
  });

  it('then a body over the limit is refused with 413', async () => {
    await expect(
      collect(ndjsonLines(chunks('{"body":"x"}\n'.repeat(100), 64), { limitBytes: 500, maxLineBytes: 500 })),
    ).rejects.toMatchObject({
      status: 413,
    });
  });
});

import { ndjsonLines } from '../../src/imports/lines';

const MB = 1024 * 1024;

const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

/**
 * `n` chunks of 1 MB with no newline (the same buffer again and again: the feed itself makes no garbage),
 * then `tail`; `sample` is called each time the reader asks for more, i.e. while it holds what it kept.
 */
async function* endlessLine(n: number, tail: string, sample: () => void) {
  const chunk = Buffer.alloc(MB, 'a'.charCodeAt(0));
  chunk.write('{"body":"', 0);
  for (let i = 0; i < n; i++) {
    sample();
    yield chunk;
  }
  sample();
  yield Buffer.from(tail);
}

describe('when one NDJSON line is 80 MB long without a newline', () => {
  it('then it is counted invalid with its number, the next lines are read, and it is never held in memory', async () => {
    const before = held();
    let peak = 0;
    const out: { line: number; ok: boolean; problem?: string }[] = [];
    const tail = '"}\n{"body":"The mayor said it."}\n';
    const sample = () => {
      peak = Math.max(peak, held() - before);
    };
    for await (const l of ndjsonLines(endlessLine(80, tail, sample), { limitBytes: 200 * MB, maxLineBytes: 2 * MB })) {
      out.push({ line: l.line, ok: !l.parseError, problem: l.parseError });
    }
    expect(out).toEqual([
      { line: 1, ok: false, problem: expect.stringMatching(/longer than 2097152 bytes/) },
      { line: 2, ok: true, problem: undefined },
    ]);
    // Held: a capped line at most (2 MB) and a chunk; the 80 MB line would show as 80 MB or more.
    expect(peak).toBeLessThan(40 * MB);
  });
});

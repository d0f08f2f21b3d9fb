import fc from 'fast-check';
import { viterbi } from '../../src/extraction/detect/viterbi';

/** Score of a whole label sequence, starting after (O, O) as the decoder does. */
function pathScore(tags: number[], score: (i: number, p2: number, p: number, y: number) => number): number {
  let total = 0;
  tags.forEach((y, i) => {
    total += score(i, i > 1 ? tags[i - 2]! : 0, i > 0 ? tags[i - 1]! : 0, y);
  });
  return total;
}

/** Every B/I/O sequence of length n with no I right after an O (or at the start). */
function allPaths(n: number): number[][] {
  let paths: number[][] = [[]];
  for (let i = 0; i < n; i++)
    paths = paths.flatMap((p) =>
      [0, 1, 2].filter((y) => !(y === 2 && (p.length === 0 || p[p.length - 1] === 0))).map((y) => [...p, y]),
    );
  return paths;
}

describe('second-order Viterbi decoding', () => {
  test('when scores depend on the last two labels, then the decoded path scores as high as the best of all paths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 6 * 27, maxLength: 6 * 27 }),
        (n, table) => {
          const score = (i: number, p2: number, p: number, y: number) => table[((i * 3 + p2) * 3 + p) * 3 + y]!;
          const decoded = Array.from(viterbi(n, score));
          const best = Math.max(...allPaths(n).map((p) => pathScore(p, score)));
          expect(pathScore(decoded, score)).toBe(best);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('when I scores highest everywhere, then the path still never puts I after O', () => {
    const tags = Array.from(viterbi(5, (_i, _p2, p, y) => (y === 2 ? 10 : y === 1 && p !== 0 ? -100 : 0)));
    expect(tags[0]).toBe(1);
    for (let i = 1; i < tags.length; i++) if (tags[i] === 2) expect(tags[i - 1]).not.toBe(0);
  });

  test('when the text is empty, then there are no tags', () => {
    expect(viterbi(0, () => 1)).toHaveLength(0);
  });
});

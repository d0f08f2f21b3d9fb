import fs from 'node:fs';
import path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { shiftClaims, textWindows, WINDOW_CHARS } from '../../src/extraction/window';

const seed = fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', 'straits-times-elite-defections.txt'), 'utf8');

describe('when a text is longer than one extraction window', () => {
  it('then its windows cover it end to end, none longer than the window, cut at paragraph ends', () => {
    const paragraphs = Array.from({ length: 80 }, () => seed.trim()).join('\n\n');
    const windows = textWindows(paragraphs);
    expect(windows.length).toBeGreaterThan(1);
    expect(windows[0]![0]).toBe(0);
    expect(windows.at(-1)![1]).toBe(paragraphs.length);
    for (const [i, [start, end]] of windows.entries()) {
      expect(end - start).toBeLessThanOrEqual(WINDOW_CHARS);
      if (i > 0) expect(start).toBe(windows[i - 1]![1]);
      if (i < windows.length - 1) expect(paragraphs.slice(end - 2, end)).toBe('\n\n');
    }
  });

  it('when the text has no break at all, then a cut never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(WINDOW_CHARS);
    for (const [start, end] of textWindows(emoji)) {
      expect(emoji.codePointAt(start)).toBe(0x1f600);
      expect((end - start) % 2).toBe(0);
    }
  });

  it('then the claims are those of each window, their spans pointing at the same words in the whole text', () => {
    const text = Array.from({ length: Math.ceil(60_000 / seed.length) }, () => seed.trim()).join('\n\n');
    const claims = extractClaims(text);
    const perWindow = textWindows(text).map(([start, end]) => ({ start, part: text.slice(start, end) }));
    const expected = perWindow.flatMap(({ start, part }) =>
      extractClaims(part).map((local) => ({ local, shifted: shiftClaims([local], start)[0]!, start, part })),
    );
    expect(claims).toEqual(expected.map((e) => e.shifted));
    expect(claims.length).toBeGreaterThan(perWindow.length);
    for (const { local, shifted, part } of expected) {
      for (const role of ['content', 'source', 'cue'] as const) {
        shifted.spans[role].forEach(([s, e], i) => {
          expect(text.slice(s, e)).toBe(part.slice(...local.spans[role][i]!));
        });
      }
    }
  });
});

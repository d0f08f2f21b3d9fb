import fc from 'fast-check';
import { extractClaims } from '../../src/extraction';
import { CONTENT_JOINER } from '../../src/extraction/claims';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Whatever arrives (scraped HTML, a pasted spreadsheet, a megabyte without a newline), extraction returns
 * a list and every claim points into the text it came from. Claim text is its content slices joined with
 * CONTENT_JOINER (' … '), without a leading "that".
 */
function expectWellFormed(text: string, claims: ExtractedClaim[]): void {
  expect(Array.isArray(claims)).toBe(true);
  for (const c of claims) {
    for (const [a, b] of [...c.spans.content, ...c.spans.source, ...c.spans.cue]) {
      expect(Number.isInteger(a) && Number.isInteger(b)).toBe(true);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThan(b);
      expect(b).toBeLessThanOrEqual(text.length);
    }
    expect(c.text).toBe(
      c.spans.content
        .map(([a, b]) => text.slice(a, b))
        .join(CONTENT_JOINER)
        .replace(/^that\s+(?=\S)/i, ''),
    );
    expect(c.checkworthy).toBeGreaterThanOrEqual(0);
    expect(c.checkworthy).toBeLessThanOrEqual(1);
    expect(c.confidence).toBeGreaterThanOrEqual(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
  }
}

const articleish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '“',
        '”',
        '"',
        '‘',
        '’',
        "'",
        ', ',
        '. ',
        '\n',
        '\r\n',
        '\n\n',
        ' said ',
        ' told ',
        ' according to ',
        ' reportedly ',
        ' He ',
        ' she said',
        'the source',
        'Kim Jong-un',
        'Professor Ban of Korea University',
        ' — ',
        '[Image / NK Times]',
        'Leave a Reply',
        '<p>',
        '</p>',
        '😀',
        '北朝鮮',
        'Пхеньян',
        'analysts say ',
        'It has been found that ',
      ),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('extraction on any input', () => {
  test('when given arbitrary article-like text, then every claim slices back to the input', () => {
    fc.assert(
      fc.property(articleish, (text) => {
        expectWellFormed(text, extractClaims(text));
      }),
      { numRuns: 400 },
    );
  });

  test('when given arbitrary unicode, then extraction returns a list without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expectWellFormed(text, extractClaims(text));
      }),
      { numRuns: 200 },
    );
  });

  const QUOTE = '“The economy grew by 3 percent in 2023,” the minister said. ';
  test.each([
    ['empty text', ''],
    ['only whitespace', ' \n\t\r\n '],
    ['only quotation marks', '“”""‘’“““”””"""'.repeat(200)],
    ['unbalanced quotes', '“He never closed this quote, the official said. And “another, analysts say.\n“Still open'],
    ['HTML', '<html><body><p>“We will win,” <b>Trump</b> said.</p><script>var s = "x";</script></body></html>'],
    [
      'emoji and non-Latin scripts',
      '“경제가 성장했다,” 장관이 말했다. 😀🇰🇷 “Рост,” said Иван Петров. “増えた”と彼は言った。',
    ],
    [
      'Windows line endings',
      'Headline\r\n\r\n“Prices rose 5 percent,” an official said.\r\nHe added that more was coming.\r\n',
    ],
    ['curly and straight quotes mixed', '“Prices rose," the analyst said. "Wages fell,” she added. ‘Maybe,\' he said.'],
    ['a lone surrogate half', '\uD83D “broken,” he said \uDC00'],
  ])('when given %s, then a well-formed list comes back', (_, text) => {
    expectWellFormed(text, extractClaims(text));
  });

  test('when given 5 MB on one line, then extraction completes', () => {
    const text = QUOTE.repeat(Math.ceil(5_000_000 / QUOTE.length));
    const claims = extractClaims(text);
    expect(Array.isArray(claims)).toBe(true);
    expectWellFormed(text, claims.slice(0, 50));
  });

  test('when given 5 MB of one unbroken word, then extraction completes', () => {
    const text = 'x'.repeat(5_000_000);
    expectWellFormed(text, extractClaims(text));
  });
});

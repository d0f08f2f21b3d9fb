import fc from 'fast-check';
import { tokenize, wordAt } from '../../src/extraction/detect/tokenize';

// Pieces that meet every edge of the ASCII shortcut: letters and digits, the joiners that continue a word ("-",
// ".", "&", apostrophes), doubled quotes and backticks, a possessive "s", non-ASCII letters and marks, an astral
// letter, numbers with separators, and the spaces and breaks between tokens.
const PIECES = ['a', 'Z', '1', '0', ',', '.', '-', '&', "'", '’', '`', '"', '%', 's', ' ', '\n', '\t', '\v', 'é', '́'];
const MORE = ['𝐚', '_', '(', '?', '“', '”', '\u00a0', '٣', "n't", 'U.S.', '1,000', '3.5%'];
const text = fc.array(fc.constantFrom(...PIECES, ...MORE), { maxLength: 20 }).map((p) => p.join(''));

describe('tokenize', () => {
  test('when tokens are read without the word pattern where they can be, then they are what it matches', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const t of tokenize(s)) expect(t.text).toBe(wordAt(s, t.start));
      }),
      { numRuns: 4_000 },
    );
  });

  test('when a sentence has contractions, possessives and figures, then each is split as before', () => {
    expect(tokenize("Smith's aides don't say U.S. debt rose 3.5% to $1,000.").map((t) => t.text)).toEqual([
      'Smith',
      "'",
      's',
      'aides',
      "don't",
      'say',
      'U.S',
      '.',
      'debt',
      'rose',
      '3.5%',
      'to',
      '$',
      '1,000',
      '.',
    ]);
  });
});

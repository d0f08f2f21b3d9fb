import fc from 'fast-check';
import { endsWithComma, lowerWordsScanFrom } from '../../src/extraction/claims/scan-back';

// The regexes the entity collector runs before a name (claims/entities.ts), in full.
const LOWER_TITLE_BEFORE = /(?:^|[\s(])((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+$/u;
const FROM_INDEX = new RegExp(LOWER_TITLE_BEFORE.source, 'gu');

// Pieces that meet every edge the scan reads: ASCII and other lowercase letters, an astral lowercase and capital
// letter (surrogate pairs), capitals, hyphens, ASCII and Unicode spaces, line breaks, brackets, commas.
const PIECES = [
  'a',
  'z',
  '-',
  'é',
  'ß',
  '𝐚',
  '𝐀',
  'A',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\ufeff',
  '(',
  ',',
  '.',
  '"',
];
const before = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((p) => p.join(''));

describe('scanning back from a name', () => {
  test('when the title regex starts where the scan says, then it finds what a scan from the start finds', () => {
    fc.assert(
      fc.property(before, (s) => {
        const from = lowerWordsScanFrom(s);
        FROM_INDEX.lastIndex = Math.max(from, 0);
        const found = from < 0 ? null : FROM_INDEX.exec(s);
        const full = LOWER_TITLE_BEFORE.exec(s);
        expect(found && [found.index, ...found]).toEqual(full && [full.index, ...full]);
      }),
      { numRuns: 20_000 },
    );
  });

  test('when text ends in a comma and spaces, then it ends with a comma, and otherwise not', () => {
    fc.assert(
      fc.property(before, (s) => expect(endsWithComma(s)).toBe(/,\s*$/.test(s))),
      { numRuns: 5_000 },
    );
  });

  test('when a lowercase title precedes the name, then the scan starts at or before it', () => {
    expect(lowerWordsScanFrom('said the former senator ')).toBe('said'.length);
    expect(lowerWordsScanFrom('He said. ')).toBe(-1);
  });
});

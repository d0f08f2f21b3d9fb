import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Names with a particle joined by a hyphen ("Sultan al-Jaber", "Muammar el-Qaddafi", "Anwar al-Awlaki"): read on a
 * climate-summit story written for the purpose (2026-11-30), the lower-case "al-" ended the name, and the whole
 * description came out as an anonymous speaker ("the summit's president, Sultan al-Jaber", `official`, anonymous).
 */
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));

describe('a hyphened particle is part of a name', () => {
  const before = 'The summit\'s president, Sultan al-Jaber, said his company was "part of the solution."';
  const after = 'Sultan al-Jaber, the summit\'s president, said his company was "part of the solution."';

  test.each(['accurate', 'fast'] as const)(
    'when "The summit\'s president, Sultan al-Jaber, said …" is read, then he is named, titled and not anonymous (%s)',
    (model) => {
      const c = claimWith(extractClaims(before, { model }), 'part of the solution');
      expect(c?.speaker).toMatchObject({
        name: 'Sultan al-Jaber',
        type: 'official',
        anonymous: false,
        title: 'president',
      });
    },
  );

  test('when "Sultan al-Jaber, the summit\'s president, said …" is read, then he is named and not anonymous', () => {
    const c = claimWith(extractClaims(after, { model: 'accurate' }), 'part of the solution');
    expect(c?.speaker).toMatchObject({ name: 'Sultan al-Jaber', type: 'official', anonymous: false });
  });

  test('when a later "he" follows "Muammar el-Qaddafi said …", then it is his', () => {
    const text =
      'Muammar el-Qaddafi said the rebels were foreign agents. He said the army would restore order within a week.';
    const claims = extractClaims(text, { model: 'accurate' });
    expect(claimWith(claims, 'foreign agents')?.speaker).toMatchObject({
      name: 'Muammar el-Qaddafi',
      anonymous: false,
    });
    expect(claimWith(claims, 'restore order')?.speaker).toMatchObject({ name: 'Muammar el-Qaddafi', type: 'person' });
  });
});

import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * A country speaks through its government: read on a climate-summit story written for the purpose (2026-11-30),
 * "Oil producers including Saudi Arabia declined …" gave the claim to "Saudi Arabia" typed `person` (title
 * "producers including"), where "Russia said …" was already `official`.
 */
const MODELS = ['accurate', 'fast'] as const;
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));

describe('countries as speakers', () => {
  test.each(MODELS)(
    'when "Saudi Arabia said …" is read, then the speaker is an official, not a person (%s)',
    (model) => {
      const text = 'Saudi Arabia said the plan was unrealistic. Brazil warned that the fund was too small.';
      const claims = extractClaims(text, { model });
      expect(claimWith(claims, 'unrealistic')?.speaker).toMatchObject({ name: 'Saudi Arabia', type: 'official' });
      expect(claimWith(claims, 'too small')?.speaker).toMatchObject({ name: 'Brazil', type: 'official' });
    },
  );

  test('when "Oil producers including Saudi Arabia declined …" is read, then no person "Saudi Arabia" speaks', () => {
    const text = 'Oil producers including Saudi Arabia declined to sign the agreement.';
    const c = claimWith(extractClaims(text, { model: 'accurate' }), 'sign the agreement');
    expect(c?.speaker.type).not.toBe('person');
  });

  test('when a surname is also a country ("Rep. Steve Israel … Israel said"), then it stays the person named before', () => {
    const text = 'Rep. Steve Israel said the bill would pass. Israel said he had the votes.';
    const c = claimWith(extractClaims(text, { model: 'accurate' }), 'had the votes');
    expect(c?.speaker).toMatchObject({ name: 'Steve Israel', title: 'Rep.' });
  });
});

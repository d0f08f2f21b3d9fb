import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Britain's parties speak as political bodies: read on an economy story written for the purpose (2026-11-30), "The
 * opposition Conservatives said …" was an anonymous `person`, and "Labour said …" a person called Labour, who would
 * have entered the speaker registry as one.
 */
const MODELS = ['accurate', 'fast'] as const;
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));

describe('parties as speakers', () => {
  test.each(MODELS)(
    'when "Labour said …" is read, then Labour is an official body, and "It" is Labour (%s)',
    (model) => {
      const text = 'Labour said the figures were bad. It said the government had failed working families.';
      const claims = extractClaims(text, { model });
      expect(claimWith(claims, 'figures were bad')?.speaker).toMatchObject({ name: 'Labour', type: 'official' });
      expect(claimWith(claims, 'had failed')?.speaker).toMatchObject({ name: 'Labour', type: 'official' });
    },
  );

  test('when "The opposition Conservatives said …" is read, then they are an official body, not a person', () => {
    const text = 'The opposition Conservatives said the figures showed the tax increases were hurting business.';
    const c = claimWith(extractClaims(text, { model: 'accurate' }), 'hurting business');
    expect(c?.speaker.type).toBe('official');
  });

  test('when "Conservatives" opens the sentence (US copy), then they stay people of that leaning', () => {
    const text = 'Conservatives said the ruling was a victory for free speech.';
    const c = claimWith(extractClaims(text, { model: 'accurate' }), 'victory');
    expect(c?.speaker.type).toBe('person');
  });
});

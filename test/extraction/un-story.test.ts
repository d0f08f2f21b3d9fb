import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a Security Council story written for the purpose (2026-11-30): both models ended the aid chief's first
 * statement on "for nine", one word before the "and warned" of his second, and typed him a `person`.
 */
describe('a Security Council story', () => {
  test.each(MODELS)('when a second statement follows "and", then the first runs to the "and" (%s)', (model) => {
    const text =
      'U.N. humanitarian chief Tom Fletcher said aid convoys had been unable to reach Goma for nine days and warned ' +
      'that cholera cases were rising in the camps around the city.';
    const claims = extractClaims(text, { model });
    expect(claimWith(claims, 'unable to reach Goma')?.text).toMatch(/for nine days$/);
    expect(claimWith(claims, 'cholera')?.speaker).toMatchObject({ name: 'Tom Fletcher', type: 'official' });
  });
});

import { extractClaims } from '../../src/extraction';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claimWith, MODELS, readAccurate } from '../support/extracted';

/**
 * Read on a Security Council story written for the purpose (2026-11-30): both models ended the aid chief's first
 * statement on "for nine", one word before the "and warned" of his second, and typed him a `person`; in the whole
 * story (fixtures/security-council.txt) `accurate` made him "chief Tom Fletcher".
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

  test('when the tagger starts a speaker at "chief", then the abbreviated body before it is part of the title', () => {
    const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'security-council.txt'), 'utf8');
    const c = claimWith(readAccurate(story), 'cholera');
    expect(c?.speaker.mention).toBe('U.N. humanitarian chief Tom Fletcher');
  });
});

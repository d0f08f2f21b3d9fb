import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a statehouse story written for the purpose (2026-11-30): "Avi Small, said later that the governor had
 * offered …" claimed "later that the governor had offered …".
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'budget-talks.txt'), 'utf8');

describe('a statehouse story', () => {
  test.each(MODELS)(
    'when an adverb stands between "said" and "that", then the claim starts with the clause (%s)',
    (model) => {
      const c = claimWith(extractClaims(story, { model }), 'three compromises');
      expect(c?.text).toBe('the governor had offered three compromises in the past week');
      expect(c?.speaker).toMatchObject({ name: 'Avi Small', type: 'official' });
    },
  );

  test.each(MODELS)('when two leaders trade blame, then each keeps their own words (%s)', (model) => {
    const claims = extractClaims(story, { model });
    expect(claimWith(claims, 'holding the state hostage')?.speaker.name).toBe('Kathy Hochul');
    expect(claimWith(claims, 'refused to compromise')?.speaker.name).toBe('Carl Heastie');
    expect(claimWith(claims, "written in the governor's office")?.speaker.name).toBe('Carl Heastie');
    expect(claimWith(claims, 'optimistic')?.speaker.name).toBe('Andrea Stewart-Cousins');
  });
});

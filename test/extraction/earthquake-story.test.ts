import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS, readAccurate } from '../support/extracted';

/**
 * Read on a disaster story written for the purpose (2026-11-30). "the quake struck at a depth of 10 km (6 miles)"
 * lost its closing bracket in the claim text; "Footage broadcast by state-run TRT showed …" was said by a body called
 * "Footage", titled "broadcast by state-run".
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'earthquake.txt'), 'utf8');

describe('a disaster story', () => {
  test.each(MODELS)('when a content opens a bracket, then the claim text closes it (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'depth of 10 km');
    expect(c?.text).toBe('the quake struck at a depth of 10 km (6 miles)');
    expect(c?.speaker).toMatchObject({ name: 'the U.S. Geological Survey' });
  });

  test('when footage shows something, then the broadcaster that aired it speaks', () => {
    const c = claimWith(readAccurate(story), 'bare hands');
    expect(c?.speaker).toMatchObject({ name: 'state-run TRT', type: 'media' });
  });

  test.each(MODELS)('when an anonymous official tells a wire service, then an official speaks (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'death toll was likely to rise');
    expect(c?.speaker).toMatchObject({ type: 'official', anonymous: true });
  });
});

describe('a war report', () => {
  test.each(MODELS)("when an army's General Staff speaks, then the command speaks, not a general (%s)", (model) => {
    const text = "Ukraine's General Staff said fighting remained intense around the town of Pokrovsk.";
    const c = claimWith(extractClaims(text, { model }), 'fighting remained intense');
    expect(c?.speaker).toMatchObject({ type: 'official', title: null });
    expect(c?.speaker.name).toMatch(/General Staff$/);
  });

  test.each(MODELS)(
    "when a headline joins two sides' claims with a semicolon, then each keeps its own (%s)",
    (model) => {
      const text =
        'Ukraine says it downed 40 drones overnight; Russia claims gains in east\n\nKYIV (Reuters) - The air force said on ' +
        'Tuesday it had shot down 40 of 52 drones.';
      for (const c of extractClaims(text, { model }).filter((x) => x.speaker.name === 'Ukraine'))
        expect(c.text).not.toContain('Russia claims');
      expect(claimWith(extractClaims(text, { model }), 'downed 40 drones')?.text).toBe('it downed 40 drones overnight');
    },
  );
});

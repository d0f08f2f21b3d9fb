import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a central-bank story written for the purpose (2026-11-30): "Others, including analysts at Deutsche Bank,
 * expect the first cut in June" was typed an anonymous source; the analysts it includes make it experts.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'central-bank.txt'), 'utf8');

describe('a central-bank story', () => {
  test.each(MODELS)('when an unnamed group includes analysts, then experts speak (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'first cut in June');
    expect(c?.speaker).toMatchObject({ type: 'expert', anonymous: true });
  });

  test.each(MODELS)('when the bank president speaks, then an official speaks for the ECB (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'lower our guard');
    expect(c?.speaker).toMatchObject({ name: 'Christine Lagarde', type: 'official', affiliation: 'ECB' });
  });

  test.each(MODELS)('when members speak privately, then officials speak, unnamed (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'most likely scenario');
    expect(c?.speaker).toMatchObject({ type: 'official', anonymous: true });
  });
});

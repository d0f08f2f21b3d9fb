import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a technology story written for the purpose (2026-11-30). "Security researcher Katie Moussouris" opening a
 * sentence was a researcher of a body called "Security"; "one executive at a major cloud provider, who asked not to
 * be named" was typed nobody; "Witnesses said" was a person called Witnesses.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'chip-shortage.txt'), 'utf8');

describe('a technology story', () => {
  test.each(MODELS)(
    'when a sentence opens on a field and a title, then the field is part of the title (%s)',
    (model) => {
      const c = claimWith(extractClaims(story, { model }), 'attack surface');
      expect(c?.speaker).toMatchObject({
        name: 'Katie Moussouris',
        type: 'expert',
        title: 'security researcher',
        affiliation: null,
      });
    },
  );

  test.each(MODELS)('when a body opens the sentence before a title, then it stays the affiliation (%s)', (model) => {
    const c = claimWith(extractClaims('Google engineer Jo Smith said the outage was fixed.', { model }), 'outage');
    expect(c?.speaker).toMatchObject({ name: 'Jo Smith', title: 'engineer', affiliation: 'Google' });
  });

  test.each(MODELS)('when an unnamed executive speaks, then a business speaks (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'Demand is insane');
    expect(c?.speaker).toMatchObject({ name: 'one executive at a major cloud provider', type: 'organization' });
  });

  test.each(MODELS)('when witnesses speak, then nobody named Witnesses does (%s)', (model) => {
    const text = 'Witnesses said the driver had run a red light before the crash.';
    const c = claimWith(extractClaims(text, { model }), 'red light');
    expect(c?.speaker).toMatchObject({ type: 'person', anonymous: true });
  });

  test.each(MODELS)('when a chief financial officer speaks, then her company does (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'working closely with suppliers');
    expect(c?.speaker).toMatchObject({ name: 'Colette Kress', type: 'organization', title: 'Chief Financial Officer' });
  });
});

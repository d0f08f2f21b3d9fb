import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS, readAccurate } from '../support/extracted';

/**
 * Read on an op-ed written for the purpose (2026-11-30), signed by a city council member: its "I" was the
 * publication. The label guide files an op-ed's "I" under its author ("An op-ed signed by an office holder is
 * official"); the tagline that closes an op-ed says who that is. A council of a city or county is a public body.
 */
const opEd = fs.readFileSync(path.join(__dirname, 'fixtures', 'op-ed.txt'), 'utf8');
// `fast` gives no claim to a writer's own "I think", "I urge" at all; the first-person tests read `accurate`.

describe("an op-ed's author", () => {
  test('when an op-ed closes on its author\'s office, then its "I" is that official', () => {
    const c = claimWith(readAccurate(opEd), 'my colleagues to pass the plan');
    expect(c?.speaker).toMatchObject({
      mention: 'I',
      name: 'Maria Sandoval',
      affiliation: 'Riverside City Council',
      type: 'official',
    });
  });

  test('when the tagline names a columnist, then "I" stays the publication', () => {
    const text =
      'I have covered city hall for a decade, and I think the zoning plan will fail.\n\n' +
      'Jane Porter is a columnist for the Riverside Herald.';
    expect(claimWith(readAccurate(text), 'zoning plan will fail')?.speaker.type).toBe('publication');
  });

  test('when the paper writes "we", then it is the publication even under a tagline', () => {
    const text =
      'We believe the council should pass the plan this week.\n\nRick Scott is the Republican governor of Florida.';
    expect(claimWith(readAccurate(text), 'pass the plan')?.speaker.type).toBe('publication');
  });

  test.each(MODELS)('when a city council acts, then it is an official body (%s)', (model) => {
    const text = 'The St. Paul City Council said the resolution condemns anti-Muslim rhetoric.';
    expect(claimWith(extractClaims(text, { model }), 'condemns')?.speaker.type).toBe('official');
  });
});

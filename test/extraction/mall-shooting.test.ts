import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS, readAccurate } from '../support/extracted';

/**
 * Read on a crime story written for the purpose (2026-11-30). "She said the two victims, a security guard and a
 * teenage shopper, were in stable condition." claimed only "the two victims, a security guard and a teenage shopper"
 * (`accurate`'s content stopped at the appositive's closing comma); "a police report" was an expert; "The mall's
 * owner, Simon Property Group, said" was a person.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'mall-shooting.txt'), 'utf8');

describe('a crime story', () => {
  test('when a reported subject carries an appositive, then the claim keeps its predicate', () => {
    const c = claimWith(readAccurate(story), 'two victims');
    expect(c?.text).toBe('the two victims, a security guard and a teenage shopper, were in stable condition');
  });

  test.each(MODELS)('when a police report says something, then the police do (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'threatened by the guard');
    expect(c?.speaker).toMatchObject({ type: 'official' });
  });

  test.each(MODELS)('when an owner is named by an appositive body, then the body speaks (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'cooperating with police');
    expect(c?.speaker).toMatchObject({ name: 'Simon Property Group', type: 'organization' });
  });

  test.each(MODELS)("when a spokesman's employer is named after him, then he still speaks (%s)", (model) => {
    const text = 'A spokesman for the firm, Acme Corp, said the plant would reopen on Monday.';
    const c = claimWith(extractClaims(text, { model }), 'plant would reopen');
    expect(c?.speaker.name).not.toBe('Acme Corp');
  });

  test.each(MODELS)(
    'when she tells reporters outside the courthouse that …, then the place is no part of it (%s)',
    (model) => {
      // Read on a lawsuit story the same day: the claim began "the courthouse that she wanted …".
      const text =
        'The mother of one of the children, Tawainna Anderson, told reporters outside the courthouse that she wanted ' +
        '"every parent to know what these apps can do."';
      expect(claimWith(extractClaims(text, { model }), 'every parent')?.text).toMatch(/^she wanted/);
    },
  );
});

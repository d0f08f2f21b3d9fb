import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on an obituary written for the purpose (2026-11-30): "Margaret Ellison" is quoted through her son, "Daniel
 * Ellison", and then as "Ellison said". A lone surname went to the latest full name holding it, so her own words and
 * the "she said" after them were pinned on her son, then on "Colleagues". Found the same way on PolNeAR train:
 * "Clinton, 35, the daughter of former President Bill Clinton and Democratic presidential candidate Hillary Clinton,
 * said" (Chelsea, not Hillary), "Mr. Cruz" after his father "Rafael Cruz", "Mr. Trump" after "Ivana Trump".
 */
const obituary = fs.readFileSync(path.join(__dirname, 'fixtures', 'obituary.txt'), 'utf8');

describe('people who share a surname', () => {
  test.each(MODELS)('when the subject is quoted by surname after her son, then the words are hers (%s)', (model) => {
    const claims = extractClaims(obituary, { model });
    expect(claimWith(claims, 'complications of pneumonia')?.speaker.name).toBe('Daniel Ellison');
    expect(claimWith(claims, 'never thought of herself as a pioneer')?.speaker.name).toBe('Margaret Ellison');
  });

  test.each(MODELS)('when "she said" follows her surname, then it is she, not a group before (%s)', (model) => {
    const c = claimWith(extractClaims(obituary, { model }), 'I simply wanted to do the work');
    expect(c?.speaker).toMatchObject({ name: 'Margaret Ellison', type: 'expert' });
  });

  test.each(MODELS)('when a pronoun points back to a titled surname, then it names the full name (%s)', (model) => {
    const c = claimWith(extractClaims(obituary, { model }), 'never last a year');
    expect(c?.speaker).toMatchObject({ name: 'Margaret Ellison', title: 'Dr.', type: 'expert' });
  });

  test.each(MODELS)('when a daughter is named by surname between her parents, then she speaks (%s)', (model) => {
    const text =
      'Chelsea Clinton announced she is expecting a second child.\n\nClinton, 35, the daughter of former President ' +
      'Bill Clinton and Democratic presidential candidate Hillary Clinton, said on Twitter that her daughter would ' +
      'be a big sister.';
    expect(claimWith(extractClaims(text, { model }), 'big sister')?.speaker.name).toBe('Chelsea Clinton');
  });

  test.each(MODELS)('when one person is named in full two ways, then the surname still finds them (%s)', (model) => {
    const text =
      'Brent Bozell III, president of the Media Research Center, spoke first. Later, Brent Bozell told the crowd ' +
      'that the establishment was afraid. "It is a revolt," Bozell said.';
    expect(claimWith(extractClaims(text, { model }), 'It is a revolt')?.speaker.name).toBe('Brent Bozell');
  });

  test.each(MODELS)(
    'when both share the surname equally, then the latest one named speaks, as before (%s)',
    (model) => {
      const text =
        'Bill Clinton spoke with voters outside the polling place. Hillary Clinton arrived later. "We will win this ' +
        'state," Clinton said.';
      expect(claimWith(extractClaims(text, { model }), 'We will win this state')?.speaker.name).toBe('Hillary Clinton');
    },
  );

  test.each(MODELS)('when a surgeon at a hospital speaks, then she is an expert (%s)', (model) => {
    const text = 'Anna Berg, a surgeon at Great Ormond Street Hospital, said the ward was full.';
    expect(claimWith(extractClaims(text, { model }), 'ward was full')?.speaker).toMatchObject({
      name: 'Anna Berg',
      title: 'surgeon',
      type: 'expert',
    });
  });
});

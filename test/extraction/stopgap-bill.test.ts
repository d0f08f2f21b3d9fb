import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a Congress story written for the purpose (2026-11-30). `fast` tagged "Sen. Chris Murphy of" as the source of
 * ", arguing that …", and the claim's speaker came out as "sen. Chris Murphy of", typed by nothing but the sentence.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'stopgap-bill.txt'), 'utf8');

describe('a Congress story', () => {
  test.each(MODELS)('when the source stops on "of", then the place after it is taken in (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'protect federal workers');
    expect(c?.speaker).toMatchObject({
      name: 'Chris Murphy',
      type: 'official',
      title: 'Sen.',
      affiliation: 'Connecticut',
    });
  });

  test.each(MODELS)(
    'when a speaker phrase ends on a preposition before the cue, then the preposition goes (%s)',
    (model) => {
      const text =
        'An executive at the Clinton Foundation in New York, who asked not to be named, said the gala was cancelled.';
      const c = claimWith(extractClaims(text, { model }), 'gala was cancelled');
      expect(c?.speaker.mention).toMatch(/^An executive at the Clinton Foundation/);
      expect(c?.speaker.mention).not.toMatch(/\b(?:in|of|for)$/);
    },
  );

  test.each(MODELS)('when a party leader and a press secretary speak, then both are officials (%s)', (model) => {
    const claims = extractClaims(story, { model });
    expect(claimWith(claims, 'a responsible step')?.speaker).toMatchObject({ name: 'John Thune', type: 'official' });
    expect(claimWith(claims, 'common sense prevailed')?.speaker).toMatchObject({
      name: 'Karoline Leavitt',
      type: 'official',
    });
  });
});

describe('a fronted participle before the speaker', () => {
  test.each(MODELS)(
    'when the sentence opens on what the speaker was doing, then that is no part of the name (%s)',
    (model) => {
      const text =
        'Dashing into a closed-door luncheon of senators, Senator Shelley Moore Capito, Republican of West Virginia, ' +
        'said the bill would pass.';
      const c = claimWith(extractClaims(text, { model }), 'bill would pass');
      expect(c?.speaker).toMatchObject({ name: 'Shelley Moore Capito', type: 'official', title: 'Senator' });
    },
  );
});

describe('an inverted speaker with a middle initial', () => {
  test.each(MODELS)('when "said" is followed by a name with an initial, then the whole name speaks (%s)', (model) => {
    const text = 'The investigation found no evidence of intent, said James B. Comey, the director of the bureau.';
    const c = claimWith(extractClaims(text, { model }), 'no evidence of intent');
    expect(c?.speaker).toMatchObject({ name: 'James B. Comey', type: 'official', title: 'director' });
  });
});

describe('a word qualifying a title at the start of a sentence', () => {
  test.each(MODELS)('when "Local MP" opens the sentence, then "local" is part of the title (%s)', (model) => {
    const c = claimWith(extractClaims('Local MP Sarah Jenkins said the board must go.', { model }), 'board must go');
    expect(c?.speaker).toMatchObject({ name: 'Sarah Jenkins', title: 'local MP', affiliation: null, type: 'official' });
  });
});

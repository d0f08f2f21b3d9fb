import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a study story written for the purpose (2026-11-30). "said lead author Mingyang Song, an assistant professor
 * at the Harvard T.H. Chan School of Public Health" was a `person` (an "author"), of "Harvard T": the initials'
 * full stops ended the sentence and the appositive. "A former top aide to President George W. Bush" was Bush.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'food-study.txt'), 'utf8');

describe('a study story', () => {
  test.each(MODELS)("when a study's lead author speaks, then an expert speaks for their school (%s)", (model) => {
    const claims = extractClaims(story, { model });
    for (const words of ['further support', 'observational', 'strongest link']) {
      expect(claimWith(claims, words)?.speaker).toMatchObject({
        name: 'Mingyang Song',
        affiliation: 'Harvard T.H. Chan School of Public Health',
      });
    }
    const first = claimWith(claims, 'further support')?.speaker;
    expect(first?.type).toBe('expert');
    // `accurate` reads the title before the name, `fast` the appositive after it.
    expect(first?.title).toMatch(/^(?:lead author|assistant professor)$/);
  });

  test.each(MODELS)('when an aide to a president speaks, then the aide does, not the president (%s)', (model) => {
    const text = 'A former top aide to President George W. Bush said the plan would fail.';
    const c = claimWith(extractClaims(text, { model }), 'plan would fail');
    expect(c?.speaker.name ?? '').not.toMatch(/^George W\. Bush$/);
    expect(c?.speaker.type).toBe('official');
  });
});

describe('an office and an honorific', () => {
  test.each(MODELS)(
    'when an office is named before "Professor" or "Dr.", then the office types the speaker (%s)',
    (model) => {
      const claims = extractClaims(
        'The chief executive of Northshore Health, Dr. Lena Whitfield, said she was sorry.\n\nIts chief inspector of ' +
          'hospitals, Professor Ted Baker, told the BBC the findings were among the worst he had seen.',
        { model },
      );
      expect(claimWith(claims, 'she was sorry')?.speaker).toMatchObject({
        name: 'Lena Whitfield',
        type: 'organization',
      });
      expect(claimWith(claims, 'among the worst')?.speaker).toMatchObject({ name: 'Ted Baker', type: 'official' });
    },
  );
});

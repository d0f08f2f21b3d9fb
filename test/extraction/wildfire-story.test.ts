import { extractClaims } from '../../src/extraction';
import { claimWith, readAccurate as read } from '../support/extracted';

/**
 * Read on a wildfire story written for the purpose (2026-11-30): a long title before the chief's name hid him from
 * the later "Marrone said" (a person of that surname only), "Fire Chief" was no official's title, the utility's
 * appositive lost its last word, and AP's "The Latest:" rubric and a "Contributing:" credits line became speakers.
 */

describe('a wildfire story', () => {
  test('when a seven-word title run ends in "Chief Anthony Marrone", then "Marrone said" is that official', () => {
    const claims = read(
      '"This fire is moving faster than anything we have seen," Los Angeles County Fire Chief Anthony Marrone told ' +
        'reporters. Marrone said more than 1,200 firefighters were on the lines.',
    );
    expect(claimWith(claims, 'firefighters were on the lines')?.speaker).toMatchObject({
      name: 'Anthony Marrone',
      type: 'official',
    });
  });

  test('when a fire chief speaks, then the chief is an official', () => {
    const c = claimWith(read('Fire Chief Dana Ruiz said the blaze was 40 percent contained by evening.'), 'contained');
    expect(c?.speaker).toMatchObject({ name: 'Dana Ruiz', type: 'official' });
  });

  test('when the tagger stops an appositive before its last word, then the source runs to the closing comma', () => {
    const text =
      'The National Weather Service warned that the winds were expected to ease by Thursday evening, though humidity ' +
      "would stay low through the weekend.\n\nSouthern California Edison, the region's largest utility, said it had cut " +
      'power to about 60,000 customers as a precaution and was investigating whether its equipment played any role.';
    const c = claimWith(read(text), 'cut power');
    expect(c?.speaker.mention).toBe("Southern California Edison, the region's largest utility");
    expect(c?.speaker.type).toBe('organization');
  });

  test('when a paragraph opens with "The Latest:" or "Contributing:", then neither label is a speaker', () => {
    const claims = read(
      'The Latest: Sanders wins Minnesota Democratic caucuses.\n\nThe senator told supporters that the result ' +
        'proved the campaign could win anywhere.\n\nContributing: Nicole Gaudiano.',
    );
    const speakers = claims.map((c) => c.speaker.mention);
    expect(speakers).not.toContain('The Latest');
    expect(speakers).not.toContain('Contributing');
    expect(claimWith(claims, 'could win anywhere')).toBeDefined();
  });

  test('when `fast` tags the "in" of "said in an emailed statement" as a speaker, then the cue keeps it', () => {
    const text =
      'An Edison spokeswoman, Kathy Ng, said the audit\'s findings had been addressed. "Safety is our top priority ' +
      'and we have invested billions in hardening our grid," she said in an emailed statement.';
    const c = claimWith(extractClaims(text, { model: 'fast' }), 'top priority');
    expect(c?.cue).toBe('said in an emailed statement');
    expect(c?.speaker.name).toBe('Kathy Ng');
  });
});

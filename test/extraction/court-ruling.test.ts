import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a court story written for the purpose (2026-11-30). "A federal judge on Tuesday … blocked …, saying …" had
 * no speaker (the tagger marked "A" alone); "Texas Right to Life called it “a gift …”" was a person called "Life",
 * titled "to", or (`accurate`) the quotation went on the claim of the "Anti-abortion groups" before it; the
 * Guttmacher Institute's description, "a research group that supports abortion rights", was part of what it said.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'court-ruling.txt'), 'utf8');

describe('a court story', () => {
  test.each(MODELS)(
    'when the tagger marks only the article of a subject, then the noun phrase speaks (%s)',
    (model) => {
      const c = claimWith(extractClaims(story, { model }), 'overstepped its authority');
      expect(c?.speaker).toMatchObject({ name: 'a federal judge', type: 'official' });
    },
  );

  test.each(MODELS)('when a body\'s name holds "to", then the body speaks, not a person (%s)', (model) => {
    const text = 'National Right to Life said the ruling was a setback for women and their unborn children.';
    const c = claimWith(extractClaims(text, { model }), 'setback');
    expect(c?.speaker).toMatchObject({ name: 'National Right to Life', type: 'organization', title: null });
  });

  test.each(MODELS)(
    "when a sentence names its own speaker's quotation, then it is not the claim before's (%s)",
    (model) => {
      const claims = extractClaims(story, { model });
      expect(claimWith(claims, 'criticized')).toBeUndefined();
      const groups = claims.find((c) => c.speaker.name === 'Anti-abortion groups');
      expect(groups?.text ?? '').not.toContain('gift to the abortion industry');
      const gift = claimWith(claims, 'gift to the abortion industry');
      if (gift) expect(gift.speaker.name).toBe('Texas Right to Life');
    },
  );

  // `fast` only: `accurate` finds no cue in "called it" there, and so no claim (the test above covers its side).
  test("when another speaker's quoted clause follows, then the content stops before it (fast)", () => {
    const text =
      'Texas Right to Life called it "a gift to the abortion industry," while Planned Parenthood welcomed it as "a win for patients."';
    const c = claimWith(extractClaims(text, { model: 'fast' }), 'gift to the abortion industry');
    expect(c?.speaker.name).toBe('Texas Right to Life');
    expect(c?.text).not.toContain('Planned Parenthood');
  });

  test.each(MODELS)(
    'when "according to" names a body and describes it, then the description is not content (%s)',
    (model) => {
      const c = claimWith(extractClaims(story, { model }), 'medication abortions');
      expect(c?.text).not.toContain('research group');
      expect(c?.speaker).toMatchObject({ name: 'the Guttmacher Institute', type: 'expert' });
    },
  );

  test.each(MODELS)(
    'when a body named with "for" is described, then it is named without its description (%s)',
    (model) => {
      const text =
        'Inflation will ease next year, according to the Institute for Fiscal Studies, an independent think tank.';
      const c = claimWith(extractClaims(text, { model }), 'Inflation will ease');
      expect(c?.speaker).toMatchObject({ name: 'the Institute for Fiscal Studies', type: 'expert', affiliation: null });
    },
  );

  test.each(MODELS)(
    'when a headline capitalises every word, then the source does not run on through it (%s)',
    (model) => {
      const text =
        'Marco Rubio Responds To Question About Minimum Wage By Attacking Trump\n\nRubio said the wage should rise.';
      for (const c of extractClaims(text, { model })) expect(c.speaker.name ?? '').not.toMatch(/Question About/);
    },
  );
});

import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a health-study story written for the purpose (2026-11-30): its lede, "People who walk … than those who
 * walk 2,000, a large international study has found.", gave no claim with either model, and `fast` ended a finding
 * on the ", though" of the clause after it.
 */

describe('a health-study story', () => {
  test.each(MODELS)('when a sentence closes with ", a study has found", then the study speaks (%s)', (model) => {
    const text =
      'People who walk at least 7,000 steps a day have a markedly lower risk of early death than those who walk ' +
      '2,000, a large international study has found.\n\nThe analysis, published Wednesday in The Lancet Public ' +
      'Health, pooled data from 57 studies covering more than 160,000 adults in a dozen countries.';
    const c = claimWith(extractClaims(text, { model }), 'lower risk of early death');
    expect(c?.speaker.mention).toBe('a large international study');
    expect(c?.cue).toBe('has found');
  });

  test.each(MODELS)('when a content stops on ", though", then it ends at the comma (%s)', (model) => {
    const text =
      'Researchers found that walking 7,000 steps was associated with a 47 percent lower risk of death from any ' +
      'cause, though they cautioned that the study could not prove cause and effect.';
    const c = claimWith(extractClaims(text, { model }), '47 percent');
    expect(c?.text).toMatch(/from any cause$/);
  });
});

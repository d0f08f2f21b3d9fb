import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a Westminster story written for the purpose (2026-11-30): "Downing Street said" was a person; "told the
 * BBC's Today programme that …" kept the programme in the claim (the possessive's apostrophe ended the search for
 * the addressee); "Its chief executive, Mark Hodgkinson" was titled "chief" and typed an official.
 */
describe('a Westminster story', () => {
  test.each(MODELS)('when Downing Street speaks, then the government does (%s)', (model) => {
    const text =
      'Downing Street said the reforms were "the right thing to do" and that the government would not back down.';
    expect(claimWith(extractClaims(text, { model }), 'not back down')?.speaker).toMatchObject({
      name: 'Downing Street',
      type: 'official',
    });
  });

  test.each(MODELS)(
    'when a minister tells a programme named with a possessive, then the claim starts after "that" (%s)',
    (model) => {
      const text =
        "Work and Pensions Secretary Liz Kendall told the BBC's Today programme that the system was unsustainable.";
      expect(claimWith(extractClaims(text, { model }), 'system was unsustainable')?.text).toBe(
        'the system was unsustainable',
      );
    },
  );

  test.each(MODELS)(
    'when a programme after a possessive opens with "This", then it stays the addressee (%s)',
    (model) => {
      const text = 'Ben Carson told ABC\'s This Week that there is "a weird deal going on" with the reports.';
      expect(claimWith(extractClaims(text, { model }), 'weird deal')?.text).toMatch(/^there is/);
    },
  );

  test.each(MODELS)(
    "when a charity's chief executive is named after the role, then the title is whole (%s)",
    (model) => {
      const text =
        'Disability charity Scope said it was deeply concerned. Its chief executive, Mark Hodgkinson, said the ' +
        'government had not consulted disabled people.';
      expect(claimWith(extractClaims(text, { model }), 'not consulted')?.speaker).toMatchObject({
        name: 'Mark Hodgkinson',
        title: 'chief executive',
        type: 'organization',
      });
    },
  );

  test.each(MODELS)('when a title names its department with "and", then the name is the person\'s (%s)', (model) => {
    const text =
      'Work and Pensions Secretary Liz Kendall said the system was unsustainable. Health and Human Services ' +
      'Secretary Xavier Becerra said the same of his own.';
    const claims = extractClaims(text, { model });
    expect(claimWith(claims, 'system was unsustainable')?.speaker).toMatchObject({
      name: 'Liz Kendall',
      title: 'Secretary',
      type: 'official',
    });
  });
});

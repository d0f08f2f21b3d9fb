import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a layoffs story written for the purpose (2026-11-30): "“People are exhausted,” she said" after "A former
 * Zentrix engineer, who spoke on condition of anonymity …, said …" went to the analyst quoted before her: "engineer"
 * was no role, so the engineer was no person "she" could be. And a subject after a sentence-opening "And"/"But" was
 * no subject at all: on PolNeAR train, "And Obama, for all the progress he helped wrangle, seems to agree. “…,” he
 * said" was Ted Nordhaus's, quoted before.
 */
describe('who "he" and "she" are', () => {
  test.each(MODELS)('when an unnamed engineer spoke last, then "she said" is hers (%s)', (model) => {
    const text =
      'Jefferies analyst Brent Thill said the cuts would lift margins next year.\n\n' +
      'A former Zentrix engineer, who spoke on condition of anonymity because she still holds company stock, said ' +
      'morale had been falling for months. "People are exhausted," she said.';
    const c = claimWith(extractClaims(text, { model }), 'People are exhausted');
    expect(c?.speaker).toMatchObject({ mention: 'she', name: 'a former Zentrix engineer', type: 'person' });
  });

  test.each(MODELS)('when "And" opens the sentence naming a senator, then "he said" is the senator (%s)', (model) => {
    const text =
      'Energy analyst Ted Moore said renewables alone would not be enough. "No large economy has managed it yet," ' +
      'Moore said.\n\nAnd Senator Pete Lyle, for all his talk of wind farms, seems to agree. "We do not yet know ' +
      'what will work best," he said.';
    expect(claimWith(extractClaims(text, { model }), 'work best')?.speaker.name).toBe('Pete Lyle');
  });

  test.each(MODELS)('when "Had" opens a sentence before a name, then it is no part of the name (%s)', (model) => {
    const text =
      'Bernie Sanders spoke in Oakland on Tuesday. Had Sanders won California, the race would have gone on. ' +
      'He said he would "continue the fight" in Washington.';
    expect(claimWith(extractClaims(text, { model }), 'continue the fight')?.speaker.name).toBe('Bernie Sanders');
  });

  test.each(MODELS)(
    'when "a move that analysts said …", then the analysts speak, not "that analysts" (%s)',
    (model) => {
      // Read on a chip-curbs story (2026-11-30); "that person said" keeps its demonstrative.
      const text =
        'China threatened countermeasures after the Netherlands tightened export controls, a move that analysts said ' +
        'could escalate a dispute over technology. That person said the talks had failed.';
      const claims = extractClaims(text, { model });
      const c = claimWith(claims, 'escalate a dispute');
      if (c) expect(c.speaker).toMatchObject({ mention: 'analysts', type: 'expert' });
      expect(claims.every((x) => !/^that analysts/i.test(x.speaker.mention ?? ''))).toBe(true);
    },
  );
});

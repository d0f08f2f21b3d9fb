import { extractClaims } from '../../src/extraction';

/**
 * Reader responses and vox pops written as “quotation” ― Name, one per paragraph (text written for this test).
 * Each quotation belongs to the name after its dash, not to the politician the article is about.
 */
const TEXT = [
  'Governor Alan Price said on Monday that the new toll would pay for the bridge repairs.',
  'We asked commuters what they thought of the plan.',
  '“The toll will cost me forty dollars a week just to get to my job.” ― Maria Lopez',
  '“I would rather pay the toll than sit in traffic for another year.” — Tom J. Becker.',
  '“Nobody asked the people who live next to the bridge.”― Priya Raman',
].join('\n');

describe('when quotations end with a dash and a name that closes the paragraph', () => {
  for (const model of ['accurate', 'fast'] as const) {
    test(`when the ${model} model reads them, then each quotation is the named reader's claim with the dash as cue`, () => {
      const claims = extractClaims(TEXT, { model });
      const of = (words: string) => claims.find((c) => c.text.includes(words));
      expect(of('forty dollars')?.speaker.mention).toBe('Maria Lopez');
      expect(of('forty dollars')?.cue).toBe('―');
      expect(of('sit in traffic')?.speaker.mention).toBe('Tom J. Becker');
      expect(of('next to the bridge')?.speaker.mention).toBe('Priya Raman');
      expect(of('new toll would pay')?.speaker.name).toMatch(/Price/);
    });
  }

  test('when a dash follows a quotation mid-sentence, then no speaker is taken from what follows it', () => {
    const claims = extractClaims(
      'The mayor called the plan “a disgrace” — and the council agreed with him on Tuesday.',
    );
    expect(claims.some((c) => c.speaker.mention === 'and the council')).toBe(false);
    expect(claims.some((c) => c.cue === '—')).toBe(false);
  });
});

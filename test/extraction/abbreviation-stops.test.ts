import { extractClaims } from '../../src/extraction';
import { tokenize } from '../../src/extraction/detect/tokenize';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Full stops that do not end a sentence (abbreviations, initials, "Sept. 11") and sentence ends the tokenizer used
 * to miss (two spaces, a no-break space), on sentences written for these tests (extractor 0.8.8).
 */
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));
const MODELS = ['accurate', 'fast'] as const;

describe('full stops inside and between sentences', () => {
  test.each(MODELS)(
    'when a content runs past an abbreviation ("a joint E.U. naval force"), then it does not stop at its full stop (%s)',
    (model) => {
      const text =
        "European ministers have embraced the idea of a joint E.U. naval force, warning that Norway's departure from the E.U. would sap the region's patrol capacity.";
      const claims = extractClaims(text, { model });
      expect(claimWith(claims, 'the idea of')?.text).toBe('the idea of a joint E.U. naval force');
      expect(claimWith(claims, 'departure')?.text).toBe(
        "Norway's departure from the E.U. would sap the region's patrol capacity",
      );
    },
  );

  test.each(MODELS)('when a date reads "since Sept. 11", then the content runs on past it (%s)', (model) => {
    const text = 'Rivera said the plant had operated without a permit since Sept. 11 and would be fined.';
    const claim = claimWith(extractClaims(text, { model }), 'without a permit');
    expect(claim?.text).toBe('the plant had operated without a permit since Sept. 11 and would be fined');
  });

  test('when a month is abbreviated before its day, then the sentence does not end there', () => {
    const tokens = tokenize('The vote is set for Feb. 3 in the capital.');
    expect(new Set(tokens.map((t) => t.sent)).size).toBe(1);
  });

  test.each(['  ', '\u00a0'])('when a full stop is followed by %j and a capital, then a new sentence starts', (gap) => {
    const tokens = tokenize(
      `Officials said the flooding was the worst in decades.${gap}Residents were told to stay indoors.`,
    );
    const residents = tokens.find((t) => t.text === 'Residents')!;
    expect(residents.sent).toBe(tokens[0]!.sent + 1);
  });

  test('when a quotation written with two apostrophes closes after a full stop, then a new sentence starts', () => {
    const tokens = tokenize("He called it ''a mistake we will pay for.'' Facing the vote, the party split.");
    const facing = tokens.find((t) => t.text === 'Facing')!;
    expect(facing.sent).toBe(tokens[0]!.sent + 1);
  });

  test.each(MODELS)(
    'when two sentences are parted by two spaces, then the first claim does not run into the second (%s)',
    (model) => {
      const text = 'Officials said the flooding was the worst in decades.  Residents were told to stay indoors.';
      const claim = claimWith(extractClaims(text, { model }), 'flooding');
      expect(claim?.text).toBe('the flooding was the worst in decades');
    },
  );
});

import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';
import { REVIEW_QUEUE_MIN_CONFIDENCE } from '../../src/reviews/schema';

/**
 * Interviews read with extractor 0.8.10 (2026-11-30): the answers of a Q/A had the right speaker but a confidence
 * of 0.15 with `accurate`, so the review queue's default filter hid every one of them; a transcript's "STREETING:"
 * stayed a capitalised stranger instead of the health secretary the article had introduced.
 */
const MODELS = ['accurate', 'fast'] as const;
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));

const INTERVIEW =
  'The health secretary, Wes Streeting, sat down with our correspondent on Monday.\n\n' +
  'Q: Will you cut the NHS budget to pay for the pay deal?\n\n' +
  "A: No. We will not cut the NHS budget. The pay deal is funded from the Treasury's reserves.\n\n" +
  'Q: When will waiting lists fall?\n\n' +
  'A: By the end of next year, waiting lists will be below seven million.\n\n' +
  'STREETING: I want to be clear that nobody will lose their family doctor.';

describe('the answers of a Q/A interview', () => {
  test.each(MODELS)(
    'when the interviewee is named at the top, then every answer is theirs and shows in the review queue by default (%s)',
    (model) => {
      const claims = extractClaims(INTERVIEW, { model });
      for (const words of ['not cut the NHS budget', 'below seven million']) {
        const answer = claimWith(claims, words);
        expect(answer?.speaker.name).toBe('Wes Streeting');
        expect(answer?.confidence).toBeGreaterThanOrEqual(REVIEW_QUEUE_MIN_CONFIDENCE);
      }
    },
  );

  test.each(MODELS)(
    'when nobody is named as the interviewee, then the answers have no speaker and a lower confidence than named ones (%s)',
    (model) => {
      const anonymous = INTERVIEW.split('\n\n').slice(1, 3).join('\n\n');
      const answer = claimWith(extractClaims(anonymous, { model }), 'not cut the NHS budget');
      const named = claimWith(extractClaims(INTERVIEW, { model }), 'not cut the NHS budget');
      expect(answer?.speaker.type).toBe('unknown');
      expect(answer?.confidence).toBeLessThan(named?.confidence ?? 0);
    },
  );
});

describe("an outlet's Q/A interview", () => {
  test.each(MODELS)('when the interviewee "spoke to Reuters", then the answers are theirs (%s)', (model) => {
    // Read on a trade interview written for the purpose (2026-11-30): only "sat down with our correspondent" and
    // "an interview with …" named the interviewee, so every answer here had no speaker.
    const text =
      "Mexico's Economy Minister Marcelo Ebrard spoke to Reuters on Tuesday about U.S. tariff threats.\n\n" +
      'Q: Will Mexico retaliate if the tariffs go ahead?\n\n' +
      'A: We have prepared a response, and we will use it if we must. We will not be bullied.\n\n' +
      'Q: Some analysts say the peso could fall 10%.\n\n' +
      "A: I don't agree. The fundamentals of our economy are strong.";
    const claims = extractClaims(text, { model });
    for (const words of ['not be bullied', 'fundamentals of our economy']) {
      expect(claimWith(claims, words)?.speaker).toMatchObject({ name: 'Marcelo Ebrard', type: 'official' });
    }
    // The question's own claim stays the analysts'.
    expect(claimWith(claims, 'peso could fall')?.speaker.name).not.toBe('Marcelo Ebrard');
  });

  test.each(MODELS)('when someone "spoke to reporters", then no outlet interviewed them (%s)', (model) => {
    const text =
      'Marcelo Ebrard spoke to reporters on Tuesday about tariffs.\n\nQ: Will Mexico retaliate?\n\n' +
      'A: We have prepared a response and we will use it.';
    expect(claimWith(extractClaims(text, { model }), 'prepared a response')?.speaker.name).toBeNull();
  });
});

describe('a transcript speaker written in capitals', () => {
  test.each(MODELS)(
    'when "STREETING:" follows an article that named Wes Streeting, then the claim is his, titled (%s)',
    (model) => {
      const speaker = claimWith(extractClaims(INTERVIEW, { model }), 'family doctor')?.speaker;
      expect([speaker?.name, speaker?.title, speaker?.type]).toEqual(['Wes Streeting', 'health secretary', 'official']);
    },
  );

  test.each(MODELS)(
    'when the capitals match nobody the article named, then the label stays as written (%s)',
    (model) => {
      const text = `${INTERVIEW.split('\n\n')[0]}\n\nHARRIS: The strike will go ahead on Friday unless the offer improves.`;
      expect(claimWith(extractClaims(text, { model }), 'strike will go ahead')?.speaker.name).toBe('HARRIS');
    },
  );
});

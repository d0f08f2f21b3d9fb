import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Speakers found wrong reading extractor 0.8.9's claims on wire copy written for the purpose (2026-11-30, a hospital
 * inquiry and an airline strike): a "she said" after a sentence opened by a title and a name ("Chief executive Sarah
 * Collins apologised …") pinned on the previous speaker; the description of an "according to" source ("Eurocontrol,
 * the European air traffic agency,") read as the start of what was said; a titled surname ("Dr. Carson") taking the
 * place of the full name it shortens.
 */
const MODELS = ['accurate', 'fast'] as const;
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));

describe('a name after a title that opens the sentence', () => {
  test.each(MODELS)(
    'when "Chief executive Sarah Collins apologised" comes between a speaker and "she said", then the quotation is Sarah Collins\'s (%s)',
    (model) => {
      const text =
        'The review, led by midwife Donna Ockenden, said staff had ignored concerns raised by mothers. "Families ' +
        'were not listened to," Ockenden told a news conference.\n\nChief executive Sarah Collins apologised to the ' +
        'families. "We are deeply sorry," she said. "We accept every one of the recommendations."';
      const sorry = claimWith(extractClaims(text, { model }), 'deeply sorry')?.speaker;
      expect(sorry?.name).toBe('Sarah Collins');
      expect(sorry?.title).toBe('Chief executive');
    },
  );
});

describe('the description of an "according to" source', () => {
  test.each(MODELS)(
    'when "According to Eurocontrol, the European air traffic agency, …" opens a sentence, then the description is the source\'s and the claim starts after it (%s)',
    (model) => {
      const text =
        'According to Eurocontrol, the European air traffic agency, 1.2 million passengers flew through Dublin ' +
        'last month.';
      const claim = claimWith(extractClaims(text, { model }), 'passengers');
      expect(claim?.text).toBe('1.2 million passengers flew through Dublin last month');
      expect(claim?.speaker.mention).toContain('the European air traffic agency');
    },
  );

  test.each(MODELS)(
    'when the words after the source\'s comma are already the statement ("the rise in deficits is …"), then they stay in the claim (%s)',
    (model) => {
      const text =
        'According to the budget office, the rise in annual deficits is mainly due to higher spending on pensions.';
      expect(claimWith(extractClaims(text, { model }), 'pensions')?.text).toMatch(/^the rise in annual deficits/);
    },
  );
});

describe('a titled surname after the full name', () => {
  test.each(MODELS)(
    'when "Kelly Ayotte" is followed by "Sen. Ayotte" and then "Ayotte said", then the claim is Kelly Ayotte\'s, titled (%s)',
    (model) => {
      const text =
        'Kelly Ayotte has spent the week touring factories in the north of the state. Sen. Ayotte has also held ' +
        'town halls in Concord.\n\n"People here want jobs, not slogans," Ayotte said on Friday.';
      const jobs = claimWith(extractClaims(text, { model }), 'not slogans')?.speaker;
      expect(jobs?.name).toBe('Kelly Ayotte');
      expect(jobs?.type).toBe('official');
    },
  );
});

describe('a body described by who led it', () => {
  test.each(MODELS)(
    'when "The review, led by midwife Donna Ockenden, said …", then the review speaks, as an official inquiry, not its leader as a journalist (%s)',
    (model) => {
      const text = 'The review, led by midwife Donna Ockenden, said that staff had ignored concerns raised by mothers.';
      const speaker = claimWith(extractClaims(text, { model }), 'ignored concerns')?.speaker;
      expect(speaker?.name).toBe('the review');
      expect(speaker?.type).toBe('official');
    },
  );
});

describe('a question put to the speaker before the answer', () => {
  test.each(MODELS)(
    'when "Asked whether …, X told reporters his office was …" is one sentence, then the claim is the answer, with "told" as its cue (%s)',
    (model) => {
      const text =
        "Asked whether the ruling would affect next year's primaries, Secretary of State Brad Raffensperger told " +
        'reporters his office was "prepared for any outcome."';
      const claims = extractClaims(text, { model });
      expect(claims.some((c) => c.text.includes('whether the ruling'))).toBe(false);
      const answer = claimWith(claims, 'prepared for any outcome');
      expect(answer?.cue).toBe('told');
      expect(answer?.text).toMatch(/^his office was/);
    },
  );
});

describe('a title ending in "of …"', () => {
  test.each(MODELS)(
    'when "Secretary of State Brad Raffensperger" is introduced and "Raffensperger said" follows, then the speaker is Brad Raffensperger, Secretary of State (%s)',
    (model) => {
      const text =
        'The count was certified on Friday by Secretary of State Brad Raffensperger.\n\nRaffensperger said the ' +
        'audit had found no discrepancies in any county.';
      const speaker = claimWith(extractClaims(text, { model }), 'audit had found')?.speaker;
      expect([speaker?.name, speaker?.title, speaker?.type]).toEqual([
        'Brad Raffensperger',
        'Secretary of State',
        'official',
      ]);
    },
  );
});

describe('a speaker described by a relative clause', () => {
  test.each(MODELS)(
    'when "X, a professor at Y, who was not involved in the study, said Z" follows another sentence, then X said Z, not Z said X (%s)',
    (model) => {
      const text =
        'Not everyone was convinced. Gunter Kuhnle, a professor of nutrition at the University of Reading, who was ' +
        'not involved in the study, said the findings showed an association, not a cause.';
      const claims = extractClaims(text, { model });
      expect(claims.some((c) => c.text.includes('Gunter Kuhnle'))).toBe(false);
      expect(claims.some((c) => (c.speaker.mention ?? '').includes('showed'))).toBe(false);
    },
  );

  test('when the accurate model reads "X, a professor at Y, who was not involved in the study, said Z", then the claim is X\'s', () => {
    const text =
      'Not everyone was convinced. Gunter Kuhnle, a professor of nutrition at the University of Reading, who was ' +
      'not involved in the study, said the findings showed an association, not a cause.';
    const claim = claimWith(extractClaims(text, { model: 'accurate' }), 'association');
    expect([claim?.speaker.name, claim?.text]).toEqual([
      'Gunter Kuhnle',
      'the findings showed an association, not a cause',
    ]);
  });

  test.each(MODELS)(
    'when the relative clause has no comma before "who", then no claim makes the name what was said (%s)',
    (model) => {
      const text =
        'Gunter Kuhnle, a professor at Reading who was not involved in the study, said the findings showed an ' +
        'association.';
      const claims = extractClaims(text, { model });
      expect(claims.some((c) => c.text.includes('Gunter Kuhnle'))).toBe(false);
      expect(claims.some((c) => /^who\b/i.test(c.speaker.mention ?? ''))).toBe(false);
    },
  );
});

describe('speakers described by who asked them', () => {
  test.each(MODELS)(
    'when "Economists polled by Reuters expect …", then the economists speak, typed expert, not the outlet (%s)',
    (model) => {
      const text = 'Economists polled by Reuters expect the first cut in interest rates in April.';
      const speaker = claimWith(extractClaims(text, { model }), 'first cut')?.speaker;
      expect([speaker?.name, speaker?.type]).toEqual(['economists', 'expert']);
    },
  );
});

describe('an interviewee introduced by a lowercase title', () => {
  test.each(MODELS)(
    'when "The health secretary, Wes Streeting, sat down with our correspondent" tops a Q/A, then the answers are his, titled and typed official (%s)',
    (model) => {
      const text =
        'The health secretary, Wes Streeting, sat down with our correspondent on Monday.\n\n' +
        'Q: Will you cut the NHS budget to pay for the pay deal?\n\n' +
        "A: No. We will not cut the NHS budget. The pay deal is funded from the Treasury's reserves.";
      const speaker = claimWith(extractClaims(text, { model }), 'NHS budget')?.speaker;
      expect([speaker?.name, speaker?.title, speaker?.type]).toEqual(['Wes Streeting', 'health secretary', 'official']);
    },
  );
});

describe('titles written with a hyphen or a majority', () => {
  test.each(MODELS)(
    'when "WHO Director-General Tedros Adhanom Ghebreyesus told a news briefing …", then the title is Director-General and he is an official (%s)',
    (model) => {
      const text =
        'WHO Director-General Tedros Adhanom Ghebreyesus told a news briefing that supply, not science, was now the ' +
        'main obstacle.';
      const speaker = claimWith(extractClaims(text, { model }), 'main obstacle')?.speaker;
      expect([speaker?.name, speaker?.title, speaker?.affiliation, speaker?.type]).toEqual([
        'Tedros Adhanom Ghebreyesus',
        'Director-General',
        'WHO',
        'official',
      ]);
    },
  );

  test.each(MODELS)(
    'when "Senate Majority Leader Chuck Schumer warned that …", then the title is Majority Leader of the Senate (%s)',
    (model) => {
      const text = 'Senate Majority Leader Chuck Schumer warned that the fight over spending was far from over.';
      const speaker = claimWith(extractClaims(text, { model }), 'far from over')?.speaker;
      expect([speaker?.name, speaker?.title, speaker?.affiliation]).toEqual([
        'Chuck Schumer',
        'Majority Leader',
        'Senate',
      ]);
    },
  );
});

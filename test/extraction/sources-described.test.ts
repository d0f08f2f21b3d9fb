import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Speakers found wrong reading extractor 0.8.10's claims on wire copy written for the purpose (2026-11-30, a central
 * bank decision and an inflation report): a statement sharing the subject of a sentence that opens with another verb
 * had no speaker; "according to Eurostat, the EU's statistics office." typed Eurostat a person; an analyst "at
 * Pivotal Research Group" was typed as the group; "a report from the Bureau of Labor Statistics" as an expert.
 */
const MODELS = ['accurate', 'fast'] as const;
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));
const speakerOf = (text: string, words: string, model: (typeof MODELS)[number]) =>
  claimWith(extractClaims(text, { model }), words)?.speaker;

describe('a statement sharing the subject the sentence opens with', () => {
  test('when "The European Central Bank kept rates unchanged but signalled that …" follows a dateline, then the bank said it', () => {
    const text =
      'FRANKFURT, April 11 (AP) — The European Central Bank kept interest rates unchanged on Thursday but signalled ' +
      'that it could begin lowering borrowing costs as early as June.';
    expect(speakerOf(text, 'lowering borrowing costs', 'accurate')?.name).toBe('the European Central Bank');
  });

  test.each(MODELS)(
    'when the sentence opens with a circumstance ("Last week the bank raised rates but said …"), then no word of it becomes the speaker (%s)',
    (model) => {
      const speaker = speakerOf('Last week the bank raised rates but said it would pause.', 'would pause', model);
      expect(speaker?.name ?? null).toBeNull();
    },
  );
});

describe('the description after "according to" closing the sentence', () => {
  test.each(MODELS)(
    'when "according to Eurostat, the EU\'s statistics office." ends the sentence, then the description is in the source and types it (%s)',
    (model) => {
      const text =
        "Inflation in the euro zone fell to 2.4% in March, according to Eurostat, the EU's statistics office.";
      const speaker = speakerOf(text, 'Inflation in the euro zone', model);
      expect([speaker?.mention, speaker?.type]).toEqual(["Eurostat, the EU's statistics office", 'official']);
    },
  );

  test.each(MODELS)(
    'when the words after the source measure the figure ("Crowdpac, the most of any startup"), then the source stays the name (%s)',
    (model) => {
      const text = 'The company raised $2.5 million, according to Crowdpac, the most of any startup this year.';
      expect(speakerOf(text, 'raised $2.5 million', model)?.mention).toBe('Crowdpac');
    },
  );
});

describe('typing by what a source works for or publishes', () => {
  test.each(MODELS)(
    'when an analyst works "at Pivotal Research Group", then he is an expert, not the group (%s)',
    (model) => {
      const text =
        'Advertising sales rose 4% last year, according to Brian Wieser, an analyst at Pivotal Research Group.';
      const speaker = speakerOf(text, 'Advertising sales', model);
      expect([speaker?.name, speaker?.title, speaker?.type]).toEqual(['Brian Wieser', 'analyst', 'expert']);
    },
  );

  test.each(MODELS)(
    'when the source is "a report from the Bureau of Labor Statistics", then it speaks for the bureau, an official body (%s)',
    (model) => {
      const text = 'The city added 3,000 jobs in May, according to a report from the Bureau of Labor Statistics.';
      expect(speakerOf(text, '3,000 jobs', model)?.type).toBe('official');
    },
  );
});

describe('a company named with its legal suffix', () => {
  const text =
    'Semiconductor maker Lumora Inc cut its annual revenue forecast on Wednesday, blaming new U.S. export ' +
    'restrictions to China, and said it would lay off about 8% of its workforce.\n\nLumora, which makes chips used ' +
    'in data centers and cars, said the job cuts would save about $300 million a year.';

  test.each(MODELS)('when "Lumora Inc" is later just "Lumora", then that speaker is the company (%s)', (model) => {
    expect(speakerOf(text, 'save about $300 million', model)?.type).toBe('organization');
  });

  test('when ", blaming …, and said" follows a subject after a dateline, then the participle is no part of the cue', () => {
    const wire = `SAN JOSE, Calif., Oct 2 (Reuters) - ${text}`;
    const claim = claimWith(extractClaims(wire, { model: 'accurate' }), 'lay off about 8%');
    expect(claim?.cue).toBe('said');
  });
});

describe('an anonymous source set off by a long relative clause', () => {
  const text =
    'A source familiar with the matter, who asked not to be named because they were not authorised to speak ' +
    'publicly, said the chief executive had been told about the delay.';

  test('when "said the chief executive had been told …" follows it, then the source said it, not the chief executive', () => {
    const claims = extractClaims(text, { model: 'accurate' });
    const told = claimWith(claims, 'chief executive had been told');
    expect(told?.speaker.mention).toBe('A source familiar with the matter');
    expect(told?.speaker.type).toBe('source');
  });

  test.each(MODELS)('when someone "had been told" something, then they are never its speaker (%s)', (model) => {
    const claims = extractClaims(text, { model });
    expect(
      claims.filter((c) => c.speaker.name === 'the chief executive' || c.speaker.mention === 'the chief executive'),
    ).toEqual([]);
  });
});

describe('a court hearing (titles, fronted places and a stray cue)', () => {
  test.each(MODELS)('when "Solicitor General Elena Park" speaks, then her title is the whole office (%s)', (model) => {
    const text =
      'Solicitor General Elena Park defended the tariffs. "Tariffs are the oldest tool for regulating importation," she told the justices.';
    const speaker = speakerOf(text, 'oldest tool', model);
    expect([speaker?.name, speaker?.title]).toEqual(['Elena Park', 'Solicitor General']);
  });

  test('when "Outside the court, small-business owners … said" opens the sentence, then the place is no part of the speaker', () => {
    const text =
      'Outside the court, small-business owners who brought the case said the tariffs had cost them millions.';
    const speaker = speakerOf(text, 'cost them millions', 'accurate');
    expect([speaker?.mention, speaker?.type]).toEqual(['small-business owners who brought the case', 'person']);
  });

  test('when "A decision is expected by June." follows a quoted statement, then the quotation is not claimed twice', () => {
    const text =
      'The White House said in a statement it was "confident the court will uphold the president\'s authority." ' +
      'A decision is expected by June.';
    const claims = extractClaims(text, { model: 'accurate' }).filter((c) => c.text.includes('confident the court'));
    expect(claims.map((c) => c.speaker.name)).toEqual(['the White House']);
  });
});

import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Where one statement ends and the next begins, on wire copy written for these tests (extractor 0.8.3): a
 * quotation closed by a full stop, a fronted "Asked whether …", a participle after a content of the cue's own,
 * a relative clause between speaker and cue, a noun in -s before the cue, and an abbreviated title ("Sen.").
 */
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));
const MODELS = ['accurate', 'fast'] as const;

describe('statement boundaries on wire copy', () => {
  test.each(MODELS)(
    'when a quotation closes with a full stop and the next sentence is "She said …", then that sentence is her content, not the quotation (%s)',
    (model) => {
      const text =
        'Mayor Ines Duarte told a council meeting the cuts were "a betrayal of every family in this city." ' +
        'She said she would veto the budget if it reached her desk unchanged.';
      const claims = extractClaims(text, { model });
      const veto = claimWith(claims, 'veto the budget');
      expect(veto?.cue).toBe('said');
      expect(veto?.text).toBe('she would veto the budget if it reached her desk unchanged');
      expect(claims.some((c) => c.cue === 'said' && c.text.includes('betrayal'))).toBe(false);
    },
  );

  test.each(MODELS)(
    'when a sentence opens with "Asked whether …," before "Name said:", then the cue is "said" alone (%s)',
    (model) => {
      const text =
        'Asked whether the bill could pass before the holiday recess, Delgado said: "I\'m an optimist. But I\'ve been in this building long enough to know better."';
      const claim = claimWith(extractClaims(text, { model }), 'an optimist');
      expect(claim?.cue).toBe('said');
      expect(claim?.speaker.name).toBe('Delgado');
    },
  );

  test.each(MODELS)(
    'when "X urged …, saying …", then the urging and the saying are two claims, each with its own content (%s)',
    (model) => {
      const text =
        'Lena Varga, the health minister, urged both sides to return to the table, saying the government would not intervene "at this stage".';
      const claims = extractClaims(text, { model });
      const urged = claims.find((c) => c.cue === 'urged');
      const saying = claims.find((c) => c.cue === 'saying');
      // (`fast` leaves "both" out of the urging; what matters here is that neither takes the other's words.)
      expect(urged?.text).toMatch(/sides to return to the table$/);
      expect(saying?.text).toBe('the government would not intervene "at this stage"');
      expect(urged?.speaker.name).toBe('Lena Varga');
      expect(saying?.speaker.name).toBe('Lena Varga');
    },
  );

  test.each(MODELS)(
    'when a relative clause about anonymity stands between an unnamed official and "said", then the official is the speaker (%s)',
    (model) => {
      const text =
        'The ministry declined to comment. An administration official, who spoke on condition of anonymity because the talks were private, said the president was prepared to sign.';
      const claim = claimWith(extractClaims(text, { model }), 'prepared to sign');
      expect(claim?.speaker.name).toBe('an administration official');
      expect(claim?.speaker.type).toBe('official');
    },
  );

  test('when "people familiar with the talks said", then "talks" belongs to the speaker and the cue is "said"', () => {
    const text = 'Three people familiar with the talks said the airline had offered pilots a 9% raise.';
    const claim = claimWith(extractClaims(text, { model: 'accurate' }), 'offered pilots');
    expect(claim?.cue).toBe('said');
    expect(claim?.speaker.name).toBe('three people familiar with the talks');
    expect(claim?.speaker.type).toBe('source');
  });

  test.each(MODELS)(
    'when "But Sen. Name, R-State, said" is followed by the surname alone, then both claims are an official’s (%s)',
    (model) => {
      const text =
        'The bill passed the House on Tuesday. But Sen. Carol Whitcombe, R-Idaho, said the bill would add to the deficit. ' +
        '"We cannot keep borrowing for this," Whitcombe said in an interview.';
      const claims = extractClaims(text, { model });
      const first = claimWith(claims, 'add to the deficit');
      const second = claimWith(claims, 'keep borrowing');
      expect(first?.speaker.type).toBe('official');
      expect(second?.speaker.name).toBe('Carol Whitcombe');
      expect(second?.speaker.type).toBe('official');
    },
  );
});

describe('a speaker set off by commas after the subject', () => {
  test.each(MODELS)(
    'when "The figures, she cautioned, still need …", then the subject is part of the content (%s)',
    (model) => {
      const text =
        'Inflation fell to 2.1% in October, the central bank governor, Ana Lopes, said on Tuesday. ' +
        'The new figures, she cautioned, still need to be read with care because energy prices were unusually low.';
      const claim = claimWith(extractClaims(text, { model }), 'read with care');
      expect(claim?.text.startsWith('The new figures … still need to be read with care')).toBe(true);
    },
  );
});

describe('a subject described by role, then ", however,"', () => {
  test.each(MODELS)(
    'when "Labour\'s shadow health secretary, however, accused …" and then "she said", then both claims are the secretary\'s (%s)',
    (model) => {
      const text =
        'The Department of Health said it had given councils an extra £600m this year. A spokesperson added: "We recognise the pressures." ' +
        'Labour\'s shadow health secretary, however, accused ministers of "kicking the can down the road". ' +
        'Speaking on BBC Radio 4, she said families were "paying the price for years of neglect".';
      const claims = extractClaims(text, { model });
      const accused = claimWith(claims, 'kicking the can');
      const said = claimWith(claims, 'paying the price');
      expect(accused?.speaker.name).toBe("Labour's shadow health secretary");
      expect(said?.speaker.name).toBe("Labour's shadow health secretary");
      expect(said?.speaker.type).toBe('official');
    },
  );
});

describe('quotations after a colon, and bracketed acronyms in a speaker', () => {
  test.each(MODELS)(
    'when "X added: “…”" is followed by the reporter\'s next sentence in the same paragraph, then the content is the quotation alone (%s)',
    (model) => {
      const text =
        'The transport ministry said it had ordered an inquiry. A spokesperson added: "We take every report of this kind seriously." ' +
        'Opposition MPs, however, accused the minister of "hiding behind process". ' +
        'Speaking on local radio, the party\'s transport spokesman said commuters were "paying the price for years of delay".';
      const claim = claimWith(extractClaims(text, { model }), 'every report');
      expect(claim?.text).toBe('We take every report of this kind seriously');
    },
  );

  test.each(MODELS)(
    'when the speaker is "the Local Government Association (LGA)", then its name keeps the closing bracket (%s)',
    (model) => {
      const text =
        'Councils in England face a £4bn shortfall by 2028, the Local Government Association (LGA) has warned.';
      const claim = claimWith(extractClaims(text, { model }), 'shortfall');
      expect(claim?.speaker.name).toBe('the Local Government Association (LGA)');
    },
  );
});

describe('Q/A interviews and contents that only say when', () => {
  const interview = [
    "'The harbour will silt up again': an interview with Mayor Ilse Vandamme",
    '',
    'Q: How long will the dredging take?',
    '',
    'A: Six weeks if the weather holds, and it costs the port about two million euros.',
    '',
    'Q: Who pays?',
    '',
    'A: The port pays first. The ministry has promised to refund half of it by the spring.',
  ].join('\n');

  test.each(MODELS)('when an interview names its interviewee at the top, then the answers are theirs (%s)', (model) => {
    const claims = extractClaims(interview, { model });
    const answers = claims.filter((c) => c.cue === ':');
    expect(answers.length).toBe(2);
    expect(answers.every((c) => c.speaker.name === 'Ilse Vandamme' && c.speaker.type === 'official')).toBe(true);
  });

  test('when an interview names only the outlet ("an interview with CNN"), then the answers name nobody', () => {
    const text = interview.replace('an interview with Mayor Ilse Vandamme', 'in an interview with CNN');
    const answers = extractClaims(text).filter((c) => c.cue === ':');
    expect(answers.length).toBe(2);
    expect(answers.every((c) => c.speaker.name === null && c.speaker.type === 'unknown')).toBe(true);
  });

  test.each(MODELS)(
    'when a content only says when ("has known that since 2019"), then it is no claim (%s)',
    (model) => {
      const text =
        'The dikes were built for a flood that comes once a century. The regional government has known that since 2019.';
      expect(extractClaims(text, { model }).some((c) => c.text === 'since 2019')).toBe(false);
    },
  );
});

describe('sentence ends, editorial notes and circumstances', () => {
  test.each(MODELS)(
    'when a sentence ends "… on X." before a quotation, then the two statements stay apart (%s)',
    (model) => {
      const text =
        'Mayor Tom Reyes called the ruling "a gift to polluters" in a post on X. "Our rivers deserve better," he wrote.';
      const claims = extractClaims(text, { model });
      expect(claimWith(claims, 'gift to polluters')?.cue).toBe('called');
      const wrote = claimWith(claims, 'rivers deserve better');
      expect(wrote?.cue).toBe('wrote');
      expect(wrote?.text).toBe('Our rivers deserve better');
    },
  );

  test.each(MODELS)('when an article ends with "Correction: …", then the note is no claim (%s)', (model) => {
    const text =
      'The council approved the budget on Tuesday, a spokesman said.\n\nCorrection: An earlier version of this article gave the wrong date for the vote.';
    expect(extractClaims(text, { model }).some((c) => c.text.includes('earlier version'))).toBe(false);
  });

  test.each(MODELS)(
    'when "… after threatening a reporter" follows an attribution, then the participle is no cue (%s)',
    (model) => {
      const text = 'According to police, a man was arrested outside the courthouse after threatening a reporter.';
      const claims = extractClaims(text, { model });
      expect(claims.some((c) => c.cue === 'threatening')).toBe(false);
      expect(claimWith(claims, 'was arrested')?.speaker.name).toBe('police');
    },
  );

  test.each(MODELS)(
    'when a later quotation is the object of a clause of its own ("was a “…”", "from the “…”", "appeared on “…”"), then it is no part of the claim before (%s)',
    (model) => {
      const cases: [string, string][] = [
        [
          'Ortega said the council would review the budget next month. The budget was a “patchwork of cuts that nobody in the chamber really wanted.”',
          'the council would review the budget next month',
        ],
        [
          'Rivera told reporters the audit would be published. Her office has been under pressure from the “small but very loud group of critics on the council.”',
          'the audit would be published',
        ],
        [
          'Rivera said the audit would be published. She later appeared on “Good Morning Britain with its two new hosts for the first time.”',
          'the audit would be published',
        ],
      ];
      for (const [text, said] of cases) {
        expect(claimWith(extractClaims(text, { model }), said)?.text).toBe(said);
      }
    },
  );
});

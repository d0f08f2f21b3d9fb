import { extractClaims } from '../../src/extraction';
import { buildClaims } from '../../src/extraction/claims';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * The failure classes of issue 12 on plain wire copy, each with sentences written for this test. Each test runs the
 * whole extractor (tagger, rules, claim builder) and checks what a fact-checker reads: who, cue, what.
 */
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));
const who = (c: ExtractedClaim | undefined) => c?.speaker.name ?? null;

describe('wire copy', () => {
  test('when a named speaker with title and organisation says: “…”, then the quotation is the content and the name the speaker', () => {
    const text =
      'Maria Okonkwo, head of logistics at Harbourline Freight, said: “We cannot move containers when the cranes are idle.”';
    const [claim] = extractClaims(text);
    expect(claim?.text).toBe('We cannot move containers when the cranes are idle');
    expect(claim?.speaker.name).toBe('Maria Okonkwo');
    expect(claim?.cue).toBe('said');
  });

  test('when a speaker "said at least …", then "at" stays in the content and the cue is only "said"', () => {
    const text = 'The ministry said at least 40 people had been evacuated from the valley.';
    const claim = claimWith(extractClaims(text), 'people had been evacuated');
    expect(claim?.text).toBe('at least 40 people had been evacuated from the valley');
    expect(claim?.cue).toBe('said');
  });

  test('when the reported clause opens with a noun, then no noun is pulled into the cue', () => {
    const text = "Police said Sunday's blast was caused by a gas leak.";
    const claim = claimWith(extractClaims(text), 'gas leak');
    expect(claim?.cue).toBe('said');
    expect(claim?.text).toBe("Sunday's blast was caused by a gas leak");
    expect(claim?.speaker.name?.toLowerCase()).toBe('police');
  });

  test('when two statements share a subject, then each becomes a claim with its own cue', () => {
    const text = 'The company said it would appeal the ruling and accused the union of spreading false figures.';
    const claims = extractClaims(text);
    expect(claims.map((c) => [c.cue, c.text])).toEqual([
      ['said', 'it would appeal the ruling'],
      ['accused', 'the union of spreading false figures'],
    ]);
    expect(claims.every((c) => c.speaker.type === 'organization')).toBe(true);
  });

  test('when a speaker said one thing and told reporters another, then the second claim starts after the addressee', () => {
    const text = 'The mayor said the bridge would reopen in June. She told reporters the repairs cost $4 million.';
    const claims = extractClaims(text);
    expect(claims.map((c) => [c.cue, c.text, c.speaker.name])).toEqual([
      ['said', 'the bridge would reopen in June', 'the mayor'],
      ['told', 'the repairs cost $4 million', 'the mayor'],
    ]);
  });

  test('when a quotation runs over several paragraphs, then it is one content and "she" is the speaker introduced before it', () => {
    const text = [
      '“The river rose faster than any model predicted,” said Tomas Reyes, who leads the flood team.',
      'Ana Ruiz, the county’s emergency manager, described the night.',
      '“We had sandbags for two days of rain.',
      '“Maria Lopez and her crew worked until dawn, and we still got five days of rain in one night.',
      '“Nobody could have held that line,” she said.',
    ].join('\n\n');
    const claims = extractClaims(text);
    const quote = claimWith(claims, 'Nobody could have held that line');
    expect(quote?.text).toBe(
      'We had sandbags for two days of rain … Maria Lopez and her crew worked until dawn, and we still got five days of rain in one night … Nobody could have held that line',
    );
    expect(quote?.spans.content).toHaveLength(3);
    expect(quote?.speaker.name).toBe('Ana Ruiz');
    // No paragraph of the quotation turns up again as a claim of its own (or of Tomas Reyes).
    expect(claims.filter((c) => c.text.includes('sandbags'))).toHaveLength(1);
  });

  test('when an interview is written as Q: and A:, then the answers are claims and the questions are not', () => {
    const text = [
      'Port director Lena Vos spoke to us after the strike ended.',
      'Q: Why did the cranes stop?',
      'A: The power failed at the substation and the backup generators never started.',
      'Q: When will the port reopen?',
      'A: We expect the first ships to dock on Friday morning.',
    ].join('\n\n');
    const claims = extractClaims(text);
    const texts = claims.map((c) => c.text);
    expect(texts).toContain('The power failed at the substation and the backup generators never started.');
    expect(texts).toContain('We expect the first ships to dock on Friday morning.');
    expect(texts.some((t) => t.includes('Why did the cranes stop'))).toBe(false);
    // "We" inside an answer is the interviewee, never the publication.
    expect(claims.some((c) => c.speaker.type === 'publication')).toBe(false);
  });

  test('when a transcript line starts with a NAME:, then the rest of the line is that speaker’s claim', () => {
    const text = 'MORALES: The budget is balanced for the first time in a decade.';
    const [claim] = extractClaims(text);
    expect(claim?.text).toBe('The budget is balanced for the first time in a decade.');
    expect(claim?.speaker.name).toBe('MORALES');
  });

  test('when a headline has no recognisable speaker, then it gives no claim', () => {
    const text =
      'Hospital waiting lists warn of a winter crisis\n\nWaiting lists in England grew again in January, the health service said.';
    const claims = extractClaims(text);
    expect(claims.some((c) => c.text.includes('winter') || /waiting$/i.test(c.speaker.mention ?? ''))).toBe(false);
  });

  test('when a wire story opens with a dateline, then the dateline is not in the content', () => {
    const text =
      'LONDON, March 3 (Reuters) - Waiting lists in England grew again in January, with 7.4 million cases on the books, the NHS said on Thursday.';
    const [claim] = extractClaims(text);
    expect(claim?.text).toBe('Waiting lists in England grew again in January, with 7.4 million cases on the books');
    expect(claim?.speaker).toMatchObject({ name: 'the NHS', type: 'organization' });
  });

  test('when "the evidence shows", then the claim names no speaker', () => {
    const text = 'The evidence shows that the backlog has grown every month since 2021.';
    const claim = claimWith(extractClaims(text), 'backlog');
    expect(claim?.speaker).toMatchObject({ name: null, mention: null, type: 'unknown' });
  });

  test('when organisations are introduced by what they are, then they are typed organization', () => {
    const text =
      'Terminal operator ECT said its cranes would be back in service by Friday. ' +
      'The think tank Nuffield Trust said the waiting-time target was out of reach.';
    const claims = extractClaims(text);
    expect(claimWith(claims, 'cranes')?.speaker).toMatchObject({ name: 'ECT', type: 'organization' });
    expect(claimWith(claims, 'target')?.speaker).toMatchObject({ name: 'Nuffield Trust', type: 'organization' });
  });

  test('when politicians are named with their office, then they are officials and the verb stays out of the name', () => {
    const text =
      'Health Secretary Wes Streeting said the figures were a warning. Sen. Dana Whitlock said the bill would pass.';
    const claims = extractClaims(text);
    expect(claimWith(claims, 'warning')?.speaker).toMatchObject({ name: 'Wes Streeting', type: 'official' });
    expect(claimWith(claims, 'bill')?.speaker).toMatchObject({ name: 'Dana Whitlock', type: 'official' });
  });

  test('when a content opens a quotation, then the claim text closes it', () => {
    const text = 'The regulator said the merger was "simply out of reach" for now.';
    const plain = 'The union said the target was "simply out of reach".';
    expect(claimWith(extractClaims(plain), 'target')?.text).toBe('the target was "simply out of reach"');
    for (const c of extractClaims(text)) expect((c.text.match(/"/g) ?? []).length % 2).toBe(0);
  });

  test('when a speaker "said that …", then the claim text has no leading "that" and the span still covers it', () => {
    const text = 'The minister said that prices would fall next year.';
    const [claim] = extractClaims(text);
    expect(claim?.text).toBe('prices would fall next year');
    const [a, b] = claim?.spans.content[0] ?? [0, 0];
    expect(text.slice(a, b)).toBe('that prices would fall next year');
  });
});

test('when a speaker span runs into the verb, then the verb is not part of the speaker’s name', () => {
  const text = 'Health Secretary Wes Streeting called the figures a warning.';
  const source = 'Health Secretary Wes Streeting called';
  const content = 'the figures a warning';
  const [claim] = buildClaims(text, [
    {
      source: [[0, source.length]],
      cue: [[text.indexOf('called'), text.indexOf('called') + 6]],
      content: [[text.indexOf(content), text.indexOf(content) + content.length]],
      origin: 'tagger',
      confidence: 0.8,
    },
  ]);
  expect(claim?.speaker).toMatchObject({ name: 'Wes Streeting', type: 'official' });
});

test('when a business is introduced by an appositive, then later mentions of its name are typed organization', () => {
  const text =
    'The union wants talks with Marlow Foods, the maker of Crisply snacks. Marlow Foods said it would not negotiate before May.';
  const claim = claimWith(extractClaims(text), 'negotiate');
  expect(claim?.speaker).toMatchObject({ name: 'Marlow Foods', type: 'organization' });
});

test('when the speaker is a pronoun with nobody to point back to, then the claim keeps its content and the type is unknown', () => {
  const text = 'She said the hospital would close its maternity ward in the spring.';
  const claim = claimWith(extractClaims(text), 'maternity ward');
  expect(claim?.speaker.type).toBe('unknown');
});

describe('contents split by their cue, and quotations after a colon', () => {
  test('when a speaker and cue stand between commas inside a sentence, then both parts of the sentence are the claim', () => {
    const text = 'Climate change, the minister often says, is the greatest threat the islands face.';
    const claim = claimWith(extractClaims(text), 'greatest threat');
    expect(claim?.text).toBe('Climate change … is the greatest threat the islands face');
    expect(claim?.spans.content).toHaveLength(2);
    expect(who(claim)).toBe('the minister');
  });

  test.each(['accurate', 'fast'] as const)(
    'when "said on Monday," stands inside the sentence (%s model), then the day is no part of the claim',
    (model) => {
      const text = 'The new terminal, the port director said on Monday, will handle twice as many containers by 2028.';
      const claim = claimWith(extractClaims(text, { model }), 'containers');
      // The subject before the speaker may be kept with it ("The new terminal … will handle …", as PolNeAR marks it).
      expect(claim?.text).toMatch(/^(?:The new terminal … )?will handle twice as many containers by 2028$/);
      expect(who(claim)).toBe('the port director');
    },
  );

  test.each(['accurate', 'fast'] as const)(
    'when a one-word quotation is split from the rest by its cue (%s model), then both parts are one claim',
    (model) => {
      const text = '“Frankly,” the mayor said, “nobody expected the river to rise that fast.”';
      const [claim, ...rest] = extractClaims(text, { model });
      expect(rest).toEqual([]);
      expect(claim?.text).toBe('Frankly … nobody expected the river to rise that fast');
      expect(who(claim)).toBe('the mayor');
    },
  );

  test.each(['accurate', 'fast'] as const)(
    'when "Jansen continued:" closes a paragraph (%s model), then the quotation in the next paragraph is hers',
    (model) => {
      const text = [
        'Pia Jansen addressed strikers outside the gates on Tuesday.',
        'Jansen continued:',
        '“We will stay here until every job is guaranteed in writing.”',
      ].join('\n\n');
      const claim = claimWith(extractClaims(text, { model }), 'every job');
      expect(claim?.text).toBe('We will stay here until every job is guaranteed in writing');
      expect(claim?.cue).toBe('continued');
      expect(who(claim)).toBe('Pia Jansen');
    },
  );
});

describe('reporter background after the cue, and a named union after "their union"', () => {
  const walkout =
    'Dock workers walked out at the port of Rotterdam, their union said on Friday, in a dispute over automation that threatens hundreds of jobs.';

  test.each(['accurate', 'fast'] as const)(
    'when "…, their union said on Friday, in a dispute over …" (%s model), then the claim is the clause before and the dispute is nobody\'s claim',
    (model) => {
      const claims = extractClaims(walkout, { model });
      expect(claims.map((c) => [c.text, who(c), c.cue])).toEqual([
        ['Dock workers walked out at the port of Rotterdam', 'their union', 'said'],
      ]);
    },
  );

  test.each(['accurate', 'fast'] as const)(
    'when "The FNV union said … after employers refused …" follows "their union" (%s model), then the FNV union is the speaker and "said" the whole cue',
    (model) => {
      const text = `${walkout}\n\nThe FNV union said talks with the terminal operators had collapsed after employers refused to guarantee jobs.`;
      const claim = claimWith(extractClaims(text, { model }), 'terminal operators');
      expect(claim?.text).toBe(
        'talks with the terminal operators had collapsed after employers refused to guarantee jobs',
      );
      expect(claim?.cue).toBe('said');
      expect(claim?.speaker.mention).toBe('The FNV union');
      expect(who(claim)).toBe('the FNV union');
    },
  );
});

test.each(['accurate', 'fast'] as const)(
  "when ''a quotation'' opens the sentence after \"Mr. Holtz said.\" (%s model), then it continues his claim and the full stop is no part of it",
  (model) => {
    const text =
      "''I have admiration for the mechanics'' of the plan, Mr. Holtz said. ''They're more detailed than his. But I have serious concerns about the quality.''";
    const [claim, ...rest] = extractClaims(text, { model });
    expect(rest).toEqual([]);
    expect(claim?.cue).toBe('said');
    expect(claim?.text.startsWith("I have admiration for the mechanics'' of the plan … They're more detailed")).toBe(
      true,
    );
    expect(who(claim)).toBe('Holtz');
  },
);

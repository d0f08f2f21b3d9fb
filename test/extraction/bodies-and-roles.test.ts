import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Speakers found wrong reading extractor 0.8.8's claims on wire copy written for the purpose (2026-11-29, a port
 * strike): a body named "X of Y" read as a person called X, a union's shop steward taken for the union (and the
 * union's later statement pinned on him), and a speaker running from one claim's source into its content.
 */
const MODELS = ['accurate', 'fast'] as const;
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));

describe('bodies named "X of Y"', () => {
  test.each(MODELS)(
    'when "The Port of Rotterdam Authority" or "The Church of England" speaks, then the speaker is that body, not a person called "Port" or "Church" (%s)',
    (model) => {
      const text =
        'The Port of Rotterdam Authority said in a statement that 38 container ships were waiting at anchor. ' +
        'The Church of England said it would review its guidance on heating churches.';
      const claims = extractClaims(text, { model });
      const port = claimWith(claims, 'container ships')?.speaker;
      expect([port?.name, port?.type]).toEqual(['the Port of Rotterdam Authority', 'official']);
      const church = claimWith(claims, 'review its guidance')?.speaker;
      expect([church?.name, church?.type]).toEqual(['the Church of England', 'organization']);
    },
  );

  test.each(MODELS)('when "the Duke of Sussex" speaks, then he stays a person (%s)', (model) => {
    const claims = extractClaims('The Duke of Sussex said the charity would expand to Canada.', { model });
    expect(claimWith(claims, 'expand to Canada')?.speaker.type).toBe('person');
  });
});

describe('a union and the people who work for it', () => {
  test.each(MODELS)(
    'when a shop steward for a union speaks and "The union" speaks later, then the steward is a person titled "shop steward" and the union\'s claim is the union\'s (%s)',
    (model) => {
      const text =
        '"We are not going back until the company puts a serious offer on the table," said Niels de Groot, a shop ' +
        'steward for the FNV union.\n\nThe union has said it will hold a ballot on any new offer.';
      const claims = extractClaims(text, { model });
      const steward = claimWith(claims, 'serious offer')?.speaker;
      expect([steward?.name, steward?.type, steward?.title]).toEqual(['Niels de Groot', 'person', 'shop steward']);
      const union = claimWith(claims, 'hold a ballot')?.speaker;
      expect(union?.name).not.toBe('Niels de Groot');
      expect(union?.type).toBe('organization');
    },
  );

  test.each(MODELS)(
    'when "a union official" speaks and "The union" speaks next, then the union\'s claim is not the official\'s (%s)',
    (model) => {
      const text =
        'John Marsh, a union official at the plant, said the talks had collapsed. The union said it would hold a ' +
        'ballot next week.';
      const union = claimWith(extractClaims(text, { model }), 'ballot next week')?.speaker;
      expect(union?.name).not.toBe('John Marsh');
      expect(union?.mention).toBe('The union');
    },
  );
});

describe('a speaker running into another claim', () => {
  test.each(MODELS)(
    'when "According to X, the operators are preparing an offer that …", then there is one claim, X\'s, and no cue "are preparing" (%s)',
    (model) => {
      const text =
        'Dock workers stayed off the job for a third day on Friday.\n\nAccording to a person familiar with the ' +
        'negotiations, the operators are preparing an improved offer that includes a 4% wage rise.';
      const claims = extractClaims(text, { model });
      expect(claims.map((c) => [c.speaker.mention, c.cue])).toEqual([
        ['a person familiar with the negotiations', 'According to'],
      ]);
    },
  );
});

describe('officers of public bodies', () => {
  test.each(MODELS)(
    "when a city attorney speaks, and later again by surname, then both claims are an official's with the title; a council member is an official too (%s)",
    (model) => {
      const text =
        'The city attorney, Brian Keller, said the administration would appeal. "We respect the court, but we ' +
        'believe the judge misread the statute," Keller said in an interview.\n\nCouncil member Tom Reyes, who ' +
        'voted against the sale, said the ruling was overdue.';
      const claims = extractClaims(text, { model });
      for (const words of ['would appeal', 'misread the statute']) {
        const keller = claimWith(claims, words)?.speaker;
        expect([keller?.name, keller?.type, keller?.title]).toEqual(['Brian Keller', 'official', 'city attorney']);
      }
      expect(claimWith(claims, 'overdue')?.speaker.type).toBe('official');
    },
  );
});

describe("the reporter's setting after a statement", () => {
  // `fast` still joins the two cues ("said urged") on this text: its tagger gives "officials" no source tag.
  test('when "X, the agency said on Thursday, as officials urged parents to …", then the agency said X only, and the officials urged', () => {
    const text =
      'Measles cases rise for fourth straight week, health agency says\n\nLONDON (Reuters) - Measles cases in England ' +
      'rose for a fourth consecutive week, the UK Health Security Agency (UKHSA) said on Thursday, as officials ' +
      'urged parents to check that their children had received both doses of the vaccine.\n\nThere were 212 ' +
      'confirmed cases in the week to Nov. 22, up from 164 the week before, the agency said.';
    const claims = extractClaims(text, { model: 'accurate' });
    expect(claimWith(claims, 'Measles cases')?.text).toBe(
      'Measles cases in England rose for a fourth consecutive week',
    );
    expect(claimWith(claims, 'both doses')?.cue).toBe('urged');
  });
});

describe('managers', () => {
  test.each(MODELS)(
    'when "X, a portfolio manager at Y," speaks, then X is a person titled "portfolio manager" at Y; a campaign manager stays an official (%s)',
    (model) => {
      const text =
        'Some investors were less sanguine. "This is the third guidance cut in a year," said Priya Natarajan, a ' +
        'portfolio manager at Halcyon Capital, which owns about 2 million Nexora shares.\n\nThe campaign manager, ' +
        'Kellyanne Conway, said the polls were wrong.';
      const claims = extractClaims(text, { model });
      const investor = claimWith(claims, 'guidance cut')?.speaker;
      expect([investor?.type, investor?.title, investor?.affiliation]).toEqual([
        'person',
        'portfolio manager',
        'Halcyon Capital',
      ]);
      expect(claimWith(claims, 'polls were wrong')?.speaker.type).toBe('official');
    },
  );
});

describe('honorifics', () => {
  test.each(MODELS)('when "retired judge Sir Martin Hale" writes, then his title is "retired judge" (%s)', (model) => {
    const text =
      'The report found that maintenance budgets had been cut by a third since 2015. Its author, retired judge Sir ' +
      'Martin Hale, wrote that the failures were "foreseeable and foreseen."';
    const hale = claimWith(extractClaims(text, { model }), 'foreseeable')?.speaker;
    expect([hale?.name, hale?.title]).toEqual(['Martin Hale', 'retired judge']);
  });
});

describe("an organisation's interim head", () => {
  test.each(MODELS)(
    'when "X, interim chief executive of NHS Providers," speaks, then X speaks for the organisation, as a chief executive does (%s)',
    (model) => {
      const text =
        'Waiting lists rose again in September. Saffron Cordery, interim chief executive of NHS Providers, said ' +
        'trusts were "running hot" already.';
      const cordery = claimWith(extractClaims(text, { model }), 'running hot')?.speaker;
      expect([cordery?.name, cordery?.type]).toEqual(['Saffron Cordery', 'organization']);
    },
  );
});

describe('a firm named with an ampersand, and what it declined to say', () => {
  test.each(MODELS)(
    'when "Engine maker Pratt & Whitney" speaks, then the speaker is the firm, not a person called Whitney; and "declined to say when …" is no claim (%s)',
    (model) => {
      const text =
        'Engine maker Pratt & Whitney said it was "working around the clock" to speed up inspections. The company ' +
        'declined to say when the backlog would clear.';
      const claims = extractClaims(text, { model });
      const firm = claimWith(claims, 'around the clock')?.speaker;
      expect([firm?.name, firm?.type]).toEqual(['Pratt & Whitney', 'organization']);
      expect(claimWith(claims, 'backlog would clear')).toBeUndefined();
    },
  );
});

import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Wire-copy patterns found reading extractor 0.8.7's claims on stories written for the purpose (2026-11-29): a
 * reporter's participle aside after a statement, statements refused or not made, a second speaker joined by
 * ", and one, who …, said", and company officers typed as speaking for their company.
 */
const MODELS = ['accurate', 'fast'] as const;
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));

describe('reporter asides and refusals', () => {
  test.each(MODELS)(
    'when a statement is followed by ", raising hopes for …", then the reporting verb is the only cue (%s)',
    (model) => {
      const text =
        'A cheaper blood test found nine in ten early liver cancers in a study of 4,000 patients, doctors reported ' +
        'on Monday, raising hopes for earlier treatment in poorer countries. A new tuberculosis drug cleared the ' +
        'infection in most patients within four months in a trial in three Asian countries, researchers reported ' +
        'on Thursday, raising hopes for a shorter treatment.';
      const claims = extractClaims(text, { model });
      expect(claims.map((c) => [c.speaker.mention, c.cue])).toEqual([
        ['doctors', 'reported'],
        ['researchers', 'reported'],
      ]);
    },
  );

  test.each(MODELS)(
    'when a speaker "declined to comment on" something "but said" something, then only the saying is a claim, with its cue alone (%s)',
    (model) => {
      const text =
        'A spokesman for the finance ministry declined to comment on the report but said the budget would be ' +
        'presented in June.';
      const claims = extractClaims(text, { model });
      expect(claims.map((c) => [c.speaker.mention, c.cue, c.text])).toEqual([
        ['A spokesman for the finance ministry', 'said', 'the budget would be presented in June'],
      ]);
    },
  );

  test.each(MODELS)(
    'when someone "has not said" or "would not say" what they will do, then that is no claim (%s)',
    (model) => {
      const text =
        'The airline said it would cut 40 routes next year. It has not said which airports will lose flights. ' +
        'Its chairman would not say whether more cuts were planned.';
      const claims = extractClaims(text, { model });
      expect(claimWith(claims, '40 routes')?.cue).toBe('said');
      expect(claimWith(claims, 'which airports')).toBeUndefined();
      expect(claimWith(claims, 'more cuts')).toBeUndefined();
    },
  );

  test.each(MODELS)(
    'when a company did not respond to a request for comment on X, then that is no claim (%s)',
    (model) => {
      // Read on a layoffs story (2026-11-30): `accurate` claimed "a request" for the company, titled "former".
      const text =
        'Union organizer Luis Ortega said workers would hold a rally on Friday.\n\nZentrix did not respond to a ' +
        'request for comment on the rally. Its chief executive has not replied to questions about the memo.';
      const claims = extractClaims(text, { model });
      expect(claimWith(claims, 'hold a rally')?.cue).toBe('said');
      expect(claims.map((c) => c.cue)).toEqual(['said']);
    },
  );
});

describe('a second speaker joined by ", and one, who …, said"', () => {
  test('when "Some X questioned A, and one, who asked not to be named, said B", then B is one unnamed source\'s claim, not part of A', () => {
    const text =
      'Not everyone agreed. Some economists questioned whether the growth would last, and one, who asked not to be ' +
      'named because she advises the central bank, said the figures had been revised twice already.';
    const claims = extractClaims(text, { model: 'accurate' });
    const doubt = claimWith(claims, 'growth would last');
    expect(doubt?.text).toBe('whether the growth would last');
    const revised = claimWith(claims, 'had been revised');
    expect(revised?.cue).toBe('said');
    expect(revised?.speaker).toMatchObject({ mention: 'one', type: 'source', anonymous: true });
  });
});

describe("a company's officers", () => {
  test.each(MODELS)(
    "when a chief executive, a chief financial officer or a federation's president speaks, then the speaker is typed organization (%s)",
    (model) => {
      const text =
        'Chief Executive Anna Lindqvist said the company would build a second plant in Ohio. Chief Financial Officer ' +
        "Tomas Berg said the plant would cost $2 billion. The federation's president, Klaus Weber, warned that " +
        'smaller suppliers could not keep up.';
      const claims = extractClaims(text, { model });
      expect(claimWith(claims, 'second plant')?.speaker).toMatchObject({
        name: 'Anna Lindqvist',
        type: 'organization',
      });
      expect(claimWith(claims, '$2 billion')?.speaker).toMatchObject({ name: 'Tomas Berg', type: 'organization' });
      expect(claimWith(claims, 'smaller suppliers')?.speaker).toMatchObject({
        name: 'Klaus Weber',
        type: 'organization',
      });
    },
  );

  test("when a government's chief medical officer speaks, then the speaker stays an official", () => {
    const claims = extractClaims("England's chief medical officer, Chris Whitty, said the winter would be hard.", {
      model: 'accurate',
    });
    expect(claims[0]?.speaker).toMatchObject({ name: 'Chris Whitty', type: 'official' });
  });
});

describe('police and spokespeople', () => {
  test.each(MODELS)(
    'when "the force", a superintendent or a spokesperson for a group speaks, then they are typed official, official and organization (%s)',
    (model) => {
      const text =
        'Two men were charged on Sunday after a crash on the ring road, the force said. "This was a reckless act," ' +
        'Superintendent Joan Marsh said. Road Safety Now, a campaign group, said the junction was known to be ' +
        'dangerous. A spokesperson for the group said it had written to the council twice.';
      const claims = extractClaims(text, { model });
      expect(claimWith(claims, 'Two men were charged')?.speaker).toMatchObject({
        mention: 'the force',
        type: 'official',
      });
      expect(claimWith(claims, 'reckless act')?.speaker).toMatchObject({ name: 'Joan Marsh', type: 'official' });
      expect(claimWith(claims, 'written to the council')?.speaker.type).toBe('organization');
    },
  );
});

describe('an interview the newsroom ran itself', () => {
  test.each(MODELS)(
    'when "X sat down with our correspondent" tops a Q/A, then the answers are X\'s, and "That is …" keeps its subject (%s)',
    (model) => {
      const text =
        'Interview: the health secretary on waiting lists\n\n' +
        'Health Secretary Priya Natarajan sat down with our correspondent on Friday.\n\n' +
        'Q: Will waiting lists fall this year?\nA: Yes. They have fallen for six months in a row, and they will keep falling.\n\n' +
        'Q: Critics say the figures are massaged.\nA: That is simply untrue. The statistics office publishes them, not us.';
      const claims = extractClaims(text, { model });
      const answers = claims.filter((c) => c.cue === ':');
      expect(answers.length).toBeGreaterThanOrEqual(2);
      for (const a of answers) expect(a.speaker).toMatchObject({ name: 'Priya Natarajan', type: 'official' });
      expect(claimWith(claims, 'simply untrue')?.text).toMatch(/^That is simply untrue\./);
    },
  );
});

describe('a relative clause between a named speaker and a later cue', () => {
  test.each(MODELS)(
    'when "Sen. X (R-Okla.), who spent months on it, voted yes and called …", then X is the speaker, not the clause (%s)',
    (model) => {
      const text =
        'Senate Republicans on Thursday blocked a bipartisan farm bill, with several saying it cost too much.\n\n' +
        'The bill failed 48-51. Sen. Dana Whitfield (R-Okla.), who spent four months negotiating it, voted yes and ' +
        'called the outcome "a missed opportunity for farmers."';
      const claim = claimWith(extractClaims(text, { model }), 'missed opportunity');
      expect(claim?.speaker).toMatchObject({ name: 'Dana Whitfield', type: 'official' });
    },
  );
});

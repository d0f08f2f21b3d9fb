import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on plain wire sentences (2026-11-30). `accurate` found no claim in "Officials said prices rose." or "The company
 * said sales fell.": its content head tagged the subject of the statement and left the verb, so the content was one
 * word and dropped. And "New" (no name's opening on its own: "New rules took effect") became a title: "the New York
 * Times" was titled "New", "The New Yorker" a person called Yorker, "New Jersey Gov. Phil Murphy" titled "New Jersey
 * Gov.".
 */
describe('short statements after "said"', () => {
  test.each(MODELS)('when officials said prices rose, then that is their claim (%s)', (model) => {
    const c = claimWith(extractClaims('Officials said prices rose.', { model }), 'prices rose');
    expect(c).toMatchObject({ text: 'prices rose', cue: 'said' });
    expect(c?.speaker).toMatchObject({ mention: 'Officials', type: 'official' });
  });

  test.each(MODELS)('when a company said sales fell, then the company says so (%s)', (model) => {
    const c = claimWith(extractClaims('The company said sales fell.', { model }), 'sales fell');
    expect(c?.speaker).toMatchObject({ type: 'organization' });
  });

  test.each(MODELS)('when the statement runs on past the sentence, then the next sentence stays out (%s)', (model) => {
    const claims = extractClaims('The mayor said crime fell. Shops reopened on Main Street.', { model });
    expect(claimWith(claims, 'crime fell')?.text).toBe('crime fell');
  });
});

describe('announcements closing a sentence', () => {
  test.each(MODELS)(
    'when "…, the club announced on Friday" closes it, then the whole clause is announced (%s)',
    (model) => {
      // Read on a transfer story (2026-11-30): `accurate` announced only "Lucas Moura Silva from Flamengo for £60m".
      const text =
        'Arsenal have completed the signing of Brazilian forward Lucas Moura Silva from Flamengo for £60m, the club ' +
        'announced on Friday.';
      const c = claimWith(extractClaims(text, { model }), 'Flamengo');
      expect(c).toMatchObject({
        cue: 'announced',
        text: 'Arsenal have completed the signing of Brazilian forward Lucas Moura Silva from Flamengo for £60m',
      });
    },
  );
});

describe('bodies named with "and" before a title', () => {
  test.each(MODELS)(
    'when "Work and Pensions Secretary" names the speaker, then the whole department is hers (%s)',
    (model) => {
      // Read on a Westminster story (2026-11-30): the tagger's speaker began at "Pensions".
      const text =
        'Cabinet divisions spilled into the open on Sunday, as Work and Pensions Secretary Pat McFadden said scrapping ' +
        'the cap would cost £3.5 billion a year.';
      const c = claimWith(extractClaims(text, { model }), 'cost £3.5 billion');
      expect(c?.speaker).toMatchObject({ name: 'Pat McFadden', title: 'Secretary', affiliation: 'Work and Pensions' });
    },
  );
});

describe('titles opened by "Majority", "Minority", "Deputy", "Assistant"', () => {
  test.each(MODELS)('when "Majority Leader John Thune" speaks, then the whole title is his (%s)', (model) => {
    // Read on a Senate story (2026-11-30): the title was "Leader" and "Majority" his affiliation.
    const text = 'Majority Leader John Thune said Republicans would try again on Thursday.';
    const c = claimWith(extractClaims(text, { model }), 'try again');
    expect(c?.speaker).toMatchObject({ name: 'John Thune', title: 'Majority Leader', affiliation: null });
  });

  test.each(MODELS)(
    'when an assistant U.S. attorney speaks, then "Assistant U.S. Attorney" is the title (%s)',
    (model) => {
      const text = 'Assistant U.S. Attorney Kevin Park told jurors that the mayor had taken the money.';
      const c = claimWith(extractClaims(text, { model }), 'taken the money');
      expect(c?.speaker).toMatchObject({ name: 'Kevin Park', title: 'Assistant U.S. Attorney', type: 'official' });
    },
  );
});

describe('bodies named with "of" before a role', () => {
  test.each(MODELS)(
    'when "X of Y regional director Helen Cross" speaks, then she has the title and the body (%s)',
    (model) => {
      // Read on a hospital-strike story (2026-11-30): the name was the whole phrase, affiliated to "Nursing regional
      // director Helen Cross".
      const text = 'Royal College of Nursing regional director Helen Cross said the deal was overdue.';
      const c = claimWith(extractClaims(text, { model }), 'overdue');
      expect(c?.speaker).toMatchObject({
        name: 'Helen Cross',
        title: 'regional director',
        affiliation: 'Royal College of Nursing',
      });
    },
  );

  test.each(MODELS)(
    'when "a Department of Health spokesperson" speaks, then the department is the body (%s)',
    (model) => {
      const text =
        'A Department of Health spokesperson said the government would not fund similar deals. A Bank of England ' +
        'official said rates would stay on hold.';
      const claims = extractClaims(text, { model });
      expect(claimWith(claims, 'similar deals')?.speaker).toMatchObject({
        type: 'official',
        affiliation: 'Department of Health',
      });
      expect(claimWith(claims, 'on hold')?.speaker).toMatchObject({ type: 'official', affiliation: 'Bank of England' });
    },
  );
});

describe('names opening with "New"', () => {
  test.each(MODELS)('when the New York Times reports, then the outlet carries no title (%s)', (model) => {
    const c = claimWith(extractClaims('Talks had stalled, The New York Times reported.', { model }), 'stalled');
    expect(c?.speaker).toMatchObject({ name: 'the New York Times', type: 'media', title: null });
  });

  test.each(MODELS)('when the New Yorker says something, then a magazine says it (%s)', (model) => {
    const c = claimWith(extractClaims('The New Yorker said the plan was flawed.', { model }), 'plan was flawed');
    expect(c?.speaker).toMatchObject({ type: 'media' });
    expect(c?.speaker.name).toMatch(/New Yorker/);
  });

  test.each(MODELS)(
    'when a governor is named after "New Jersey Gov.", then the state is the affiliation (%s)',
    (model) => {
      const c = claimWith(extractClaims('New Jersey Gov. Phil Murphy said the state would sue.', { model }), 'sue');
      expect(c?.speaker).toMatchObject({
        name: 'Phil Murphy',
        title: 'Gov.',
        affiliation: 'New Jersey',
        type: 'official',
      });
    },
  );

  test.each(MODELS)('when New Zealand\'s prime minister speaks, then the description keeps "New" (%s)', (model) => {
    const text = 'New Zealand’s prime minister said the border would reopen.';
    const c = claimWith(extractClaims(text, { model }), 'border would reopen');
    expect(c?.speaker.name).toMatch(/^New Zealand/);
  });

  test.each(MODELS)('when "New" opens a sentence before a lowercase word, then it names nobody (%s)', (model) => {
    const c = claimWith(extractClaims('New rules took effect on Monday, officials said.', { model }), 'rules');
    expect(c?.speaker).toMatchObject({ mention: 'officials', type: 'official' });
  });
});

/**
 * Read on the same wire sentences: "A spokesperson for Tesco" was an official (as "A Tesco spokesperson" no longer
 * was), and "Hamas said" a person. The governor's spokesman is a guard: typed by the governor named before, as it
 * was, not as a business now that one name after "spokesperson for" may be one.
 */
describe('who a spokesperson or a movement speaks for', () => {
  test.each(MODELS)(
    'when a spokesperson speaks for a business named bare, then an organization speaks (%s)',
    (model) => {
      const text = 'A spokesperson for Tesco said the chain had no plans to close stores.';
      const c = claimWith(extractClaims(text, { model }), 'close stores');
      expect(c?.speaker).toMatchObject({ type: 'organization', affiliation: 'Tesco' });
    },
  );

  test.each(MODELS)('when a spokesman speaks for a governor named before, then an official speaks (%s)', (model) => {
    const text =
      'Gov. Kathy Hochul signed the bill on Monday. A spokesman for Hochul said the law would take effect in June.';
    expect(claimWith(extractClaims(text, { model }), 'take effect')?.speaker.type).toBe('official');
  });

  test.each(MODELS)('when Hamas speaks, then an organization speaks (%s)', (model) => {
    const c = claimWith(extractClaims('Hamas said it had accepted the proposal.', { model }), 'accepted');
    expect(c?.speaker).toMatchObject({ name: 'Hamas', type: 'organization' });
  });

  test.each(MODELS)('when a state agency is named by its initials, then an official speaks (%s)', (model) => {
    // Read on a heatwave story (2026-11-30): "the state weather agency AEMET" was a business, typed by its initials.
    const text = 'Temperatures are expected to ease by the weekend, the state weather agency AEMET said.';
    const c = claimWith(extractClaims(text, { model }), 'ease by the weekend');
    expect(c?.speaker.type).toBe('official');
    expect(c?.speaker.name).toMatch(/AEMET$/);
  });

  test.each(MODELS)('when a union named for its members speaks, then an organization speaks (%s)', (model) => {
    // Read on a layoffs story (2026-11-30): "the Communications Workers of America" was a person from "America".
    const text =
      'The Communications Workers of America, which has been trying to organize the support staff, called the ' +
      'layoffs "a betrayal." The United Auto Workers said it would strike on Monday.';
    const claims = extractClaims(text, { model });
    expect(claimWith(claims, 'strike on Monday')?.speaker).toMatchObject({
      name: 'the United Auto Workers',
      type: 'organization',
    });
    const betrayal = claimWith(claims, 'betrayal');
    if (betrayal) expect(betrayal.speaker).toMatchObject({ type: 'organization', affiliation: null });
  });
});

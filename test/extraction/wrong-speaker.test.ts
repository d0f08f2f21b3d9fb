import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Claims pinned on the wrong person, found by reading the extractor's output on wire copy written for these tests
 * (none of it is PolNeAR text): for a fact-checker these are worse than a missed claim.
 */
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));
const who = (c: ExtractedClaim | undefined) => c?.speaker.name ?? null;

describe('speakers before the cue with an appositive or relative clause', () => {
  test('when an organisation with an appositive "said" a clause, then the organisation is the speaker and the clause the claim', () => {
    const claims = extractClaims(
      'The Nuffield Trust, a health think tank, said the backlog would take years to clear.',
    );
    expect(claims).toHaveLength(1);
    expect(claims[0]?.text).toBe('the backlog would take years to clear');
    expect(who(claims[0])).toBe('the Nuffield Trust');
    expect(claims[0]?.speaker.type).toBe('organization');
  });

  test('when a named expert with an appositive "said" a clause without an auxiliary, then speaker and content are not swapped', () => {
    const text = "Dr. Amir Khan, a cardiologist at St Thomas' Hospital, said the new drug cut deaths by a third.";
    const [claim] = extractClaims(text);
    expect(claim?.text).toBe('the new drug cut deaths by a third');
    expect(who(claim)).toBe('Amir Khan');
    expect(claim?.speaker.affiliation).toBe("St Thomas' Hospital");
  });

  test('when an anonymous official "who asked not to be named" said something, then the official is the speaker and the request is no claim', () => {
    const text = [
      'The Nuffield Trust said the backlog would take years to clear.',
      'A senior NHS official, who asked not to be named, said at least 400,000 patients had waited more than a year.',
    ].join('\n\n');
    const claims = extractClaims(text);
    expect(claims.find((c) => /named/.test(c.text))).toBeUndefined();
    const claim = claimWith(claims, 'patients');
    expect(claim?.text).toBe('at least 400,000 patients had waited more than a year');
    expect(claim?.speaker.mention).toBe('A senior NHS official');
    expect(claim?.speaker.anonymous).toBe(true);
    expect(who(claim)).not.toMatch(/Nuffield/);
  });

  test('when a spokesman "who declined to be identified" said something, then the relative clause is not part of the speaker', () => {
    const text =
      'A spokesman for Volkswagen, who declined to be identified, said the carmaker had cut production at two plants.';
    const claims = extractClaims(text);
    expect(claims).toHaveLength(1);
    expect(claims[0]?.speaker.mention).toBe('A spokesman for Volkswagen');
    expect(claims[0]?.text).toBe('the carmaker had cut production at two plants');
  });

  test('when the speaker is an inverted "…, said the minister", then that pattern still holds', () => {
    const [claim] = extractClaims('The deal is off, said the minister.');
    expect(claim?.text).toBe('The deal is off');
    expect(who(claim)).toBe('the minister');
  });
});

describe('statements and clauses around the cue', () => {
  test('when "warned that … and accused …" share one named subject, then both claims carry that speaker', () => {
    const text =
      'Health Secretary Wes Streeting warned that the winter had been the hardest on record and accused the previous government of leaving hospitals "on their knees".';
    const claims = extractClaims(text);
    expect(claims.map((c) => [c.cue, who(c)])).toEqual([
      ['warned', 'Wes Streeting'],
      ['accused', 'Wes Streeting'],
    ]);
  });

  test('when one speaker "said … while others warned …", then each keeps its own content and cue', () => {
    const text =
      'Clemens Fuest, president of the Ifo institute, said in a statement that the downturn was mild, while others warned that it could deepen.';
    const claims = extractClaims(text);
    const mild = claimWith(claims, 'mild');
    expect(who(mild)).toBe('Clemens Fuest');
    expect(mild?.cue).toBe('said in a statement');
    expect(claimWith(claims, 'deepen')?.cue).toBe('warned');
  });

  test('when a participle clause follows "said on Friday,", then it is the reporter\'s comment and the claim is the clause before', () => {
    const text =
      "Germany's economy shrank for a second quarter, the statistics office said on Friday, tipping Europe's largest economy into recession.";
    const [claim] = extractClaims(text);
    expect(claim?.text).toBe("Germany's economy shrank for a second quarter");
    expect(who(claim)).toBe('the statistics office');
  });

  test.each(['accurate', 'fast'] as const)(
    'when "a move likely to …" follows "said on Tuesday," (%s model), then it is the reporter\'s comment and the claim is the clause before',
    (model) => {
      const text =
        "The European Commission will propose new limits on bank bonuses next month, two officials familiar with the plan said on Tuesday, a move likely to anger London's financial sector.";
      const [claim, ...rest] = extractClaims(text, { model });
      expect(rest).toEqual([]);
      expect(claim?.text).toBe('The European Commission will propose new limits on bank bonuses next month');
      expect(who(claim)).toBe('two officials familiar with the plan');
    },
  );

  test('when a claim holds a number with thousands separators or a per cent sign, then the number stays whole', () => {
    const claims = extractClaims(
      'The union said it would strike unless wages rose by 8%.\n\nThe agency said 1,250,000 homes had lost power.',
    );
    expect(claimWith(claims, 'wages')?.text).toBe('it would strike unless wages rose by 8%');
    expect(claimWith(claims, 'homes')?.text).toBe('1,250,000 homes had lost power');
  });
});

describe('what is no statement, and whose quotation follows', () => {
  test('when a sentence ends "…, legal experts said.", then the whole clause before the comma is the claim', () => {
    const [claim] = extractClaims('The ruling could affect similar laws in Florida, legal experts said.');
    expect(claim?.text).toBe('The ruling could affect similar laws in Florida');
    expect(who(claim)).toBe('legal experts');
  });

  test('when someone "said he was disappointed" and then "wrote" a quotation, then these are two claims with their own cues', () => {
    const text =
      'Texas Attorney General Ken Paxton said he was disappointed by the ruling. "We will keep fighting for free speech," he wrote on X.';
    const claims = extractClaims(text);
    expect(claims.map((c) => [c.cue, c.text, who(c)])).toEqual([
      ['said', 'he was disappointed by the ruling', 'Ken Paxton'],
      ['wrote', 'We will keep fighting for free speech', 'Ken Paxton'],
    ]);
  });

  test('when the article says a speaker was "Asked whether …" or "did not respond to a request for comment", then neither is a claim', () => {
    const text = [
      'Asked whether the administration would respond, White House press secretary Karine Jean-Pierre said: "We are reviewing the decision."',
      "Paxton's office did not respond to a request for comment.",
    ].join('\n\n');
    const claims = extractClaims(text);
    expect(claims.map((c) => c.text)).toEqual(['We are reviewing the decision']);
    expect(who(claims[0])).toBe('Karine Jean-Pierre');
  });

  test('when quotation marks are written as two apostrophes, then the quotation is one claim by the speaker after it', () => {
    const text = "''We will not build the wall,'' Mr. Castaneda said.";
    const [claim] = extractClaims(text);
    expect(claim?.text).toBe('We will not build the wall');
    expect(who(claim)).toBe('Castaneda');
  });
});

describe('cues in the sentence before and circumstances after the cue', () => {
  test('when "Not everyone is convinced." precedes a quotation with its own speaker, then the quotation is that speaker\'s alone', () => {
    const text =
      'Not everyone is convinced. "The confounders here are enormous," said Tim Spector, a professor of epidemiology.';
    const claims = extractClaims(text);
    expect(claims.map((c) => [c.cue, who(c)])).toEqual([['said', 'Tim Spector']]);
  });

  test('when a body "said in guidance last year that …", then the claim starts at the reported clause', () => {
    const [claim] = extractClaims(
      'The American Heart Association said in guidance last year that moderate coffee intake was safe for most adults.',
    );
    expect(claim?.text).toBe('moderate coffee intake was safe for most adults');
    expect(who(claim)).toBe('the American Heart Association');
  });
});

describe('pronouns after a subject described by role', () => {
  test.each(['accurate', 'fast'] as const)(
    'when "she" follows a sentence whose subject is a role, not a name ("%s" model), then she is that role and not the expert named before',
    (model) => {
      const text = [
        'Dr Adrian Boyle, president of the Royal College of Emergency Medicine, said patients were dying because of long waits.',
        "But Labour's shadow health secretary accused ministers of complacency. “The government has lost control of the health service,” she told the BBC.",
      ].join('\n\n');
      const claim = claimWith(extractClaims(text, { model }), 'lost control');
      expect(who(claim)).toBe("Labour's shadow health secretary");
      expect(claim?.speaker.type).toBe('official');
    },
  );

  test.each(['accurate', 'fast'] as const)(
    'when the role subject\'s verb is irregular ("spoke to strikers", %s model), then "she" is the role, not the role and the verb',
    (model) => {
      const text = [
        'Mayor Jane Holt said the strike would cost the city dearly.',
        'The union leader spoke to strikers outside the depot on Monday. “We are not going back until they listen,” she said.',
      ].join('\n\n');
      expect(who(claimWith(extractClaims(text, { model }), 'not going back'))).toBe('the union leader');
    },
  );

  test.each(['accurate', 'fast'] as const)(
    'when "which" follows a noun that is not the last speaker ("bond markets, which had expected", %s model), then the claim names no speaker',
    (model) => {
      const text =
        'Economists at ING said the delay was unlikely to unsettle bond markets, which had expected a deal only in December.';
      const claims = extractClaims(text, { model });
      expect(who(claimWith(claims, 'unlikely to unsettle'))).toBe('economists at ING');
      const markets = claims.filter((c) => c.text.includes('a deal only in December'));
      expect(markets.map((c) => c.speaker.type).filter((t) => t !== 'unknown')).toEqual([]);
    },
  );

  test('when "which" follows the speaker itself ("the ministry, which said"), then the claim is the speaker\'s', () => {
    const text = 'The claim was rejected by the interior ministry, which said the figures had been checked twice.';
    const claim = claimWith(extractClaims(text), 'figures had been checked');
    expect(who(claim)).toBe('the interior ministry');
  });

  test('when the role subject stands inside an earlier quotation, then it is no antecedent for a later "he"', () => {
    const text = [
      'Senator Tom Reed said the town deserved better. “The minister has failed the families of this town.”',
      '“We will keep asking until we get answers,” he said.',
    ].join('\n\n');
    expect(who(claimWith(extractClaims(text), 'keep asking'))).toBe('Tom Reed');
  });
});

describe('", saying …" after a subject with abbreviations', () => {
  test.each([
    ['Sen. Laura Whitfield criticised the plan, saying taxes would rise.', 'Laura Whitfield'],
    ['The U.S. Treasury rejected the plan, saying taxes would rise.', 'the U.S. Treasury'],
  ])('when "%s", then the "saying" claim is the whole subject\'s, not its first word', (text, speaker) => {
    for (const model of ['accurate', 'fast'] as const) {
      expect(who(claimWith(extractClaims(text, { model }), 'taxes would rise'))).toBe(speaker);
    }
  });
});

describe('"told <whom> at <where> that …"', () => {
  test.each(['accurate', 'fast'] as const)(
    'when the tagger starts the content inside "told delegates at the conference" (%s model), then the claim is what follows "that"',
    (model) => {
      const text =
        'Daniel Kebede, general secretary of the National Education Union, told delegates at the union\'s annual conference in Harrogate that teachers had "run out of patience".';
      const claim = claimWith(extractClaims(text, { model }), 'patience');
      expect(claim?.text).toBe('teachers had "run out of patience"');
      expect(who(claim)).toBe('Daniel Kebede');
    },
  );
});

describe('a comment declined', () => {
  test.each(['accurate', 'fast'] as const)(
    'when a minister "declined to comment on" a subject but said something (%s model), then only what was said is a claim',
    (model) => {
      const text =
        'Finance Minister Shunichi Kato declined to comment on currency levels, but said authorities were watching markets.';
      const claims = extractClaims(text, { model });
      expect(claims.map((c) => c.text)).toEqual(['authorities were watching markets']);
      expect(who(claims[0])).toBe('Shunichi Kato');
    },
  );
});

describe('", insisting …", ", vowing …" after the clause subject', () => {
  test.each(['accurate', 'fast'] as const)(
    'when a named subject is followed by its verb and ", insisting that …" (%s model), then the insistence is the subject\'s',
    (model) => {
      const text = 'Governor Kathy Hochul rejected the plan, insisting that the state could not afford it.';
      expect(who(claimWith(extractClaims(text, { model }), 'could not afford'))).toBe('Kathy Hochul');
    },
  );

  test('when the subject is a capitalised word of a longer noun phrase ("French farmers"), then it is not taken as the speaker', () => {
    const text = 'PARIS (AFP) - French farmers blocked roads around Paris, vowing to keep up their protest.';
    for (const model of ['accurate', 'fast'] as const) {
      const claim = claimWith(extractClaims(text, { model }), 'keep up');
      expect(who(claim)).not.toBe('French');
      expect(who(claim)).not.toBe('PARIS');
    }
  });
});

describe('an interview written up', () => {
  const text = [
    'Interview: the mayor on the housing crisis',
    "The city's mayor, Rosa Delgado, sat down with us to discuss rents.",
    'Q: Critics say the new shelters are in the wrong places.',
    'A: Every neighbourhood has to do its part.',
    'Asked about her re-election plans, Ms Delgado laughed. “Ask me in the spring,” she said.',
  ].join('\n\n');

  test.each(['accurate', 'fast'] as const)(
    'when "she" follows "Asked about …, Ms Delgado laughed" (%s model), then she is Delgado, not the critics nor the headline label',
    (model) => {
      const claims = extractClaims(text, { model });
      expect(who(claimWith(claims, 'spring'))).toBe('Rosa Delgado');
      expect(claims.find((c) => c.speaker.name === 'Interview')).toBeUndefined();
    },
  );
});

describe('local-government copy (written for these tests)', () => {
  const MODELS = ['accurate', 'fast'] as const;

  test.each(MODELS)('when a headline says "Councils warn of …", then it is no claim by "councils" (%s)', (model) => {
    const text = [
      "Councils warn of 'impossible choices' as social care costs soar",
      'English councils will be forced to close libraries next year unless ministers find more money for social care, the Local Government Association has warned.',
    ].join('\n\n');
    const claims = extractClaims(text, { model });
    expect(claims.find((c) => /impossible choices/.test(c.text))).toBeUndefined();
    expect(who(claimWith(claims, 'close libraries'))).toBe('the Local Government Association');
  });

  test('when a sentence opens "In a letter to the chancellor …, the association\'s chair, Cllr Louise Gittins, said", then she is the speaker and "she wrote" is hers', () => {
    const text = [
      'In a letter to the chancellor seen by this newspaper, the association\'s chair, Cllr Louise Gittins, said councils faced "impossible choices".',
      '"We have cut everything that can be cut," she wrote.',
    ].join('\n\n');
    const claims = extractClaims(text);
    const first = claimWith(claims, 'councils faced');
    expect(who(first)).toBe('Louise Gittins');
    expect(first?.speaker.title).toBe('Cllr');
    expect(first?.speaker.type).toBe('official');
    expect(who(claimWith(claims, 'We have cut everything'))).toBe('Louise Gittins');
  });

  test.each(MODELS)(
    'when a relative clause stands between the speaker and "said", then the speaker is the subject and the clause no claim (%s)',
    (model) => {
      const text = [
        'But Labour councillors in Birmingham, which declared itself effectively bankrupt last year, said the money came too late.',
        'The union, which represents 40,000 nurses, said the offer was an insult.',
      ].join('\n\n');
      const claims = extractClaims(text, { model });
      expect(claims.map((c) => c.text)).toEqual(['the money came too late', 'the offer was an insult']);
      expect(claims.map(who)).toEqual(['Labour councillors in Birmingham', 'the union']);
    },
  );

  test('when British titles come without a full stop ("Prof Jon Glasby"), then the title is no part of the name', () => {
    const [claim] = extractClaims(
      'Prof Jon Glasby of the University of Birmingham said the figures showed a system in crisis.',
    );
    expect(who(claim)).toBe('Jon Glasby');
    expect(claim?.speaker.type).toBe('expert');
  });
});

describe('Washington copy (written for these tests)', () => {
  const MODELS = ['accurate', 'fast'] as const;

  test.each(MODELS)(
    'when "An aide to Thune, speaking on condition of anonymity …, said", then the claim is the unnamed aide\'s, not Thune\'s (%s)',
    (model) => {
      const text = [
        'Majority Leader John Thune called the vote "a gift to the cartels."',
        'An aide to Thune, speaking on condition of anonymity to discuss private negotiations, said a revised bill could come within days.',
      ].join('\n\n');
      const claim = claimWith(extractClaims(text, { model }), 'revised bill');
      expect(claim?.speaker.name).not.toBe('John Thune');
      expect(claim?.speaker.mention).toBe('An aide to Thune');
      expect(claim?.speaker.anonymous).toBe(true);
      expect(claim?.speaker.affiliation).toBe('Thune');
    },
  );

  test.each(MODELS)(
    'when someone "told reporters earlier in the week that …", then the claim starts after "that" (%s)',
    (model) => {
      const text =
        'Press secretary Karoline Leavitt told reporters earlier in the week that the president "will not sign anything."';
      const [claim] = extractClaims(text, { model });
      expect(claim?.text).toBe('the president "will not sign anything."');
      expect(who(claim)).toBe('Karoline Leavitt');
    },
  );
});

describe('business copy (written for these tests)', () => {
  test.each(['accurate', 'fast'] as const)(
    'when a company "said in a statement to the stock exchange that …", then the claim starts after "that" (%s)',
    (model) => {
      const text =
        'The company said in a statement to the stock exchange that operating profit would be "materially below" market expectations.';
      const [claim] = extractClaims(text, { model });
      expect(claim?.text).toBe('operating profit would be "materially below" market expectations');
      expect(who(claim)).toBe('the company');
    },
  );
});

describe('AFP copy (written for these tests)', () => {
  test('when farmers block roads "around Paris and Lyon on Friday, vowing …", then the claim is not pinned on "Lyon"', () => {
    const text =
      'PARIS, Nov 28 (AFP) - Thousands of French farmers blocked motorways around Paris and Lyon on Friday, vowing to keep up the pressure until the government rejects the deal.';
    for (const c of extractClaims(text)) expect(c.speaker.name).not.toBe('Lyon');
  });

  test('when the speaker is "a Socialist MP" or "Critics, including several French lawmakers", then the MP is an official and the critics are "critics"', () => {
    const text = [
      'Critics, including several French lawmakers, say the safeguards are unenforceable.',
      '"Nobody will check what goes into a Brazilian steak," said Dominique Potier, a Socialist MP.',
    ].join('\n\n');
    const claims = extractClaims(text);
    expect(who(claimWith(claims, 'unenforceable'))).toBe('critics');
    const mp = claimWith(claims, 'Brazilian steak');
    expect(who(mp)).toBe('Dominique Potier');
    expect(mp?.speaker.type).toBe('official');
  });
});

describe('"said:" closing its paragraph (written for these tests)', () => {
  test.each(['accurate', 'fast'] as const)(
    'when "Name, title, said:" ends a paragraph and the quotation opens the next, then the quotation is that speaker’s (%s)',
    (model) => {
      const text =
        'The mayor defended the budget on Monday. The city treasurer, Ann Lee, said:\n\n' +
        '"We have balanced the books for the first time in ten years, and we did it without closing a library."\n\n' +
        'The council votes next week.';
      const claim = claimWith(extractClaims(text, { model }), 'balanced the books');
      expect(who(claim)).toBe('Ann Lee');
      expect(claim?.cue).toBe('said');
    },
  );

  test.each(['accurate', 'fast'] as const)(
    'when "He said:" ends a paragraph, then the quotation below is his with "said" as its cue (%s)',
    (model) => {
      const text =
        'Opposition leader Tom Reyes attacked the plan. He said:\n\n“This budget hides a pension hole of 40 million.”';
      const claim = claimWith(extractClaims(text, { model }), 'pension hole');
      expect(who(claim)).toBe('Tom Reyes');
      expect(claim?.cue).toBe('said');
    },
  );
});

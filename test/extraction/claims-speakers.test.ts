import { buildClaims } from '../../src/extraction/claims';
import type { DetectedAttribution } from '../../src/extraction/detect';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * Speaker typing and resolution on political-news style text (PolNeAR-like), with hand-made spans.
 * Each attribution is written as [source, cue, content] substrings, found in order of appearance.
 */
type Triple = [source: string | null, cue: string, content: string];

function build(text: string, triples: Triple[]): ExtractedClaim[] {
  let from = 0;
  const find = (part: string, after: number) => {
    const at = text.indexOf(part, after);
    if (at < 0) throw new Error(`not in text: ${part}`);
    return at;
  };
  const detected: DetectedAttribution[] = triples.map(([source, cue, content]) => {
    const c = find(content, 0);
    const q = find(cue, from);
    const s = source === null ? -1 : find(source, Math.min(from, q));
    from = q + cue.length;
    return {
      content: [[c, c + content.length]],
      cue: [[q, q + cue.length]],
      source: source === null ? [] : [[s, s + source.length]],
      origin: 'tagger',
      confidence: 0.8,
    };
  });
  return buildClaims(text, detected);
}

test('when a surname follows the full name, then it resolves to the full name and keeps the type', () => {
  const text =
    'Republican nominee Donald Trump spoke in Ohio. Trump said the plant would reopen in 2017. ' +
    'Later Mr. Trump said wages would rise.';
  const claims = build(text, [
    ['Trump', 'said', 'the plant would reopen in 2017'],
    ['Mr. Trump', 'said', 'wages would rise'],
  ]);
  expect(claims.map((c) => [c.speaker.name, c.speaker.type])).toEqual([
    ['Donald Trump', 'official'],
    ['Donald Trump', 'official'],
  ]);
});

test('when a senator is tagged (D-Mass.), then the speaker is an official with the title', () => {
  const text = 'Sen. Elizabeth Warren (D-Mass.) said the bank had broken the law.';
  const [claim] = build(text, [['Sen. Elizabeth Warren (D-Mass.)', 'said', 'the bank had broken the law']]);
  expect(claim?.speaker).toMatchObject({ name: 'Elizabeth Warren', type: 'official', title: 'Sen.', anonymous: false });
});

test('when an appositive describes the speaker, then it gives the title and affiliation', () => {
  const text = 'Jane Roe, a professor of politics at Monmouth University, said turnout would fall.';
  const [claim] = build(text, [
    ['Jane Roe, a professor of politics at Monmouth University', 'said', 'turnout would fall'],
  ]);
  expect(claim?.speaker).toMatchObject({
    name: 'Jane Roe',
    type: 'expert',
    title: 'professor',
    affiliation: 'Monmouth University',
  });
});

test('when "she" follows two speakers, then it skips the one known to be a man', () => {
  const text =
    'Hillary Clinton said the plan was fair. Donald Trump said it was a disaster. She said the numbers were clear.';
  const claims = build(text, [
    ['Hillary Clinton', 'said', 'the plan was fair'],
    ['Donald Trump', 'said', 'it was a disaster'],
    ['She', 'said', 'the numbers were clear'],
  ]);
  expect(claims[2]?.speaker).toMatchObject({ mention: 'She', name: 'Hillary Clinton', type: 'official' });
});

test('when "the official" follows an unnamed official, then it refers back to that official', () => {
  const text =
    'A senior administration official said the talks had stalled. The mayor said nothing. The official said a deal was near.';
  const claims = build(text, [
    ['A senior administration official', 'said', 'the talks had stalled'],
    ['The official', 'said', 'a deal was near'],
  ]);
  expect(claims[1]?.speaker).toMatchObject({
    name: 'a senior administration official',
    type: 'official',
    anonymous: true,
  });
});

test('when a statement is told to CNN, then CNN is the relay and the outlet typed as media', () => {
  const text = 'A campaign aide told CNN that the candidate would not debate. CNN reported that the aide was fired.';
  const claims = build(text, [
    ['A campaign aide', 'told', 'the candidate would not debate'],
    ['CNN', 'reported', 'the aide was fired'],
  ]);
  expect(claims[0]).toMatchObject({ via: ['CNN'] });
  expect(claims[0]?.speaker).toMatchObject({ type: 'official', anonymous: true });
  expect(claims[1]?.speaker).toMatchObject({ name: 'CNN', type: 'media', anonymous: false });
});

test('when people familiar with the matter speak, then they are unnamed sources', () => {
  const text = 'The deal is off, people familiar with the matter said.';
  const [claim] = build(text, [['people familiar with the matter', 'said', 'The deal is off']]);
  expect(claim?.speaker).toMatchObject({ type: 'source', anonymous: true });
});

test('when a poll or a company speaks, then they are typed expert and organization', () => {
  const text =
    'A Quinnipiac University poll found that 48 percent backed Clinton. Exxon Mobil Corp. said profits fell.';
  const claims = build(text, [
    ['A Quinnipiac University poll', 'found', '48 percent backed Clinton'],
    ['Exxon Mobil Corp.', 'said', 'profits fell'],
  ]);
  expect(claims.map((c) => c.speaker.type)).toEqual(['expert', 'organization']);
});

test('when a business is described by what it makes ("the drug maker, Halvex"), then it is typed organization', () => {
  const text =
    'The drug maker, Halvex, said supplies would recover. The vaccine’s maker has said it can double output.';
  const claims = build(text, [
    ['The drug maker, Halvex,', 'said', 'supplies would recover'],
    ['The vaccine’s maker', 'has said', 'it can double output'],
  ]);
  expect(claims.map((c) => c.speaker.type)).toEqual(['organization', 'organization']);
});

test('when a capitalised two-word title stands before a name ("Chief Executive Oliver Brandt"), then the name is the person’s alone', () => {
  const text =
    'Chief Executive Oliver Brandt told analysts the cuts were unavoidable. Brandt said no plant would close.';
  const claims = build(text, [
    ['Chief Executive Oliver Brandt', 'told', 'the cuts were unavoidable'],
    ['Brandt', 'said', 'no plant would close'],
  ]);
  expect(claims.map((c) => c.speaker.name)).toEqual(['Oliver Brandt', 'Oliver Brandt']);
  expect(claims[0]?.speaker.title).toBe('Chief Executive');
});

test('when a finance ministry, the Kremlin or an agency speaks by its proper name, then it is typed official', () => {
  const text =
    "Britain's Treasury said it had not seen the draft. The Kremlin said the talks would go on. The European Banking Authority said bonuses rose.";
  const claims = build(text, [
    ["Britain's Treasury", 'said', 'it had not seen the draft'],
    ['The Kremlin', 'said', 'the talks would go on'],
    ['The European Banking Authority', 'said', 'bonuses rose'],
  ]);
  expect(claims.map((c) => c.speaker.type)).toEqual(['official', 'official', 'official']);
});

test.each([
  ['Bank of Japan Governor Kazuo Ueda', 'Kazuo Ueda', 'Governor', 'Bank of Japan', 'official'],
  ['University of Chicago economist Anil Kashyap', 'Anil Kashyap', 'economist', 'University of Chicago', 'expert'],
  ['Secretary of State Antony Blinken', 'Antony Blinken', 'Secretary of State', null, 'official'],
  [
    'Secretary of Homeland Security Alejandro Mayorkas',
    'Alejandro Mayorkas',
    'Secretary of Homeland Security',
    null,
    'official',
  ],
])(
  'when the speaker is written "%s", then name, title and affiliation come apart',
  (mention, name, title, affiliation, type) => {
    const text = `${mention} said rates would stay low.`;
    const [claim] = build(text, [[mention, 'said', 'rates would stay low']]);
    expect(claim?.speaker).toMatchObject({ name, title, affiliation, type });
  },
);

test.each(['she’ll', "She's"])(
  'when a pronoun carries a contracted verb ("%s"), then it is resolved like the bare pronoun',
  (mention) => {
    const text = `Mayor Ann Lee spoke first. ${mention} said the bridge would reopen.`;
    const claims = build(text, [[mention, 'said', 'the bridge would reopen']]);
    expect(claims[0]?.speaker.name).toBe('Ann Lee');
  },
);

test('when a titled name carries a middle initial ("Judge Carlton W. Reeves"), then a later surname resolves to it', () => {
  const text =
    'U.S. District Judge Carlton W. Reeves blocked the law on Thursday. Reeves said the law was unconstitutional.';
  const [claim] = build(text, [['Reeves', 'said', 'the law was unconstitutional']]);
  expect(claim?.speaker).toMatchObject({ name: 'Carlton W. Reeves', title: 'Judge', type: 'official' });
});

test('when two people are named together, then the group speaks and "they" refers to it', () => {
  const text = 'Donald Trump and Sen. Ted Cruz said the deal was bad. They said it would cost jobs.';
  const claims = build(text, [
    ['Donald Trump and Sen. Ted Cruz', 'said', 'the deal was bad'],
    ['They', 'said', 'it would cost jobs'],
  ]);
  expect(claims[1]?.speaker).toMatchObject({ name: 'Donald Trump and Sen. Ted Cruz', type: 'official' });
});

test('when a quoted phrase sits inside a paraphrase, then the claim is mixed', () => {
  const text = 'Sanders said the system was “rigged” against workers.';
  const [claim] = build(text, [['Sanders', 'said', 'the system was “rigged” against workers']]);
  expect(claim).toMatchObject({ kind: 'mixed' });
});

test('when the statement has figures, dates and comparisons, then it is more check-worthy than an opinion', () => {
  const text =
    'Kasich said unemployment fell to 4.9 percent in May, lower than in 2008. Kasich said the debate was terrible.';
  const claims = build(text, [
    ['Kasich', 'said', 'unemployment fell to 4.9 percent in May, lower than in 2008'],
    ['Kasich', 'said', 'the debate was terrible'],
  ]);
  expect(claims[0]?.checkworthy).toBeGreaterThan(0.7);
  expect(claims[1]?.checkworthy).toBeLessThan(0.4);
});

test('when a named speaker is resolved, then confidence is higher than for an unresolvable pronoun', () => {
  const text = 'He said the vote was rigged. Obama said the vote was fair.';
  const claims = build(text, [
    ['He', 'said', 'the vote was rigged'],
    ['Obama', 'said', 'the vote was fair'],
  ]);
  expect(claims[0]?.speaker).toMatchObject({ name: null, anonymous: true });
  expect(claims[1]?.confidence).toBeGreaterThan(claims[0]?.confidence ?? 1);
});

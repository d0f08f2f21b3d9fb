import { verdictOf } from '../../src/factchecks/ratings';
import { linkState } from '../../src/matching/policy';
import { calibrate } from '../../src/matching/model';
import { collapseRepeats } from '../../src/matching/repeats';
import { searchText, signatureTerms, stem, stripFurniture, words } from '../../src/matching/text';

const matcher = { thresholds: { suggest: 0.5, auto: 0.9 } };
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('when the matcher decides what to do with a scored pair', () => {
  it('when the score is high and the text long and recent, then it links on its own; below the thresholds it suggests or stays silent', () => {
    const pair = { words: 14, claimAt: day('2026-05-01'), targetAt: day('2026-03-01') };
    expect(linkState(matcher, 0.95, pair)).toBe('auto');
    expect(linkState(matcher, 0.7, pair)).toBe('suggested');
    expect(linkState(matcher, 0.3, pair)).toBeNull();
  });

  it('when the text is short or the fact-check old, then even a near-certain match is only a suggestion', () => {
    expect(linkState(matcher, 0.99, { words: 5, claimAt: null, targetAt: null })).toBe('suggested');
    expect(linkState(matcher, 0.99, { words: 20, claimAt: day('2026-05-01'), targetAt: day('2023-01-01') })).toBe(
      'suggested',
    );
  });
});

describe('when a publisher rates a claim', () => {
  it('when the rating is a number on its own scale, then it maps by position; off the scale, to nothing', () => {
    expect(verdictOf({ value: 1, best: 5, worst: 1, name: null })).toBe('false');
    expect(verdictOf({ value: 10, best: 10, worst: 0, name: null })).toBe('true');
    expect(verdictOf({ value: 7, best: 5, worst: 1, name: null })).toBeNull();
    expect(verdictOf({ value: 2, best: 1, worst: 5, name: null })).toBeNull();
  });
});

describe('when a tweet is matched', () => {
  it('then the name it is signed with is who says it; a text without a signature names nobody', () => {
    expect([
      ...signatureTerms(
        'Iran could threaten Trump hotels pic.twitter.com/3S32De8ekP — Ilhan Omar (@IlhanMN) January 6, 2020',
      ),
    ]).toEqual(['ilhan', 'omar']);
    expect(signatureTerms('Iran could threaten Trump hotels worldwide').size).toBe(0);
  });

  it('then its signature, links and handles are not part of the claim', () => {
    expect(
      stripFurniture(
        'Iran could threaten Trump hotels worldwide pic.twitter.com/3S32De8ekP — Ilhan Omar (@IlhanMN) January 6, 2020',
      ),
    ).toBe('Iran could threaten Trump hotels worldwide');
    expect(stripFurniture('@CNN says https://t.co/abc the draft is back')).toBe('says the draft is back');
  });

  it('when a hashtag or a link is glued to a word, then the hashtag reads as words and the link goes', () => {
    expect(stripFurniture('Happy #Hanukkahpic.twitter.com/IfkdcwGENr and #BorderWall now')).toBe(
      'Happy Hanukkah and Border Wall now',
    );
  });

  it('when a text has runs of white space, tabs or line breaks, then they read as one space, with or without furniture', () => {
    expect(stripFurniture('  Taxes  went\tup\n\nby 5 % in #TaxDay ')).toBe('Taxes went up by 5 % in Tax Day');
    expect(stripFurniture('Taxes went up by 5 % @IRS  https://t.co/x')).toBe('Taxes went up by 5 %');
    expect(searchText('Taxes\u00a0went up')).toBe('Taxes went up');
  });

  it('then the search also looks for who signed it and when, but not for the day of the month', () => {
    expect(searchText('No #NASAMission https://t.co/x — Donald J. Trump (@realDonaldTrump) August 28, 2019')).toBe(
      'No NASA Mission — Donald J. Trump ( real Donald Trump ) August 2019',
    );
  });
});

describe('when a text is cut into words and stemmed', () => {
  it('when words carry apostrophes, points or commas, then numbers keep their digits and words lose them; plain words stay as they are', () => {
    expect(words('The Governor’s 1,000 jobs (3.5 %) didn’t U.S. plain words')).toEqual([
      'the',
      'governor',
      '1000',
      'jobs',
      '3.5',
      "didn't",
      'us',
      'plain',
      'words',
    ]);
  });

  it('when the same word is stemmed again, then it gets the same stem as the first time', () => {
    const first = ['vaccines', 'banned', 'stopping', 'bans', 'policies', 'covid19'].map(stem);
    expect(first).toEqual(['vaccin', 'ban', 'stop', 'ban', 'policy', 'covid19']);
    expect(['vaccines', 'banned', 'stopping', 'bans', 'policies', 'covid19'].map(stem)).toEqual(first);
  });
});

describe('when a list of candidates is calibrated', () => {
  const platt = { a: 0.2, c: 0.8, b: -2.6, floor: 3.7 };

  it('when one candidate stands clear of the others, then it is likelier than an equal score among close rivals', () => {
    const [clear] = calibrate(platt, [9, 2, 1]);
    const [crowded] = calibrate(platt, [9, 8.9, 8.8]);
    expect(clear!).toBeGreaterThan(0.9);
    expect(crowded!).toBeLessThan(0.5);
  });

  it('when a candidate has no rival, then it is measured against the floor, neither a clear winner nor held back', () => {
    const [alone] = calibrate(platt, [9]);
    expect(alone).toBeCloseTo(calibrate(platt, [9, 3.7])[0]!, 10);
  });
});

describe('when earlier claims found for a claim repeat each other', () => {
  const found = (id: string, text: string, at: string, group: string | null = null, trigram = 1) => ({
    id,
    text,
    title: null,
    rank: 0.1,
    claim_rank: 0.1,
    title_rank: 0.1,
    trigram,
    at: day(at),
    created_at: day(at),
    group_id: group,
  });

  it('then one link is proposed for each set of copies: the closest text, then the first appearance, in their order', () => {
    const rows = [
      found('c', 'The Tram line, will carry 90,000 riders.', '2026-03-03'),
      found('a', 'the tram line will carry 90 000 riders', '2026-03-01'),
      found('d', 'Tram fares rise in May', '2026-03-04', 'g1', 0.2),
      found('b', 'Fares for trams go up in May', '2026-03-02', 'g1', 0.3),
      found('e', 'A new bridge opens in June', '2026-03-05'),
    ];
    expect(collapseRepeats(rows).map((r) => r.id)).toEqual(['a', 'b', 'e']);
  });

  it('when a copy shares its text with one set and its group with another, then the two sets are one', () => {
    const rows = [
      found('a', 'the tram line will carry 90 000 riders', '2026-03-01'),
      found('b', 'The tram line will carry 90 000 riders.', '2026-03-02', 'g1'),
      found('c', 'Ninety thousand riders a day on the tram', '2026-03-03', 'g1', 0.4),
    ];
    expect(collapseRepeats(rows).map((r) => r.id)).toEqual(['a']);
  });
});

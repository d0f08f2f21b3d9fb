import fs from 'node:fs';
import path from 'node:path';
import { buildClaims } from '../../src/extraction/claims';
import type { DetectedAttribution } from '../../src/extraction/detect';
import type { ExtractedClaim, Span } from '../../src/extraction/types';

/**
 * The claim builder on its own: hand-made detector output (spans found by indexOf in the seed articles),
 * so speaker typing, resolution, kinds, relays and hedges are proven whatever the detector does today.
 */
const seed = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', name), 'utf8');
const STRAITS = seed('straits-times-elite-defections.txt');
const NK = seed('nk-times-death-notifications.txt');

/** Span of `part` in `text`, searching from the end of `after` so repeated words resolve to the intended place. */
function spanOf(text: string, part: string, after = ''): Span {
  const from = after ? text.indexOf(after) + after.length : 0;
  const start = text.indexOf(part, from);
  if (start < 0 || (after && from < after.length)) throw new Error(`fixture text not found: ${part}`);
  return [start, start + part.length];
}

interface Spec {
  content: string[];
  source?: string;
  cue?: string;
  /** Text just before the attribution, to pick the right occurrence of short mentions ("he", "said"). */
  after?: string;
  origin?: DetectedAttribution['origin'];
  continues?: number;
}

function detected(text: string, specs: Spec[]): DetectedAttribution[] {
  return specs.map((s) => {
    const contentSpans = s.content.map((c) => spanOf(text, c));
    const anchor = s.after ?? '';
    return {
      content: contentSpans,
      source: s.source ? [spanOf(text, s.source, anchor)] : [],
      cue: s.cue ? [spanOf(text, s.cue, anchor)] : [],
      origin: s.origin ?? (s.source ? 'tagger' : 'hedge'),
      continues: s.continues,
      confidence: 0.8,
    };
  });
}

function byContent(claims: ExtractedClaim[], part: string): ExtractedClaim {
  const hit = claims.find((c) => c.text.includes(part));
  if (!hit)
    throw new Error(`no claim with content "${part}"; got ${claims.map((c) => c.text.slice(0, 40)).join(' | ')}`);
  return hit;
}

describe('claim builder on the Straits Times seed', () => {
  const specs: Spec[] = [
    {
      content: [
        'A high number of defections by North Korean elites in 2023, along with two audacious escapes in the past two weeks, are a sign of a major crisis within the country',
      ],
      source: 'analysts',
      cue: 'say',
    },
    {
      content: [
        'the rise in such escapes was likely triggered by the post-pandemic re-opening of North Korean borders in August 2023',
      ],
      source: 'an unnamed official',
      cue: 'told',
      after: 'were given, ',
    },
    {
      content: [
        'North Korean diplomats, other officials and students based overseas were told to return last year as the pandemic situation entered a new phase',
      ],
      source: 'an official',
      cue: 'said',
      after: 'new phase,”',
      origin: 'quote',
    },
    {
      content: [
        'Many must have found it unacceptable after experiencing what it was like to live in the free world, knowing that the economic situation worsened, and internal controls strengthened in North Korea.',
      ],
      origin: 'continuation',
      continues: 2,
    },
    { content: ['will continue to rise'], source: 'analysts', cue: 'predict', after: 'a number that ' },
    {
      content: ['These defections are likely to be an indication of how severe conditions are inside North Korea'],
      source: 'Professor Ban Kil-joo of the Ilmin International Relations Institute at Korea University',
      cue: 'says',
    },
    {
      content: [
        'that it could even be the start of a second Arduous March, the period between 1994 and 1998 when North Koreans defected to the South in droves to escape widespread famine and economic hardship',
      ],
      source: 'He',
      cue: 'added',
    },
    {
      content: [
        'The Kim regime failed to revive North Korea’s economy, and so its citizens are challenged with food security as well as health security',
      ],
      source: 'he',
      cue: 'said',
      after: 'health security,”',
      origin: 'quote',
    },
    {
      content: [
        'North Korea is',
        'experiencing significant internal unrest and severe food shortages from flood damage caused by record-breaking heavy rains in late July',
      ],
      cue: 'reportedly',
    },
    {
      content: [
        'Some 15,000 North Koreans from Sinuiju city and Uiju county, which border China,',
        'have been displaced by the flood damage',
      ],
      cue: 'are said to',
    },
    {
      content: ['an enemy remains an enemy'],
      source: 'Kim',
      cue: 'saying',
      after: 'without explicit acceptance of the aid, ',
    },
    {
      content: [
        'Under Kim, the prospect of reunification with the South has dimmed tremendously, giving another reason for the defections',
      ],
      source: 'analysts',
      cue: 'said',
      after: 'reason for the defections, ',
    },
  ];
  const claims = buildClaims(STRAITS, detected(STRAITS, specs));

  test('when the seed is built, then every hand-made attribution becomes a claim', () => {
    expect(claims).toHaveLength(specs.length);
  });

  test.each([
    ['a major crisis', 'analysts', 'expert', true],
    ['likely triggered', 'an unnamed official', 'official', true],
    ['told to return', 'an official', 'official', true],
    ['Many must have found', 'an official', 'official', true],
    ['continue to rise', 'analysts', 'expert', true],
    ['how severe conditions', 'Ban Kil-joo', 'expert', false],
    ['second Arduous March', 'Ban Kil-joo', 'expert', false],
    ['The Kim regime failed', 'Ban Kil-joo', 'expert', false],
    ['an enemy remains', 'Kim Jong-un', 'official', false],
    ['prospect of reunification', 'analysts', 'expert', true],
  ])('when the claim "%s" is built, then its speaker is %s (%s)', (part, name, type, anonymous) => {
    const c = byContent(claims, part);
    expect(c.speaker).toMatchObject({ name, type, anonymous });
  });

  test('when "He added" follows the professor, then the pronoun carries his title and affiliation', () => {
    const c = byContent(claims, 'second Arduous March');
    expect(c.speaker).toMatchObject({
      mention: 'He',
      title: 'Professor',
      affiliation: 'Ilmin International Relations Institute at Korea University',
    });
    expect(c.cue).toBe('added');
    expect(c.kind).toBe('indirect');
  });

  test('when an unnamed official told local media, then the claim is relayed via local media', () => {
    const c = byContent(claims, 'likely triggered');
    expect(c.via).toEqual(['local media']);
    expect(c.hedges).toContain('likely');
  });

  test('when a quote continues without a cue, then it is direct and keeps the speaker and no mention', () => {
    const c = byContent(claims, 'Many must have found');
    expect(c.kind).toBe('direct');
    expect(c.speaker.mention).toBeNull();
  });

  test('when "reportedly" or "are said to" attributes to nobody, then the claim is hedged with no speaker', () => {
    const reported = byContent(claims, 'North Korea is … experiencing');
    expect(reported).toMatchObject({ kind: 'hedged', hedges: ['reportedly'] });
    expect(reported.speaker).toMatchObject({ name: null, mention: null, type: 'unknown' });
    const said = byContent(claims, 'Some 15,000');
    expect(said.kind).toBe('hedged');
    expect(said.hedges).toContain('said to');
  });

  test('when Kim rebuffs with a quoted phrase, then the claim is direct with cue "saying"', () => {
    const c = byContent(claims, 'an enemy remains');
    expect(c).toMatchObject({ kind: 'direct', cue: 'saying' });
    expect(c.speaker.mention).toBe('Kim');
  });

  test('when the claims are built, then spans are the detected ones and text is their slices without a leading "that"', () => {
    const input = detected(STRAITS, specs);
    claims.forEach((c, i) => {
      expect(c.spans.content).toEqual(input[i]?.content);
      expect(c.text).toBe(
        c.spans.content
          .map(([a, b]) => STRAITS.slice(a, b))
          .join(' … ')
          .replace(/^that\s+(?=\S)/i, ''),
      );
    });
  });
});

describe('claim builder on the NK Times seed', () => {
  const specs: Spec[] = [
    {
      content: ['such notifications appear to have decreased in February'],
      source: 'sources in North Korea',
      cue: 'according to',
    },
    {
      content: [
        'From November to the end of January, many families in Hoeryong and Chongjin were told their sons had died after being drafted. But so far this month, we haven’t been hearing about such cases',
      ],
      source: 'the source',
      cue: 'told',
      origin: 'quote',
    },
    {
      content: [
        'In Hoeryong, the last case I am directly aware of was on January 6 when I saw a family in Nammun-dong mourning their son’s death. Since then, I’ve not seen or heard of any',
      ],
      source: 'the source',
      cue: 'said',
      after: 'heard of any,”',
      origin: 'quote',
    },
    {
      content: [
        'he was not sure if this meant there have been no deaths, or whether the military had stopped informing families due to concern over public opinion',
      ],
      source: 'The source',
      cue: 'said',
      after: 'of any,” the source said.',
    },
    { content: ['North Korean troops were', 'withdrawn from the front line for a brief period'], cue: 'reportedly' },
    {
      content: [
        'it is possible that the troops are still suffering casualties but that the regime is simply withholding the information',
      ],
      source: 'Analysts',
      cue: 'say',
    },
    {
      content: ['It is possible to interpret this silence as an effort by authorities to suppress internal discontent'],
      source: 'one expert',
      cue: 'said',
      origin: 'quote',
    },
    {
      content: ['Recently, many families received death notifications and public opinion is not good'],
      source: 'the person',
      cue: 'said',
      origin: 'quote',
    },
    {
      content: [
        'Some parents are contacting local hospitals and military mobilization officials to try and prevent their children being sent to the military.',
      ],
      origin: 'continuation',
      continues: 7,
    },
    {
      content: [
        'at least ten families in Hyesan, Hoeryong, and Chongjin have lost their sons from last fall to early this year',
      ],
      cue: 'It has been found',
      origin: 'rule',
    },
    {
      content: ['the deaths of soldiers dispatched to Russia since October'],
      source: 'We',
      cue: 'have been continuously investigating',
      origin: 'rule',
    },
  ];
  const furniture: Spec[] = [
    {
      content: ['Notifications of soldiers killed in action down amid negative public sentiment'],
      cue: 'Notifications',
    },
    { content: ['A commendation letter from the Army’s 974th Military Unit.'], source: 'NK Times', cue: 'Image' },
    { content: ['Kang Jae-jun'], cue: 'Kang' },
    { content: ['Leave a Reply'], cue: 'Leave' },
    { content: ['Close'], cue: 'Close', after: 'Leave a Reply' },
  ];
  const claims = buildClaims(NK, detected(NK, [...specs, ...furniture]));

  test('when attributions sit on the headline, a caption, the byline or comment widgets, then they yield no claim', () => {
    expect(claims).toHaveLength(specs.length);
    for (const f of furniture) expect(claims.some((c) => c.text === f.content[0])).toBe(false);
  });

  test.each([
    ['appear to have decreased', 'sources in North Korea', 'source', true],
    ['From November', 'the source', 'source', true],
    ['In Hoeryong', 'the source', 'source', true],
    ['he was not sure', 'the source', 'source', true],
    ['withholding the information', 'analysts', 'expert', true],
    ['interpret this silence', 'one expert', 'expert', true],
    ['Recently, many families', 'the source', 'source', true],
    ['Some parents are contacting', 'the source', 'source', true],
    ['at least ten families', 'NK Times', 'publication', false],
    ['deaths of soldiers dispatched', 'NK Times', 'publication', false],
  ])('when the claim "%s" is built, then its speaker is %s (%s)', (part, name, type, anonymous) => {
    expect(byContent(claims, part).speaker).toMatchObject({ name, type, anonymous });
  });

  test('when "the person" speaks after "one expert", then it resolves to the earlier unnamed source', () => {
    const c = byContent(claims, 'Recently, many families');
    expect(c.speaker).toMatchObject({ mention: 'the person', name: 'the source', type: 'source' });
    expect(c.kind).toBe('direct');
  });

  test('when the source tells the article’s own outlet, then there is no relay', () => {
    expect(byContent(claims, 'From November').via).toEqual([]);
  });

  test('when sources are cited with "according to", then cue and hedges are kept', () => {
    const c = byContent(claims, 'appear to have decreased');
    expect(c).toMatchObject({ cue: 'according to', kind: 'indirect', hedges: ['appear to'] });
  });

  test('when troops were "reportedly" withdrawn, then the claim is hedged', () => {
    expect(byContent(claims, 'North Korean troops were')).toMatchObject({ kind: 'hedged', hedges: ['reportedly'] });
  });

  test('when the article states its own finding, then the claim is the publication’s, not hedged', () => {
    const c = byContent(claims, 'at least ten families');
    expect(c.kind).toBe('indirect');
    expect(c.checkworthy).toBeGreaterThan(byContent(claims, 'interpret this silence').checkworthy);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { extractClaims } from '../../src/extraction';
import type { ClaimKind, ExtractedClaim, SpeakerType } from '../../src/extraction/types';

/**
 * The seed articles end to end (detector + claim builder): each expected attribution must come out with the
 * right speaker, kind, cue, relay and hedges. These depend on the detector finding the spans; the builder's
 * part is proven on hand-made spans in claims-seeds.test.ts.
 */
const seed = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', name), 'utf8');

interface Expected {
  /** A distinctive piece of the content. */
  content: string;
  /** A pattern where the detector may bound the mention more or less widely ("sources" or "sources in North Korea"). */
  name: string | null | RegExp;
  type: SpeakerType;
  anonymous: boolean;
  kind: ClaimKind;
  /** The cue as the detector may bound it ("told" or "told local media"). */
  cue: RegExp;
  via?: string[];
  hedges?: string[];
  title?: string;
  affiliation?: string;
}

const STRAITS: Expected[] = [
  {
    content: 'are a sign of a major crisis',
    name: 'analysts',
    type: 'expert',
    anonymous: true,
    kind: 'indirect',
    cue: /^say$/,
  },
  {
    content: 'was likely triggered by the post-pandemic',
    name: 'an unnamed official',
    type: 'official',
    anonymous: true,
    kind: 'indirect',
    cue: /^told( local media)?$/,
    via: ['local media'],
    hedges: ['likely'],
  },
  {
    content: 'were told to return last year',
    name: 'an official',
    type: 'official',
    anonymous: true,
    kind: 'direct',
    cue: /^said$/,
  },
  {
    content: 'Many must have found it unacceptable',
    name: 'an official',
    type: 'official',
    anonymous: true,
    kind: 'direct',
    cue: /^$/,
  },
  {
    content: 'continue to rise',
    name: 'analysts',
    type: 'expert',
    anonymous: true,
    kind: 'indirect',
    cue: /^predict$/,
  },
  {
    content: 'indication of how severe conditions are',
    name: 'Ban Kil-joo',
    type: 'expert',
    anonymous: false,
    kind: 'indirect',
    cue: /^says$/,
    hedges: ['likely'],
    title: 'Professor',
    affiliation: 'Ilmin International Relations Institute at Korea University',
  },
  {
    content: 'start of a second Arduous March',
    name: 'Ban Kil-joo',
    type: 'expert',
    anonymous: false,
    kind: 'indirect',
    cue: /^added$/,
    hedges: ['could'],
    title: 'Professor',
    affiliation: 'Ilmin International Relations Institute at Korea University',
  },
  {
    content: 'The Kim regime failed to revive',
    name: 'Ban Kil-joo',
    type: 'expert',
    anonymous: false,
    kind: 'direct',
    cue: /^said$/,
    title: 'Professor',
  },
  {
    content: 'experiencing significant internal unrest',
    name: null,
    type: 'unknown',
    anonymous: true,
    kind: 'hedged',
    cue: /reportedly/,
    hedges: ['reportedly'],
  },
  {
    content: 'displaced by the flood damage',
    name: null,
    type: 'unknown',
    anonymous: true,
    kind: 'hedged',
    cue: /said/,
    hedges: ['said to'],
  },
  {
    content: 'an enemy remains an enemy',
    name: 'Kim Jong-un',
    type: 'official',
    anonymous: false,
    kind: 'direct',
    cue: /^saying$/,
  },
  {
    content: 'prospect of reunification with the South has dimmed',
    name: 'analysts',
    type: 'expert',
    anonymous: true,
    kind: 'indirect',
    cue: /^said$/,
  },
];

const NK: Expected[] = [
  {
    content: 'have decreased in February',
    name: /^sources( in North Korea)?$/,
    type: 'source',
    anonymous: true,
    kind: 'indirect',
    cue: /according to$/,
    hedges: ['appear to'],
  },
  {
    content: 'many families in Hoeryong and Chongjin were told',
    name: 'the source',
    type: 'source',
    anonymous: true,
    kind: 'direct',
    cue: /^told( NK Times)?$/,
    via: [],
  },
  {
    content: 'the last case I am directly aware of',
    name: 'the source',
    type: 'source',
    anonymous: true,
    kind: 'direct',
    cue: /^said$/,
  },
  {
    content: 'not sure if this meant there have been no deaths',
    name: 'the source',
    type: 'source',
    anonymous: true,
    kind: 'indirect',
    cue: /^said$/,
  },
  {
    content: 'withdrawn from the front line',
    name: null,
    type: 'unknown',
    anonymous: true,
    kind: 'hedged',
    cue: /reportedly/,
    hedges: ['reportedly'],
  },
  {
    content: 'the regime is simply withholding the information',
    name: 'analysts',
    type: 'expert',
    anonymous: true,
    kind: 'indirect',
    cue: /^say$/,
  },
  {
    content: 'interpret this silence as an effort',
    name: 'one expert',
    type: 'expert',
    anonymous: true,
    kind: 'direct',
    cue: /^said$/,
  },
  {
    content: 'many families received death notifications',
    name: 'the source',
    type: 'source',
    anonymous: true,
    kind: 'direct',
    cue: /^said$/,
  },
  {
    content: 'Some parents are contacting local hospitals',
    name: 'the source',
    type: 'source',
    anonymous: true,
    kind: 'direct',
    cue: /^(said)?$/,
  },
  {
    content: 'at least ten families in Hyesan',
    name: 'NK Times',
    type: 'publication',
    anonymous: false,
    kind: 'indirect',
    cue: /found/,
  },
];

function check(claims: ExtractedClaim[], e: Expected): void {
  const claim = claims.find((c) => c.text.includes(e.content));
  expect(claim).toBeDefined();
  if (!claim) return;
  const name = e.name instanceof RegExp ? expect.stringMatching(e.name) : e.name;
  expect(claim.speaker).toMatchObject({ name, type: e.type, anonymous: e.anonymous });
  expect(claim.kind).toBe(e.kind);
  expect(claim.cue ?? '').toMatch(e.cue);
  if (e.via) expect(claim.via).toEqual(e.via);
  for (const h of e.hedges ?? []) expect(claim.hedges).toContain(h);
  if (e.title) expect(claim.speaker.title).toBe(e.title);
  if (e.affiliation) expect(claim.speaker.affiliation).toBe(e.affiliation);
}

describe.each([
  ['straits-times-elite-defections.txt', STRAITS],
  ['nk-times-death-notifications.txt', NK],
])('seed %s', (file, expected) => {
  const text = seed(file);
  const claims = extractClaims(text);

  test.each(expected.map((e) => [e.content, e] as const))('when extracted, then "%s" has the right speaker', (_, e) => {
    check(claims, e);
  });

  test('when extracted, then every span slices back to the claim', () => {
    for (const c of claims) {
      expect(c.text).toBe(
        c.spans.content
          .map(([a, b]) => text.slice(a, b))
          .join(' … ')
          .replace(/^that\s+(?=\S)/i, ''),
      );
      for (const [a, b] of [...c.spans.content, ...c.spans.source, ...c.spans.cue]) {
        expect(0 <= a && a < b && b <= text.length).toBe(true);
      }
    }
  });
});

test('when the NK Times page is extracted, then its headline, caption, byline and widgets yield no claims', () => {
  const text = seed('nk-times-death-notifications.txt');
  const furniture = [
    'Notifications of soldiers killed',
    'commendation letter',
    'Kang Jae-jun',
    'Leave a Reply',
    'Close',
  ];
  for (const c of extractClaims(text)) {
    const covered = c.spans.content.map(([a, b]) => text.slice(a, b)).join(' ');
    for (const f of furniture) expect(covered).not.toContain(f);
  }
});

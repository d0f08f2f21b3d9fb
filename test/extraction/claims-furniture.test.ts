import { buildClaims } from '../../src/extraction/claims';
import type { DetectedAttribution } from '../../src/extraction/detect';

/** Page furniture yields no claims, whatever a detector finds in it; article prose keeps every claim. */
function attributionOn(text: string, content: string, source?: string): DetectedAttribution {
  const c = text.indexOf(content);
  const s = source ? text.indexOf(source) : -1;
  return {
    content: [[c, c + content.length]],
    source: source ? [[s, s + source.length]] : [],
    cue: [],
    origin: 'tagger',
    confidence: 0.7,
  };
}

const PAGE = [
  'Trade deal stalls as talks drag on',
  '',
  'By Jane Doe and John Roe',
  '',
  'Negotiators met for 12 hours on Monday, officials said.',
  '',
  'The minister arrives in Brussels. (AP Photo/Evan Vucci)',
  'Photo: Reuters',
  'Share this article',
  'Advertisement',
  '“We are close to a deal,” the minister said.',
  'Kang Jae-jun',
  'Leave a Reply',
  'Close',
].join('\r\n');

test.each([
  ['a headline without a speaker', 'Trade deal stalls as talks drag on'],
  ['a byline', 'Jane Doe and John Roe'],
  ['a photo caption', 'The minister arrives in Brussels.'],
  ['a photo credit line', 'Photo: Reuters'],
  ['share and advertisement widgets', 'Share this article'],
  ['an author name line', 'Kang Jae-jun'],
  ['comment widgets', 'Leave a Reply'],
])('when an attribution lies on %s, then it yields no claim', (_, line) => {
  expect(buildClaims(PAGE, [attributionOn(PAGE, line)])).toEqual([]);
});

test('when attributions lie in the article prose, then they are all kept', () => {
  const claims = buildClaims(PAGE, [
    attributionOn(PAGE, 'Negotiators met for 12 hours on Monday', 'officials'),
    attributionOn(PAGE, 'We are close to a deal', 'the minister'),
  ]);
  expect(claims.map((c) => c.speaker.type)).toEqual(['official', 'official']);
});

test('when a headline names its speaker, then the claim is kept, as in PolNeAR', () => {
  const text = 'Lindsey Graham Says Trump Could Address Clean Energy\n\nThe senator spoke on Monday.';
  const claims = buildClaims(text, [attributionOn(text, 'Trump Could Address Clean Energy', 'Lindsey Graham')]);
  expect(claims).toHaveLength(1);
  expect(claims[0]?.speaker).toMatchObject({ name: 'Lindsey Graham', type: 'official' });
});

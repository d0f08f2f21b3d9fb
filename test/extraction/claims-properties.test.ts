import fc from 'fast-check';
import { buildClaims, CONTENT_JOINER } from '../../src/extraction/claims';
import type { DetectedAttribution } from '../../src/extraction/detect';
import type { Span } from '../../src/extraction/types';

/**
 * The builder on its own, against any detector output, buggy ones included: it never throws, never
 * alters a span, keeps the detector's order, and drops only what cannot be shown (spans outside the text).
 */
const text = fc
  .string({ maxLength: 200 })
  .chain((s) => fc.constantFrom(s, `${s}\n“${s},” the official said.\nHe added: “${s}”.`, `Close\n${s}\nKang Jae-jun`));

function attributions(len: number) {
  const index = fc.integer({ min: -3, max: len + 3 });
  const span = fc.tuple(index, index) as fc.Arbitrary<Span>;
  return fc.array(
    fc.record({
      cue: fc.array(span, { maxLength: 2 }),
      source: fc.array(span, { maxLength: 2 }),
      content: fc.array(span, { maxLength: 3 }),
      origin: fc.constantFrom('quote', 'tagger', 'rule', 'continuation', 'hedge') as fc.Arbitrary<
        DetectedAttribution['origin']
      >,
      continues: fc.option(fc.integer({ min: -2, max: 12 }), { nil: undefined }),
      confidence: fc.oneof(fc.double(), fc.constant(Number.NaN), fc.double({ min: 0, max: 1 })),
    }),
    { maxLength: 10 },
  );
}

const inText = (t: string, spans: Span[]) =>
  spans.every(([a, b]) => Number.isInteger(a) && 0 <= a && a < b && b <= t.length);

test('when the detector output is arbitrary, then claims keep its spans and order and stay inside the text', () => {
  fc.assert(
    fc.property(
      text.chain((t) => fc.tuple(fc.constant(t), attributions(t.length))),
      ([t, detected]) => {
        const claims = buildClaims(t, detected);
        let from = 0;
        for (const c of claims) {
          const at = detected.findIndex(
            (d, i) =>
              i >= from && d.content === c.spans.content && d.cue === c.spans.cue && d.source === c.spans.source,
          );
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + 1;
          expect(inText(t, [...c.spans.content, ...c.spans.cue, ...c.spans.source])).toBe(true);
          // The slices joined; a slice's comma before its closing quotation mark is the carrying sentence's.
          expect(c.text).toBe(
            c.spans.content
              .map(([a, b]) => t.slice(a, b).replace(/,(["”’']+)$/, '$1'))
              .join(CONTENT_JOINER)
              .replace(/^that\s+(?=\S)/i, ''),
          );
          expect(c.confidence >= 0 && c.confidence <= 1).toBe(true);
          expect(c.checkworthy >= 0 && c.checkworthy <= 1).toBe(true);
        }
      },
    ),
    { numRuns: 500 },
  );
});

test('when every attribution has valid spans on article prose, then none is dropped', () => {
  const t = '“Prices rose 5 percent in May,” the minister said. He added that wages fell.';
  const detected: DetectedAttribution[] = [
    { content: [[1, 29]], source: [[32, 44]], cue: [[45, 49]], origin: 'quote', confidence: 0.9 },
    { content: [[60, 76]], source: [[51, 53]], cue: [[54, 59]], origin: 'rule', confidence: 0.7 },
  ];
  const claims = buildClaims(t, detected);
  expect(claims.map((c) => c.text)).toEqual(['Prices rose 5 percent in May', 'wages fell.']);
  expect(claims.map((c) => [c.speaker.type, c.kind])).toEqual([
    ['official', 'direct'],
    ['official', 'indirect'],
  ]);
});

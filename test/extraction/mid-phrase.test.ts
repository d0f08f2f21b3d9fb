import { extractClaims } from '../../src/extraction';
import { layout } from '../../src/extraction/detect/content';
import { type Draft, run } from '../../src/extraction/detect/draft';
import { midPhraseEnd } from '../../src/extraction/detect/mid-phrase';
import { tokenize } from '../../src/extraction/detect/tokenize';

/** Contents the content head leaves in the middle of a phrase (extractor 0.8.9), on sentences written for these tests. */
function contentAfter(text: string, said: string, stop: string): string {
  const tokens = tokenize(text);
  const at = (w: string) => tokens.findIndex((t) => t.text === w);
  const d: Draft = {
    cue: [run(1, 1)],
    source: [run(0, 0)],
    content: [run(at(said), at(stop))],
    origin: 'tagger',
    confidence: 0.7,
  };
  const k = midPhraseEnd(tokens, layout(tokens), new Uint8Array(tokens.length), d).content[0]!;
  return text.slice(tokens[k.first]!.start, tokens[k.last]!.end);
}

describe('contents stopped mid-phrase', () => {
  test('when a content stops a few words into a clause after its last comma, then it ends at the comma', () => {
    const text = 'Rivera said the council would close the harbor in March, which angered fishermen at the port.';
    expect(contentAfter(text, 'the', 'angered')).toBe('the council would close the harbor in March');
  });

  test('when a content stops one word short of its clause end, then it takes that word', () => {
    const text = 'Rivera said the council had approved the new budget plan.';
    expect(contentAfter(text, 'the', 'budget')).toBe('the council had approved the new budget plan');
  });

  test('when a content stops inside a phrase of place ("at a rally in"), then it is left as it is', () => {
    const text = 'Rivera said the council had defended the levy at a rally in Ohio.';
    expect(contentAfter(text, 'the', 'in')).toBe('the council had defended the levy at a rally in');
  });

  test('when the words after the comma say when ("…, 40% in May last"), then the content is not cut', () => {
    const text = 'Rivera said turnout in the northern districts had reached 55% in April, 40% in May last year.';
    expect(contentAfter(text, 'turnout', 'last')).toBe(
      'turnout in the northern districts had reached 55% in April, 40% in May last',
    );
  });

  test('when the accurate model stops a content inside the clause after a comma, then the claim ends at the comma', () => {
    const text =
      'Park said voters in the district had rejected the measure by a wide margin, a result few organizers expected.';
    const claim = extractClaims(text, { model: 'accurate' })[0];
    expect(claim?.text).toBe('voters in the district had rejected the measure by a wide margin');
  });
});

import { extractClaims } from '../../src/extraction';
import { infinitiveToContent } from '../../src/extraction/detect/cue-edges';
import { danglingEnd } from '../../src/extraction/detect/content-edges';
import { run } from '../../src/extraction/detect/draft';
import { tokenize } from '../../src/extraction/detect/tokenize';
import { finishAuxiliaryCues } from '../../src/extraction/neural/auxiliary-cues';

describe('cue and content ends', () => {
  test('when a content stops on "than" a few words past a comma, then it ends at the comma', () => {
    const text = 'He said that 80,000 Democrats caucused on Saturday, about 10,000 more than expected.';
    const tokens = tokenize(text);
    const at = (w: string) => tokens.findIndex((t) => t.text === w);
    const d = danglingEnd(tokens, {
      cue: [run(1, 1)],
      source: [run(0, 0)],
      content: [run(at('that'), at('than'))],
      origin: 'tagger',
      confidence: 0.7,
    });
    const k = d.content[0]!;
    expect(text.slice(tokens[k.first]!.start, tokens[k.last]!.end)).toBe('that 80,000 Democrats caucused on Saturday');
  });

  test.each(['accurate', 'fast'] as const)(
    'when a cue verb takes an infinitive ("promised to address …"), then "to" opens the content (%s)',
    (model) => {
      const text = 'The governor promised to address the judge’s concern over the contracts.';
      const claim = extractClaims(text, { model }).find((c) => c.text.includes('concern'));
      expect(claim?.cue).toBe('promised');
      expect(claim?.text).toBe('to address the judge’s concern over the contracts');
    },
  );

  test.each([
    ['The agency said this week that the bridge would reopen in March.', 'the bridge would reopen in March'],
    ['Ortega insisted instead that the budget had been balanced.', 'the budget had been balanced'],
  ])(
    'when words saying when stand between the cue and "that" (%s), then the claim starts after "that"',
    (text, said) => {
      const claim = extractClaims(text, { model: 'accurate' })[0];
      expect(claim?.text).toBe(said);
      expect(text.slice(...claim!.spans.content[0]!)).toMatch(/^that /);
    },
  );

  test('when "to" after the cue is followed by a noun phrase ("referred to the report"), then it stays out of the content', () => {
    const words = ['she', 'referred', 'to', 'the', 'report'];
    const tokens = tokenize('she referred to the report');
    const d = {
      cue: [run(1, 1)],
      source: [run(0, 0)],
      content: [run(3, 4)],
      origin: 'tagger' as const,
      confidence: 0.5,
    };
    expect(infinitiveToContent(tokens, words, d)).toBe(d);
  });

  test('when the cue head marks only the auxiliary "has", then the verb it scores just under O completes the cue', () => {
    const words = ['clinton', 'has', 'delivered', 'a', 'message'];
    const cue = finishAuxiliaryCues(words, Uint8Array.from([0, 1, 0, 0, 0]), Float32Array.from([0, 0.9, 0.5, 0.1, 0]));
    expect([...cue]).toEqual([0, 1, 2, 0, 0]);
  });
});

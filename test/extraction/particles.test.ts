import { detectAttributions } from '../../src/extraction/detect';
import { run } from '../../src/extraction/detect/draft';
import { attachParticles, learnCueParticles } from '../../src/extraction/detect/particles';
import { tokenize } from '../../src/extraction/detect/tokenize';

/** Tokens, lowercase words and B/I/O cue tags for a text whose cue words are given as [first, last] token runs. */
function example(text: string, cues: [number, number][]) {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.text.toLowerCase());
  const cue = new Uint8Array(tokens.length);
  for (const [a, b] of cues) cue.fill(2, a, b + 1).fill(1, a, a + 1);
  return { tokens, words, cue };
}

describe('cue particles', () => {
  test('when train puts a particle inside the cue most of the time, then the pair is learned; otherwise it is not', () => {
    const calledFor = example('She called for calm.', [[1, 2]]);
    const saidIn = example('She said in May that it rained.', [[1, 1]]);
    const words = (ex: { words: string[] }) => ex.words.join(' ');
    expect(words(calledFor)).toBe('she called for calm .');
    const pairs = learnCueParticles([calledFor, calledFor, calledFor, saidIn, saidIn, saidIn, saidIn]);
    expect(pairs).toEqual(['called for']);
  });

  test('when a pair is seen fewer than three times, then it is not learned', () => {
    expect(learnCueParticles([example('She called for calm.', [[1, 2]])])).toEqual([]);
  });

  test('when the content starts with a learned particle, then the particle moves into the cue', () => {
    const { tokens, words } = example('She called for calm in the city.', []);
    const draft = {
      cue: [run(1, 1)],
      source: [run(0, 0)],
      content: [run(2, 6)],
      origin: 'tagger' as const,
      confidence: 0.7,
    };
    const out = attachParticles(tokens, words, draft, new Set(['called for']));
    expect(out.cue).toEqual([run(1, 2)]);
    expect(out.content).toEqual([run(3, 6)]);
    expect(attachParticles(tokens, words, draft, new Set(['said in']))).toBe(draft);
  });

  test('when the shipped model meets "called for", then the cue holds the particle and the content does not', () => {
    const text = 'The senator called for an independent inquiry into the deal.';
    const parts = detectAttributions(text).map((d) => ({
      cue: d.cue.map(([a, b]) => text.slice(a, b)),
      content: d.content.map(([a, b]) => text.slice(a, b)),
    }));
    expect(parts).toContainEqual({ cue: ['called for'], content: ['an independent inquiry into the deal'] });
  });
});

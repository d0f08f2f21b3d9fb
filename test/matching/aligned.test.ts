import { alignedF1 } from '../../src/matching/aligned';
import { analyse } from '../../src/matching/features';
import { wordSims } from '../../src/matching/soft';
import { loadVectors } from '../../src/matching/vectors';
import { fromRoot } from '../../src/paths';

const vectors = loadVectors(fromRoot('src/matching/model/vectors.bin'));
const text = 'The governor banned vaccines for children in public schools';
const query = analyse(vectors, text);
const f1 = (claim: string, title = claim) => {
  const [c, t] = [analyse(vectors, claim), analyse(vectors, title)];
  return alignedF1(wordSims(vectors, query), query, c, title === claim ? c : t);
};

describe('when a candidate is aligned word by word with the text', () => {
  it('when it says the same thing in other words, then it scores above one on another subject and below the text itself', () => {
    const paraphrase = f1('A state governor prohibited vaccinations for pupils at public schools');
    const elsewhere = f1('Flamingos were seen nesting in a football stadium');
    expect(f1(text)).toBe(1);
    expect(paraphrase).toBeGreaterThan(elsewhere);
    expect(paraphrase).toBeLessThan(1);
  });

  it('when a short claim repeats a few of the text’s words, then its precision alone does not make it a match', () => {
    // Precision is perfect ("governor", "vaccines"), recall is not: the harmonic mean stays below both means.
    expect(f1('Governor vaccines')).toBeLessThan(f1('The governor banned vaccines for children in schools'));
  });

  it('when the headline says it better than the claim, then the better of the two counts', () => {
    const claim = 'Flamingos were seen nesting in a football stadium';
    expect(f1(claim, text)).toBeGreaterThan(f1(claim));
  });

  it('when the candidate is the text itself (a verbatim earlier claim), then it scores what a fresh analysis of the same words scores', () => {
    // The own text skips its word-pair cosines: the figure must be the one they give, 1, and 0 without content words.
    const own = (t: string) => {
      const q = analyse(vectors, t);
      return alignedF1(wordSims(vectors, q), q, q, q);
    };
    const fresh = (t: string) => {
      const q = analyse(vectors, t);
      const c = analyse(vectors, t);
      return alignedF1(wordSims(vectors, q), q, c, c);
    };
    expect(own(text)).toBe(fresh(text));
    expect(own(text)).toBe(1);
    expect(own('and the of it')).toBe(fresh('and the of it'));
    expect(own('and the of it')).toBe(0);
  });
});

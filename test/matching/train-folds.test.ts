import { foldsOf, spread } from '../../scripts/train/folds';

describe('when train:matching splits the train tweets into folds', () => {
  it('when no seed is given, then tweet i is in fold i mod k, as the shipped figures were made', () => {
    expect(foldsOf(7, 5)).toEqual([0, 1, 2, 3, 4, 0, 1]);
  });

  it('when a seed is given, then every fold still gets its share and the same seed gives the same split', () => {
    const a = foldsOf(800, 5, 3);
    const sizes = [0, 1, 2, 3, 4].map((f) => a.filter((x) => x === f).length);
    expect(sizes).toEqual([160, 160, 160, 160, 160]);
    expect(foldsOf(800, 5, 3)).toEqual(a);
    expect(a).not.toEqual(foldsOf(800, 5, 0));
    expect(a).not.toEqual(foldsOf(800, 5, 4));
  });

  it('when figures from several splits are summed up, then their mean, sample deviation and range are given', () => {
    expect(spread([0.8, 0.82, 0.84])).toEqual({ mean: 0.82, sd: expect.closeTo(0.02, 10), min: 0.8, max: 0.84 });
    expect(spread([0.8]).sd).toBe(0);
  });
});

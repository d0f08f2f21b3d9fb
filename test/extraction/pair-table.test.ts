import fc from 'fast-check';
import { PairTable } from '../../src/extraction/detect/pair-table';

describe('pair table', () => {
  test('when pairs are stored, then each gives back its row and every other pair gives -1, as a Map would', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.nat(5000), fc.nat(5000)), { selector: ([a, b]) => `${a}|${b}`, maxLength: 300 }),
        fc.array(fc.tuple(fc.nat(5000), fc.nat(5000)), { maxLength: 100 }),
        (stored, probes) => {
          const entries = stored.map(([a, b], row): [number, number, number] => [a, b, row]);
          const table = new PairTable(entries);
          const expected = new Map(entries.map(([a, b, row]) => [`${a}|${b}`, row]));
          for (const [a, b] of [...stored, ...probes]) expect(table.get(a, b)).toBe(expected.get(`${a}|${b}`) ?? -1);
        },
      ),
    );
  });

  test('when two families share a table, then each pair gives back its own family row and -1 where it lacks one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(300), fc.nat(300)), { maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(300), fc.nat(300)), { maxLength: 200 }),
        (right, left) => {
          const families = [right, left].map((pairs) =>
            pairs.map(([a, b], row): [number, number, number] => [a, b, row]),
          );
          const table = new PairTable(...families);
          const expected = families.map((entries) => new Map(entries.map(([a, b, row]) => [`${a}|${b}`, row])));
          for (const [a, b] of [...right, ...left])
            for (const family of [0, 1]) expect(table.get(a, b, family)).toBe(expected[family]!.get(`${a}|${b}`) ?? -1);
        },
      ),
    );
  });

  test('when the table is empty, then every lookup misses', () => {
    expect(new PairTable([]).get(0, 0)).toBe(-1);
  });

  test('when a pair is given twice, then the last row wins', () => {
    expect(
      new PairTable([
        [1, 2, 5],
        [1, 2, 9],
      ]).get(1, 2),
    ).toBe(9);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadModel, type Model } from '../../src/extraction/detect/model';
import { decodeModel } from '../../src/extraction/detect/model-file';
import { MODEL_FILE } from '../../src/extraction/detect/model';
import { WeightTable } from '../../src/extraction/detect/perceptron';
import { tagText } from '../../src/extraction/detect/tag';
import { tokenize } from '../../src/extraction/detect/tokenize';
import { END_TYPE, START_TYPE, WordTypes } from '../../src/extraction/detect/word-types';

const seeds = fs
  .readdirSync(path.join(__dirname, '..', '..', 'seeds'))
  .map((f) => fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', f), 'utf8'));

describe('word types', () => {
  test('when a text is interned, then equal token texts share one id and each id knows its word facts', () => {
    const types = new WordTypes(new Set(['said']));
    const tokens = tokenize('Kim said the plan works. KIM said so.');
    const { types: ids, fresh } = types.intern(tokens);
    expect(fresh).toBe(false);
    expect(ids[0]).not.toBe(ids[6]); // "Kim" and "KIM" are different word types with the same lowercase word
    expect(ids[1]).toBe(ids[7]);
    expect([...ids].every((id) => id !== START_TYPE && id !== END_TYPE)).toBe(true);
    const facts = types.facts(ids);
    expect(facts.words).toEqual(tokens.map((t) => t.text.toLowerCase()));
    expect(Array.from(facts.capital)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(Array.from(facts.cueWord)).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  test('when a text would take the store past its limit, then it starts over and says so', () => {
    const types = new WordTypes(new Set(), 12);
    expect(types.intern(tokenize('one two three four five')).fresh).toBe(false);
    const again = types.intern(tokenize('six seven eight nine ten eleven'));
    expect(again.fresh).toBe(true);
    // Two sentence-edge types plus the six new words: the first text's types are gone.
    expect(types.size).toBe(8);
    expect(types.lower(again.types[0]!)).toBe('six');
  });

  test('when the store keeps starting over, then the taggers tag every text exactly as with a roomy store', () => {
    const shipped = loadModel();
    expect(shipped).not.toBeNull();
    const decoded = decodeModel(fs.readFileSync(MODEL_FILE));
    const withLimit = (limit: number): Model => ({
      ...shipped!,
      table: new WeightTable(decoded.features, decoded.rows, shipped!.cueWords, limit),
    });
    const small = withLimit(400);
    const roomy = withLimit(1 << 16);
    // Each text twice: once into a store that must start over, once reusing what the store kept.
    for (const text of [...seeds, ...seeds]) {
      const a = tagText(text, small);
      const b = tagText(text, roomy);
      expect([a.cue, a.source, a.content]).toEqual([b.cue, b.source, b.content]);
      expect(a.words).toEqual(b.words);
    }
    expect(tagText(seeds[0]!, roomy).cue.some((t) => t > 0)).toBe(true);
  });
});

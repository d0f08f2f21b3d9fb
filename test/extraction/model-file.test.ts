import * as fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { MODEL_FILE } from '../../src/extraction/detect/model';
import { decodeModel, encodeModel } from '../../src/extraction/detect/model-file';
import { WIDTH } from '../../src/extraction/detect/perceptron';

describe('model file', () => {
  const trained = {
    version: 7,
    cueWords: ['said', 'told'],
    cueParticles: ['called for', 'talking about'],
    decoders: { cue: 'greedy', source: 'greedy', content: 'viterbi' } as const,
    weights: { 'w=said': [0, 99.9, -12.3, 0, 0, 0, 0, 0, -100], 'sh=Xx': [0.1, 0, 0, 0, 0, 0, 0, 0, 0] },
  };

  test('when a trained model is encoded and decoded, then every feature keeps its weights exactly', () => {
    const decoded = decodeModel(encodeModel(trained));
    expect(decoded.version).toBe(7);
    expect(decoded.cueWords).toEqual(['said', 'told']);
    expect(decoded.cueParticles).toEqual(['called for', 'talking about']);
    expect(decoded.decoders).toEqual(trained.decoders);
    expect(decoded.features.sort()).toEqual(Object.keys(trained.weights).sort());
    decoded.features.forEach((f, r) => {
      const row = Array.from(decoded.rows.subarray(r * WIDTH, (r + 1) * WIDTH), (v) => v / 10);
      expect(row).toEqual(trained.weights[f as keyof typeof trained.weights]);
    });
  });

  test('when a weight is outside the int16 range, then encoding refuses it rather than wrapping', () => {
    expect(() => encodeModel({ ...trained, weights: { big: [5000, 0, 0, 0, 0, 0, 0, 0, 0] } })).toThrow(/does not fit/);
  });

  test('when the file is not a model, then decoding says so', () => {
    expect(() => decodeModel(gzipSync(Buffer.from('{"weights":{}}')))).toThrow(/not a claimtrack model/);
  });

  test('when the shipped model is loaded, then it holds the cue lexicon and a third of a million features', () => {
    const decoded = decodeModel(fs.readFileSync(MODEL_FILE));
    expect(decoded.cueWords).toContain('said');
    expect(decoded.cueParticles).toEqual(expect.arrayContaining(['called for', 'according to']));
    expect(decoded.features.length).toBeGreaterThan(100_000);
    expect(decoded.rows.length).toBe(decoded.features.length * WIDTH);
  });
});

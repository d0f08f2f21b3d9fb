import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { extractClaims } from '../../src/extraction';
import { decodeBio } from '../../src/extraction/neural/heads';
import { neuralTagText } from '../../src/extraction/neural';
import { loadNeural } from '../../src/extraction/neural/model-file';
import { reliabilityTable, rightClaims } from '../../scripts/calibration';

const WIRE =
  'Health Minister Ana Ruiz said on Tuesday that waiting lists had fallen by a third since March. ' +
  '“We have turned the corner,” she told reporters in Madrid.\n' +
  'The opposition accused the government of massaging the figures, according to a statement.';

describe('when the accurate model is asked for', () => {
  it('then its weights load from the repository (no network) and tag cue, source and content', () => {
    const w = loadNeural();
    expect(w).not.toBeNull();
    expect(w!.vocab.size).toBeGreaterThan(20_000);
    const tagged = neuralTagText(WIRE)!;
    const words = (tags: Uint8Array) => tagged.tokens.filter((_, i) => tags[i] !== 0).map((t) => t.text);
    expect(words(tagged.cue)).toContain('said');
    expect(words(tagged.source)).toEqual(expect.arrayContaining(['Ana', 'Ruiz']));
    expect(words(tagged.content)).toEqual(expect.arrayContaining(['waiting', 'lists']));
  });

  it('then a wire story gives claims with confidences between 0 and 1, from either model', () => {
    for (const model of ['accurate', 'fast'] as const) {
      const claims = extractClaims(WIRE, { model });
      expect(claims.some((c) => c.text.includes('waiting lists had fallen'))).toBe(true);
      for (const c of claims) {
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('then extraction inside a worker thread gives exactly the claims of the main thread', async () => {
    const root = path.join(__dirname, '..', '..');
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      require(${JSON.stringify(path.join(root, 'test', 'support', 'swc-register.js'))});
      const { extractClaims } = require(${JSON.stringify(path.join(root, 'src', 'extraction'))});
      parentPort.postMessage(extractClaims(workerData, { model: 'accurate' }));`;
    const fromWorker = await new Promise((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: WIRE });
      w.once('message', resolve);
      w.once('error', reject);
    });
    expect(fromWorker).toEqual(extractClaims(WIRE, { model: 'accurate' }));
  });
});

describe('when tags are decoded', () => {
  it('then an inside tag never follows an outside one, even when it scores best', () => {
    const l = Math.log;
    // Token 1 prefers I (2) right after an O: the decoder must open the span with B instead.
    const logp = Float64Array.from([l(0.9), l(0.05), l(0.05), l(0.1), l(0.3), l(0.6)]);
    expect(Array.from(decodeBio(logp, 2))).toEqual([0, 1]);
  });
});

describe('when confidence calibration is measured', () => {
  it('then a claim counts as right only when the scorer would match it to a gold attribution', () => {
    const text = 'The mayor said the bridge will reopen in May.';
    const gold = [{ cue: [[10, 14]], source: [[0, 9]], content: [[15, 44]] }] as never;
    const right = rightClaims(text, gold, [
      { content: [[15, 44]], source: [[4, 9]] },
      { content: [[15, 44]], source: [] },
    ]);
    expect(right).toEqual([true, false]);
    const table = reliabilityTable([
      { confidence: 0.95, right: true },
      { confidence: 0.92, right: false },
      { confidence: 0.15, right: false },
    ]);
    expect(table).toMatch(/0\.9-1\.0\s+2\s+0\.935\s+0\.500/);
    expect(table).toMatch(/over 3 claims/);
  });
});

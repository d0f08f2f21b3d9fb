import { argmax, historyFeatures, LABELS, type TaggerWeights } from './perceptron';
import { viterbi } from './viterbi';

/**
 * Averaged-perceptron training with features interned to integers, so an epoch over PolNeAR train
 * takes seconds. Deterministic: the caller fixes the sequence order; no randomness here.
 */
export interface TrainSequence {
  feats: Int32Array[];
  gold: Uint8Array;
  words: string[];
  inQuote: boolean[];
}

export class FeatureIndex {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  encode(fs: string[]): Int32Array {
    return Int32Array.from(fs, (f) => this.id(f));
  }
}

export class PerceptronTrainer {
  private w = new Float64Array(0);
  private totals = new Float64Array(0);
  private stamps = new Int32Array(0);
  private clock = 0;

  constructor(private readonly index: FeatureIndex) {}

  private grow(): void {
    const need = this.index.names.length * LABELS;
    if (need <= this.w.length) return;
    const size = Math.max(need, this.w.length * 2);
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.w = grow(this.w, (n) => new Float64Array(n));
    this.totals = grow(this.totals, (n) => new Float64Array(n));
    this.stamps = grow(this.stamps, (n) => new Int32Array(n));
  }

  private update(f: number, y: number, v: number): void {
    const k = f * LABELS + y;
    this.totals[k]! += (this.clock - this.stamps[k]!) * this.w[k]!;
    this.stamps[k] = this.clock;
    this.w[k]! += v;
  }

  /** One pass over the sequences; returns token accuracy. */
  epoch(seqs: TrainSequence[]): number {
    let correct = 0;
    let total = 0;
    const s = new Float64Array(LABELS);
    for (const seq of seqs) {
      let prev = 0;
      let prev2 = 0;
      for (let i = 0; i < seq.gold.length; i++) {
        const hist = this.index.encode(historyFeatures(prev, prev2, seq.inQuote[i]!, seq.words[i]!));
        this.grow();
        const fs = seq.feats[i]!;
        s.fill(0);
        for (const f of fs) for (let y = 0; y < LABELS; y++) s[y]! += this.w[f * LABELS + y]!;
        for (const f of hist) for (let y = 0; y < LABELS; y++) s[y]! += this.w[f * LABELS + y]!;
        const best = argmax(s, prev);
        // After a predicted O the best reachable label for a gold I is B (I cannot follow O).
        const gold = seq.gold[i] === 2 && prev === 0 ? 1 : seq.gold[i]!;
        this.clock++;
        if (best !== gold) {
          for (const f of fs) {
            this.update(f, gold, 1);
            this.update(f, best, -1);
          }
          for (const f of hist) {
            this.update(f, gold, 1);
            this.update(f, best, -1);
          }
        } else correct++;
        total++;
        // Train on the predicted history, as at inference time.
        prev2 = prev;
        prev = best;
      }
    }
    return total ? correct / total : 1;
  }

  /**
   * One structured-perceptron pass: each sequence is decoded whole with second-order Viterbi (as
   * `WeightTable.tagViterbi` decodes it), and where the best path differs from the gold one the gold
   * path's features gain and the predicted path's lose. Returns token accuracy.
   */
  epochViterbi(seqs: TrainSequence[]): number {
    let correct = 0;
    let total = 0;
    const ids = (f: string) => this.index.id(f);
    for (const seq of seqs) {
      const n = seq.gold.length;
      // History feature ids per (token, prev2, prev): 'p=', 'p2=', 'pq=', 'pw=' as historyFeatures builds them.
      const hist: number[][] = new Array(n * LABELS * LABELS);
      for (let i = 0; i < n; i++)
        for (let p2 = 0; p2 < LABELS; p2++)
          for (let p = 0; p < LABELS; p++)
            hist[(i * LABELS + p2) * LABELS + p] = historyFeatures(p, p2, seq.inQuote[i]!, seq.words[i]!).map(ids);
      this.grow();
      const stat = new Float64Array(n * LABELS);
      for (let i = 0; i < n; i++)
        for (const f of seq.feats[i]!)
          for (let y = 0; y < LABELS; y++) stat[i * LABELS + y]! += this.w[f * LABELS + y]!;
      const pred = viterbi(n, (i, p2, p, y) => {
        let v = stat[i * LABELS + y]!;
        for (const f of hist[(i * LABELS + p2) * LABELS + p]!) v += this.w[f * LABELS + y]!;
        return v;
      });
      // Gold as a reachable path: an I right after an O becomes B.
      const gold = Uint8Array.from(seq.gold);
      for (let i = 0; i < n; i++) if (gold[i] === 2 && (i === 0 || gold[i - 1] === 0)) gold[i] = 1;
      this.clock++;
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const h = pred[i]!;
        if (g === h) correct++;
        total++;
        const [g1, g2] = [i > 0 ? gold[i - 1]! : 0, i > 1 ? gold[i - 2]! : 0];
        const [h1, h2] = [i > 0 ? pred[i - 1]! : 0, i > 1 ? pred[i - 2]! : 0];
        if (g !== h)
          for (const f of seq.feats[i]!) {
            this.update(f, g, 1);
            this.update(f, h, -1);
          }
        if (g !== h || g1 !== h1 || g2 !== h2) {
          for (const f of hist[(i * LABELS + g2) * LABELS + g1]!) this.update(f, g, 1);
          for (const f of hist[(i * LABELS + h2) * LABELS + h1]!) this.update(f, h, -1);
        }
      }
    }
    return total ? correct / total : 1;
  }

  /** Averaged weights, pruned of near-zero ones and rounded, keyed by feature string. */
  export(minAbs = 2, digits = 1): TaggerWeights {
    const out: TaggerWeights = {};
    const c = Math.max(this.clock, 1);
    // Scale so the largest weight is 100; rounding then loses nothing that matters.
    const names = this.index.names;
    const avg = new Float64Array(names.length * LABELS);
    let max = 0;
    for (let k = 0; k < avg.length; k++) {
      const v = ((this.totals[k] ?? 0) + (c - (this.stamps[k] ?? 0)) * (this.w[k] ?? 0)) / c;
      avg[k] = v;
      if (Math.abs(v) > max) max = Math.abs(v);
    }
    const scale = max > 0 ? 100 / max : 1;
    const p = 10 ** digits;
    for (let f = 0; f < names.length; f++) {
      // Weights below 2% of the largest change almost no decision; dropping them keeps the model small.
      const v = [0, 1, 2].map((y) => {
        const x = avg[f * LABELS + y]! * scale;
        return Math.abs(x) >= minAbs ? Math.round(x * p) / p : 0;
      });
      if (v.some((x) => x !== 0)) out[names[f]!] = v;
    }
    return out;
  }
}

import { argmax, historyFeatures, LABELS, type TaggerWeights } from './perceptron';

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

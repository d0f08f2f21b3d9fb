/**
 * A fixed map from pairs of word ids to feature rows, in three typed arrays (open addressing, linear
 * probing). The tagger looks a pair up several times per token: one probe into flat arrays is cheaper
 * than a Map's bucket-and-chain walk, and the table holds no objects for the garbage collector.
 */
export class PairTable {
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  /** `entries`: [left id, right id, row], ids and rows ≥ 0; a repeated pair keeps its last row. */
  constructor(entries: [number, number, number][]) {
    let capacity = 16;
    // At most half full, so probe runs stay short.
    while (capacity < entries.length * 2) capacity *= 2;
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (const [a, b, row] of entries) {
      let i = this.slot(a, b);
      while (this.left[i] !== -1 && !(this.left[i] === a && this.right[i] === b)) i = (i + 1) & this.mask;
      this.left[i] = a;
      this.right[i] = b;
      this.rows[i] = row;
    }
  }

  private slot(a: number, b: number): number {
    return ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca6b)) >>> 7) & this.mask;
  }

  /** The row stored for the pair (a, b), or -1. */
  get(a: number, b: number): number {
    for (let i = this.slot(a, b); ; i = (i + 1) & this.mask) {
      const at = this.left[i]!;
      if (at === -1) return -1;
      if (at === a && this.right[i] === b) return this.rows[i]!;
    }
  }
}

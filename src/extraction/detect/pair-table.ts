/**
 * A fixed map from pairs of word ids to feature rows, in one Int32Array of [left, right, row] slots (open
 * addressing, linear probing). The tagger looks a pair up several times per token: one probe into a flat
 * array, with a slot's three fields on one cache line, is cheaper than a Map's bucket-and-chain walk, and
 * the table holds no objects for the garbage collector.
 */
const SLOT = 3;

export class PairTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `entries`: [left id, right id, row], ids and rows ≥ 0; a repeated pair keeps its last row. */
  constructor(entries: [number, number, number][]) {
    let capacity = 16;
    // At most half full, so probe runs stay short.
    while (capacity < entries.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * SLOT).fill(-1);
    this.mask = capacity - 1;
    for (const [a, b, row] of entries) {
      let i = this.slot(a, b);
      while (this.slots[i * SLOT] !== -1 && !(this.slots[i * SLOT] === a && this.slots[i * SLOT + 1] === b))
        i = (i + 1) & this.mask;
      this.slots.set([a, b, row], i * SLOT);
    }
  }

  private slot(a: number, b: number): number {
    return ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca6b)) >>> 7) & this.mask;
  }

  /** The row stored for the pair (a, b), or -1. */
  get(a: number, b: number): number {
    const slots = this.slots;
    for (let i = this.slot(a, b); ; i = (i + 1) & this.mask) {
      const at = slots[i * SLOT]!;
      if (at === -1) return -1;
      if (at === a && slots[i * SLOT + 1] === b) return slots[i * SLOT + 2]!;
    }
  }
}

/**
 * A fixed map from pairs of word ids to feature rows, in one Int32Array of [left, right, row…] slots (open
 * addressing, linear probing). The tagger looks a pair up several times per token: one probe into a flat
 * array, with a slot's fields on one cache line, is cheaper than a Map's bucket-and-chain walk, and
 * the table holds no objects for the garbage collector. A slot may hold several rows (one per feature family
 * keyed by the same pair), so one probe serves them all.
 */
export class PairTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly width: number;

  /**
   * `entries`: [left id, right id, row] per family, ids and rows ≥ 0 (`families` lists, one per row field);
   * a pair repeated within a family keeps its last row, and a family without the pair gives -1.
   */
  constructor(...families: [number, number, number][][]) {
    this.width = 2 + families.length;
    // Families mostly share their pairs (a bigram 'a|b' is a feature of both its words), so count them once.
    const pairs = new Set(families.flatMap((entries) => entries.map(([a, b]) => `${a} ${b}`))).size;
    let capacity = 16;
    // At most half full, so probe runs stay short.
    while (capacity < pairs * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * this.width).fill(-1);
    this.mask = capacity - 1;
    families.forEach((entries, family) => {
      for (const [a, b, row] of entries) {
        let i = this.slot(a, b);
        while (this.slots[i * this.width] !== -1 && !this.holds(i * this.width, a, b)) i = (i + 1) & this.mask;
        this.slots[i * this.width] = a;
        this.slots[i * this.width + 1] = b;
        this.slots[i * this.width + 2 + family] = row;
      }
    });
  }

  private holds(at: number, a: number, b: number): boolean {
    return this.slots[at] === a && this.slots[at + 1] === b;
  }

  private slot(a: number, b: number): number {
    return ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca6b)) >>> 7) & this.mask;
  }

  /** Where the pair (a, b) is stored (for `row`), or -1. */
  find(a: number, b: number): number {
    const slots = this.slots;
    const width = this.width;
    for (let i = this.slot(a, b); ; i = (i + 1) & this.mask) {
      const at = i * width;
      const first = slots[at]!;
      if (first === -1) return -1;
      if (first === a && slots[at + 1] === b) return at;
    }
  }

  /** The row of the given family at a place from `find`, or -1 when that family lacks the pair. */
  row(at: number, family = 0): number {
    return this.slots[at + 2 + family]!;
  }

  /** The row stored for the pair (a, b) in the given family, or -1. */
  get(a: number, b: number, family = 0): number {
    const at = this.find(a, b);
    return at < 0 ? -1 : this.row(at, family);
  }
}

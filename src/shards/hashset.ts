/**
 * A set of 64-bit hashes in one open-addressing table (16 bytes per entry at the 50% load it keeps), for --dedupe:
 * a JS Set<bigint> costs several times that per entry.
 */
export class HashSet64 {
  private table: BigUint64Array;
  private used = new Uint8Array(0);
  private size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.table = new BigUint64Array(cap);
    this.used = new Uint8Array(cap);
  }

  get count(): number {
    return this.size;
  }

  /** Adds `h`; returns false if it was already there. */
  add(h: bigint): boolean {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    let i = Number(h & BigInt(mask));
    while (this.used[i]) {
      if (this.table[i] === h) return false;
      i = (i + 1) & mask;
    }
    this.used[i] = 1;
    this.table[i] = h;
    this.size++;
    return true;
  }

  private grow(): void {
    const oldTable = this.table;
    const oldUsed = this.used;
    this.table = new BigUint64Array(oldTable.length * 2);
    this.used = new Uint8Array(oldTable.length * 2);
    this.size = 0;
    for (let i = 0; i < oldTable.length; i++) if (oldUsed[i]) this.add(oldTable[i]!);
  }
}

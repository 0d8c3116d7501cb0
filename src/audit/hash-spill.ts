/**
 * Exact duplicate counting in bounded memory: 64-bit hashes are buffered, sorted and spilled to a temp folder one
 * chunk at a time (8 MiB each), then a k-way merge over the chunk files counts distinct values and picks out the
 * hashes that occur more than once. Memory: one chunk while adding, 64 KiB per chunk file while merging.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeAllSync } from '../shards/atomic.js';
import { mergeSorted, type MergeResult } from '../shards/sorted-merge.js';

export type { MergeResult };

/** 1M hashes (8 MiB): a 10M-item run spills about ten files per kind. */
export const SPILL_CHUNK = 1 << 20;

export class HashSpill {
  private buf: BigUint64Array;
  private n = 0;
  private total = 0;
  private readonly files: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    chunk = SPILL_CHUNK,
  ) {
    this.buf = new BigUint64Array(chunk);
  }

  add(h: bigint): void {
    this.buf[this.n++] = h;
    this.total++;
    if (this.n === this.buf.length) this.spill();
  }

  private spill(): void {
    if (this.n === 0) return;
    const sorted = this.buf.subarray(0, this.n).sort();
    const file = path.join(this.dir, `${this.prefix}-${String(this.files.length).padStart(5, '0')}.bin`);
    const fd = fs.openSync(file, 'w');
    try {
      writeAllSync(fd, new Uint8Array(sorted.buffer, sorted.byteOffset, sorted.byteLength));
    } finally {
      fs.closeSync(fd);
    }
    this.files.push(file);
    this.n = 0;
  }

  /** Spills what is buffered and merges every chunk. */
  finish(keep: number): MergeResult {
    this.spill();
    const r = mergeSorted(this.files, keep);
    if (r.total !== this.total) throw new Error(`hash spill ${this.prefix}: merged ${r.total} of ${this.total} hashes`);
    return r;
  }
}

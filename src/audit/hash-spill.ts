/**
 * Exact duplicate counting in bounded memory: 64-bit hashes are buffered, sorted and spilled to a temp folder one
 * chunk at a time (8 MiB each), then a k-way merge over the chunk files counts distinct values and picks out the
 * hashes that occur more than once. Memory: one chunk while adding, 64 KiB per chunk file while merging.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeAllSync } from '../shards/atomic.js';

/** 1M hashes (8 MiB): a 10M-item run spills about ten files per kind. */
export const SPILL_CHUNK = 1 << 20;

export interface MergeResult {
  total: number;
  distinct: number;
  /** Up to `keep` hashes that occur more than once (smallest first). */
  duplicated: bigint[];
}

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

/** Streaming k-way merge of files of sorted little-endian uint64 values. */
export function mergeSorted(files: readonly string[], keep: number): MergeResult {
  const CHUNK = 8192;
  const readers = files.map((f) => ({ fd: fs.openSync(f, 'r'), buf: new BigUint64Array(CHUNK), len: 0, pos: 0, done: false }));
  const fill = (r: (typeof readers)[number]) => {
    const bytes = fs.readSync(r.fd, new Uint8Array(r.buf.buffer), 0, CHUNK * 8, null);
    r.len = Math.floor(bytes / 8);
    r.pos = 0;
    if (r.len === 0) r.done = true;
  };
  const out: MergeResult = { total: 0, distinct: 0, duplicated: [] };
  try {
    for (const r of readers) fill(r);
    let last: bigint | null = null;
    let lastCounted = false;
    // A linear scan for the minimum head: the number of chunk files is small (count / 1M).
    for (;;) {
      let best = -1;
      for (let i = 0; i < readers.length; i++) {
        const r = readers[i]!;
        if (r.done) continue;
        if (best < 0 || r.buf[r.pos]! < readers[best]!.buf[readers[best]!.pos]!) best = i;
      }
      if (best < 0) break;
      const r = readers[best]!;
      const v = r.buf[r.pos]!;
      out.total++;
      if (last === null || v !== last) {
        out.distinct++;
        last = v;
        lastCounted = false;
      } else if (!lastCounted) {
        lastCounted = true;
        if (out.duplicated.length < keep) out.duplicated.push(v);
      }
      if (++r.pos >= r.len) fill(r);
    }
    return out;
  } finally {
    for (const r of readers) fs.closeSync(r.fd);
  }
}

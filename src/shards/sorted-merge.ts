/**
 * Streaming k-way merge of files of sorted little-endian uint64 values (prompt and id hashes): counts all and distinct
 * values and picks out values that occur more than once, with 64 KiB per file in memory. Used for a run's duplicate
 * statistics and by the auditor.
 */
import fs from 'node:fs';

export interface MergeResult {
  total: number;
  distinct: number;
  /** Up to `keep` hashes that occur more than once (smallest first). */
  duplicated: bigint[];
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

/** Atomic writes: a temp file in the same folder, fsync, then rename over the target. */
import fs from 'node:fs';
import path from 'node:path';

/** The temp name for `file`; leftover temp files of killed processes carry this prefix and are never data. */
export function tempPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${tempCounter++}`);
}
let tempCounter = 0;

export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.includes('.tmp-');
}

export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const tmp = tempPath(file);
  const fd = fs.openSync(tmp, 'w');
  try {
    writeAllSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** fs.writeSync may write less than asked; this loops until every byte is written. */
export function writeAllSync(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
}

/**
 * Fault injection for tests: VERIGEN_FAULT_ENOSPC_AFTER=N makes shard writes of this thread fail once N bytes in all
 * have been written, as a full disk would. Both shard writers (JSONL and Parquet) write through here.
 */
const FAULT_LIMIT = process.env.VERIGEN_FAULT_ENOSPC_AFTER === undefined ? Infinity : Number(process.env.VERIGEN_FAULT_ENOSPC_AFTER);
let shardBytesThisThread = 0;

/** writeAllSync for shard bytes, with the full-disk fault injection above. `file` names the file in the error. */
export function writeShardBytesSync(fd: number, buf: Uint8Array, file: string): void {
  if (shardBytesThisThread + buf.length > FAULT_LIMIT) {
    const err = new Error(`ENOSPC: no space left on device, write '${file}'`) as NodeJS.ErrnoException;
    err.code = 'ENOSPC';
    throw err;
  }
  writeAllSync(fd, buf);
  shardBytesThisThread += buf.length;
}

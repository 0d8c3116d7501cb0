/**
 * Writes one shard: lines → (gzip) → a temp file, hashing the bytes as they go; `close()` fsyncs and renames the
 * temp file onto the shard's name, so a shard name on disk always holds a complete shard.
 */
import fs from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import zlib from 'node:zlib';
import { tempPath, writeAllSync } from './atomic.js';
import type { Compression } from '../run/config.js';

export interface WrittenShard {
  bytes: number;
  sha256: string;
}

/**
 * Fault injection for tests: VERIGEN_FAULT_ENOSPC_AFTER=N makes shard writes of this thread fail once N bytes in all
 * have been written, as a full disk would.
 */
const FAULT_LIMIT = process.env.VERIGEN_FAULT_ENOSPC_AFTER === undefined ? Infinity : Number(process.env.VERIGEN_FAULT_ENOSPC_AFTER);
let bytesThisThread = 0;

/** Node 20 has no zstd in zlib; newer Node versions do. */
export function zstdAvailable(): boolean {
  return typeof (zlib as unknown as { createZstdCompress?: unknown }).createZstdCompress === 'function';
}

const BATCH_CHARS = 1 << 20;

export class ShardWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private readonly compressor: zlib.Gzip | null;
  private pending: string[] = [];
  private pendingChars = 0;
  private bytes = 0;
  private failure: Error | null = null;
  private compressedChunks: Buffer[] = [];

  constructor(
    readonly file: string,
    compress: Compression,
    level: number | null = null,
  ) {
    if (compress === 'zstd' && !zstdAvailable()) {
      throw new Error(`zstd compression needs Node.js >= 22.15 (this is ${process.version}); use --compress gzip or none`);
    }
    this.tmp = tempPath(file);
    this.fd = fs.openSync(this.tmp, 'w');
    if (compress === 'gzip') {
      this.compressor = zlib.createGzip({ level: level ?? 6 });
    } else if (compress === 'zstd') {
      const z = zlib as unknown as { createZstdCompress(o?: object): zlib.Gzip; constants: Record<string, number> };
      this.compressor = z.createZstdCompress(level === null ? {} : { params: { [z.constants.ZSTD_c_compressionLevel!]: level } });
    } else {
      this.compressor = null;
    }
    this.compressor?.on('data', (chunk: Buffer) => this.compressedChunks.push(chunk));
  }

  private writeBytes(buf: Buffer): void {
    if (bytesThisThread + buf.length > FAULT_LIMIT) {
      const err = new Error(`ENOSPC: no space left on device, write '${this.tmp}'`) as NodeJS.ErrnoException;
      err.code = 'ENOSPC';
      throw err;
    }
    writeAllSync(this.fd, buf);
    this.hash.update(buf);
    this.bytes += buf.length;
    bytesThisThread += buf.length;
  }

  private drainCompressed(): void {
    const chunks = this.compressedChunks;
    this.compressedChunks = [];
    for (const c of chunks) this.writeBytes(c);
  }

  /** Adds one line (without its newline). Returns a promise only when the caller should wait (compression backlog). */
  write(line: string): Promise<void> | void {
    if (this.failure) throw this.failure;
    this.pending.push(line);
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= BATCH_CHARS) return this.flushBatch();
  }

  private flushBatch(): Promise<void> | void {
    if (this.pending.length === 0) return;
    const buf = Buffer.from(this.pending.join('\n') + '\n', 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.compressor) {
      this.writeBytes(buf);
      return;
    }
    const c = this.compressor;
    return new Promise<void>((resolve, reject) => {
      c.write(buf, (err) => {
        if (err) return reject(err);
        try {
          this.drainCompressed();
          resolve();
        } catch (e) {
          reject(e);
        }
      });
    });
  }

  async close(): Promise<WrittenShard> {
    try {
      await this.flushBatch();
      if (this.compressor) {
        const c = this.compressor;
        await new Promise<void>((resolve, reject) => {
          // 'end' (readable side), not 'finish': the last compressed bytes are emitted after finish.
          c.once('error', reject);
          c.once('end', () => resolve());
          c.end();
        });
        this.drainCompressed();
      }
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
    } catch (e) {
      this.abort();
      throw e;
    }
    fs.renameSync(this.tmp, this.file);
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Drops the temp file; the shard name is untouched. */
  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    try {
      fs.unlinkSync(this.tmp);
    } catch {
      // already gone
    }
  }
}

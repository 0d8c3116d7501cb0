/**
 * Writes one shard: lines → (gzip) → a temp file, hashing the bytes as they go; `close()` fsyncs and renames the
 * temp file onto the shard's name, so a shard name on disk always holds a complete shard.
 *
 * Lines are encoded straight into a reused 1 MiB buffer rather than kept as strings until a batch is full: a kept
 * string lives long enough to be promoted to V8's old generation, and at a million lines a run that cost more in
 * garbage collection than the encoding itself. With compression, two buffers alternate, so that one fills while zlib
 * (on libuv's thread pool) compresses the other.
 */
import fs from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import zlib from 'node:zlib';
import { tempPath, writeShardBytesSync } from './atomic.js';
import type { Compression } from '../run/config.js';

export interface WrittenShard {
  bytes: number;
  sha256: string;
}

/** Node 20 has no zstd in zlib; newer Node versions do. */
export function zstdAvailable(): boolean {
  return typeof (zlib as unknown as { createZstdCompress?: unknown }).createZstdCompress === 'function';
}

const BUFFER_BYTES = 1 << 20;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_UTF8_PER_UNIT = 3;
const NEWLINE = 0x0a;

export class ShardWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private readonly compressor: zlib.Gzip | null;
  /** The buffer being filled, and (with compression) the one zlib may still be reading. */
  private buf: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private spare: Buffer | null = null;
  private fill = 0;
  /** Settles when zlib has consumed the buffer last handed to it. */
  private inFlight: Promise<void> | null = null;
  private bytes = 0;
  private failure: Error | null = null;

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
      // chunkSize: zlib's output buffer. At the default 16 KiB, compressing one 1 MiB buffer took a dozen thread-pool
      // jobs, each started by a callback on this thread, which is busy generating items until it next awaits: the
      // compression stalled, then ran while generation waited for it (18% of a 1-worker injection run was idle). With
      // room for the whole output, one job compresses a buffer while the next one fills. The bytes are the same.
      this.compressor = zlib.createGzip({ level: level ?? 6, chunkSize: BUFFER_BYTES });
    } else if (compress === 'zstd') {
      const z = zlib as unknown as { createZstdCompress(o?: object): zlib.Gzip; constants: Record<string, number> };
      this.compressor = z.createZstdCompress(level === null ? {} : { params: { [z.constants.ZSTD_c_compressionLevel!]: level } });
    } else {
      this.compressor = null;
    }
    if (this.compressor) {
      this.spare = Buffer.allocUnsafe(BUFFER_BYTES);
      this.compressor.on('data', (chunk: Buffer) => {
        if (this.failure) return;
        try {
          this.writeBytes(chunk);
        } catch (e) {
          this.failure = e as Error;
        }
      });
      this.compressor.on('error', (e: Error) => {
        this.failure ??= e;
      });
    }
  }

  private writeBytes(buf: Uint8Array): void {
    writeShardBytesSync(this.fd, buf, this.tmp);
    this.hash.update(buf);
    this.bytes += buf.length;
  }

  /** Adds one line (without its newline). Returns a promise only when the caller must wait (zlib is behind). */
  write(line: string): Promise<void> | void {
    if (this.failure) throw this.failure;
    const worst = line.length * MAX_UTF8_PER_UNIT + 1;
    if (this.fill + worst <= this.buf.length) {
      this.append(line);
      return;
    }
    const wait = this.flushBuffer();
    if (worst > BUFFER_BYTES) {
      // A line longer than a buffer goes on its own, after what is already queued.
      const big = Buffer.from(line + '\n', 'utf8');
      return wait ? wait.then(() => this.submit(big, false)) : this.submit(big, false);
    }
    return wait ? wait.then(() => this.append(line)) : this.append(line);
  }

  private append(line: string): void {
    this.fill += this.buf.write(line, this.fill, 'utf8');
    this.buf[this.fill++] = NEWLINE;
  }

  /** Hands the filled part of the current buffer on; the promise (if any) settles once a buffer is free to fill. */
  private flushBuffer(): Promise<void> | void {
    if (this.fill === 0) return;
    const full = this.buf.subarray(0, this.fill);
    this.fill = 0;
    return this.submit(full, true);
  }

  /**
   * Writes or compresses `chunk`. With compression only one chunk is in zlib's hands at a time: a second submit
   * first waits for the first. `reusable` chunks are views of this writer's buffers, which swap roles.
   */
  private submit(chunk: Buffer, reusable: boolean): Promise<void> | void {
    if (!this.compressor) {
      this.writeBytes(chunk);
      return;
    }
    const c = this.compressor;
    const send = (): Promise<void> => {
      if (this.failure) return Promise.reject(this.failure);
      if (reusable) {
        // zlib reads `chunk` (a view of this.buf) until its callback; fill the spare meanwhile.
        const filled = this.buf;
        this.buf = this.spare!;
        this.spare = filled;
      }
      const done = new Promise<void>((resolve, reject) => {
        c.write(chunk, (err) => {
          if (err) this.failure ??= err;
          if (this.failure) reject(this.failure);
          else resolve();
        });
      });
      // Nobody may be waiting on this promise when it rejects; the failure is also kept in this.failure.
      done.then(
        () => {
          if (this.inFlight === done) this.inFlight = null;
        },
        () => {},
      );
      this.inFlight = done;
      return done;
    };
    const previous = this.inFlight;
    if (previous) return previous.then(() => void send());
    void send();
  }

  async close(): Promise<WrittenShard> {
    try {
      await this.flushBuffer();
      if (this.compressor) {
        await this.inFlight;
        const c = this.compressor;
        await new Promise<void>((resolve, reject) => {
          // 'end' (readable side), not 'finish': the last compressed bytes are emitted after finish.
          c.once('error', reject);
          c.once('end', () => resolve());
          c.end();
        });
      }
      if (this.failure) throw this.failure;
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
    this.compressor?.destroy();
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

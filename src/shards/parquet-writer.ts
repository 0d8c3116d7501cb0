/**
 * Writes one shard as Parquet with hyparquet-writer (pure JavaScript). Like the JSONL ShardWriter it writes a temp
 * file, hashes the bytes as they go and renames the temp file onto the shard's name in `close()`.
 *
 * Memory: rows are buffered column by column for one row group (ROW_GROUP_ROWS) at a time; the encoded bytes go to
 * the file whenever the output buffer passes 1 MiB, so a shard never needs more than one row group in memory.
 *
 * `--compress` picks the Parquet codec: none → UNCOMPRESSED, gzip → GZIP (node's zlib at --compress-level),
 * zstd → ZSTD (node's zlib, Node >= 22.15). The bytes depend only on the rows: created_by carries no version and
 * no time, the only key-value metadata is the column specs, and the gzip header is written here with a zero mtime
 * and OS byte 255 ("unknown") instead of the one zlib picks per platform.
 */
import fs from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import zlib from 'node:zlib';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { tempPath, writeShardBytesSync } from './atomic.js';
import { COLUMNS_KEY, encodeValue, parquetSchema, type ColumnSpec } from './parquet-columns.js';
import type { WrittenShard } from './writer.js';
import type { Compression } from '../run/config.js';

export type ParquetCodec = 'UNCOMPRESSED' | 'GZIP' | 'ZSTD';

/** Rows per row group: ~10 MB of items, large enough for good compression, small enough to buffer. */
export const ROW_GROUP_ROWS = 10_000;

export const CREATED_BY = 'verigen';

export function parquetCodec(compress: Compression): ParquetCodec {
  return compress === 'gzip' ? 'GZIP' : compress === 'zstd' ? 'ZSTD' : 'UNCOMPRESSED';
}

const GZIP_HEADER = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** RFC 1952 gzip of `input`, the same bytes on every platform. */
export function gzipPortable(input: Uint8Array, level: number): Uint8Array {
  const body = zlib.deflateRawSync(input, { level });
  const out = new Uint8Array(GZIP_HEADER.length + body.length + 8);
  out.set(GZIP_HEADER, 0);
  out.set(body, GZIP_HEADER.length);
  const tail = new DataView(out.buffer, GZIP_HEADER.length + body.length, 8);
  tail.setUint32(0, zlib.crc32(input), true);
  tail.setUint32(4, input.length >>> 0, true);
  return out;
}

type ZstdZlib = { zstdCompressSync?: (b: Uint8Array, o?: object) => Buffer; constants: Record<string, number> };

function compressorFor(codec: ParquetCodec, level: number | null): Record<string, (b: Uint8Array) => Uint8Array> {
  if (codec === 'GZIP') return { GZIP: (b) => gzipPortable(b, level ?? 6) };
  if (codec === 'ZSTD') {
    const z = zlib as unknown as ZstdZlib;
    const compress = z.zstdCompressSync;
    if (!compress) throw new Error(`Parquet ZSTD compression needs Node.js >= 22.15 (this is ${process.version}); use --compress gzip or none`);
    const params = level === null ? {} : { params: { [z.constants.ZSTD_c_compressionLevel!]: level } };
    return { ZSTD: (b) => compress(b, params) };
  }
  return {};
}

/** hyparquet-writer's byte buffer, emptied into the temp file (and the hash) past FLUSH_BYTES. */
class FileSink extends ByteWriter {
  static readonly FLUSH_BYTES = 1 << 20;
  readonly hash: Hash = createHash('sha256');
  bytes = 0;

  constructor(
    private readonly fd: number,
    private readonly file: string,
  ) {
    super(1 << 16);
  }

  override ensure(size: number): void {
    if (this.index > FileSink.FLUSH_BYTES) this.flush();
    super.ensure(size);
  }

  flush(): void {
    if (this.index === 0) return;
    const chunk = new Uint8Array(this.buffer, 0, this.index);
    writeShardBytesSync(this.fd, chunk, this.file);
    this.hash.update(chunk);
    this.bytes += this.index;
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }
}

export class ParquetShardWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private readonly sink: FileSink;
  private readonly pq: ParquetWriter;
  private readonly columns: ColumnSpec[];
  private pending: unknown[][];
  private rows = 0;

  constructor(
    readonly file: string,
    columns: ColumnSpec[],
    codec: ParquetCodec,
    level: number | null = null,
  ) {
    const compressors = compressorFor(codec, level);
    this.columns = columns;
    this.pending = columns.map(() => []);
    this.tmp = tempPath(file);
    this.fd = fs.openSync(this.tmp, 'w');
    this.sink = new FileSink(this.fd, this.tmp);
    this.pq = new ParquetWriter({
      writer: this.sink,
      schema: parquetSchema(columns),
      codec,
      compressors,
      createdBy: CREATED_BY,
      kvMetadata: [{ key: COLUMNS_KEY, value: JSON.stringify(columns) }],
    });
  }

  /** Adds one row (an item or a preset row). Encodes it into the row group's column buffers at once. */
  write(row: object): void {
    const o = row as Record<string, unknown>;
    // Encode the whole row before buffering any of it, so a bad row leaves the columns aligned.
    const values = this.columns.map((c) => encodeValue(c, o[c.name]));
    for (let c = 0; c < values.length; c++) this.pending[c]!.push(values[c]);
    if (++this.rows === ROW_GROUP_ROWS) this.flushGroup();
  }

  private flushGroup(): void {
    if (this.rows === 0) return;
    const columnData = this.columns.map((c, i) => ({ name: c.name, data: this.pending[i]! }));
    this.pending = this.columns.map(() => []);
    const n = this.rows;
    this.rows = 0;
    // The writer calls sink.flush() after the group, which empties its buffer into the file.
    void this.pq.write({ columnData: columnData as never, rowGroupSize: n });
  }

  async close(): Promise<WrittenShard> {
    try {
      this.flushGroup();
      void this.pq.finish();
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
    } catch (e) {
      this.abort();
      throw e;
    }
    fs.renameSync(this.tmp, this.file);
    return { bytes: this.sink.bytes, sha256: this.sink.hash.digest('hex') };
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

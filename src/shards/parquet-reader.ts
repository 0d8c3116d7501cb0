/**
 * Reads a Parquet shard back as the JSON objects the same run would have written as JSONL, one row group at a time
 * (hyparquet reads only the byte ranges of the row group it is asked for).
 */
import zlib from 'node:zlib';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, type FileMetaData } from 'hyparquet';
import { UsageError } from '../core/errors.js';
import { COLUMNS_KEY, decodeRow, type ColumnSpec } from './parquet-columns.js';

export interface ParquetRowAt {
  value: Record<string, unknown>;
  file: string;
  /** 1-based row number in the file, in the place of a JSONL line number. */
  line: number;
}

type Decompress = (input: Uint8Array, outputLength: number) => Uint8Array;
const zstd = (zlib as unknown as { zstdDecompressSync?: (b: Uint8Array) => Buffer }).zstdDecompressSync;
const DECOMPRESSORS: Record<string, Decompress> = {
  GZIP: (b) => zlib.gunzipSync(b),
  ...(zstd ? { ZSTD: (b: Uint8Array) => zstd(b) } : {}),
};

/** Column specs from the file's metadata; a Parquet file verigen did not write gets a plain reading (INT64 → number). */
function specsOf(meta: FileMetaData): ColumnSpec[] | null {
  const kv = meta.key_value_metadata?.find((e) => e.key === COLUMNS_KEY);
  if (!kv?.value) return null;
  try {
    return JSON.parse(kv.value) as ColumnSpec[];
  } catch {
    return null;
  }
}

function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}

export async function* readParquetRows(file: string): AsyncGenerator<ParquetRowAt> {
  let buffer: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let meta: FileMetaData;
  try {
    buffer = await asyncBufferFromFile(file);
    meta = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw new UsageError(`${file}: not a readable Parquet file: ${(e as Error).message}`);
  }
  const specs = specsOf(meta);
  let rowStart = 0;
  for (const group of meta.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({ file: buffer, metadata: meta, rowStart, rowEnd, compressors: DECOMPRESSORS });
    } catch (e) {
      throw new UsageError(`${file}: rows ${rowStart + 1}-${rowEnd}: cannot read: ${(e as Error).message}`);
    }
    for (let k = 0; k < rows.length; k++) {
      const line = rowStart + k + 1;
      let value: Record<string, unknown>;
      try {
        value = specs ? decodeRow(specs, rows[k]!) : plainRow(rows[k]!);
      } catch (e) {
        throw new UsageError(`${file}: row ${line}: cannot decode: ${(e as Error).message}`);
      }
      yield { value, file, line };
    }
    rowStart = rowEnd;
  }
}

/**
 * Reads items back: from a run folder (its manifest's shards, in order), one shard file, or any JSONL file
 * (plain, gzip or zstd), streaming. Bad lines are errors naming file, line and problem. Parquet shards (`.parquet`) give
 * the same objects as JSONL lines, numbered by row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { MANIFEST, readManifest, type Manifest } from './manifest.js';
import { readParquetRows } from './parquet-reader.js';
import { readLines, type Located } from './lines.js';

export { eachLine, readLines, type Located } from './lines.js';

/** The files of a source: a run folder's shards in order, or the file itself. */
export function sourceFiles(source: string): { files: string[]; manifest: Manifest | null } {
  let st: fs.Stats;
  try {
    st = fs.statSync(source);
  } catch {
    throw new UsageError(`${source}: no such file or folder`);
  }
  if (!st.isDirectory()) return { files: [source], manifest: null };
  const mpath = path.join(source, MANIFEST);
  if (!fs.existsSync(mpath)) throw new UsageError(`${source}: a folder without ${MANIFEST} (is it a verigen run? split runs need 'verigen merge' first)`);
  const manifest = readManifest(mpath);
  if (!manifest.complete) {
    throw new UsageError(`${mpath}: the run is not complete (${manifest.shards.length} of ${manifest.num_shards} shards); rerun the same generate command to finish it`);
  }
  return { files: manifest.shards.map((s) => path.join(source, s.file)), manifest };
}

/** JSON objects of one or more files (JSONL, or Parquet shards by their `.parquet` name). */
export async function* readJsonLines(files: readonly string[]): AsyncGenerator<Located<Record<string, unknown>>> {
  for (const file of files) {
    if (file.endsWith('.parquet')) {
      yield* readParquetRows(file);
      continue;
    }
    for await (const l of readLines(file)) {
      let value: unknown;
      try {
        value = JSON.parse(l.value);
      } catch (e) {
        throw new UsageError(`${file}:${l.line}: not JSON: ${(e as Error).message}`);
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${file}:${l.line}: expected a JSON object`);
      yield { value: value as Record<string, unknown>, file, line: l.line };
    }
  }
}

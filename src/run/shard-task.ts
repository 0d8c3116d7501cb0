/**
 * One shard's work, the same in a worker thread or in the main thread: generate items start..end-1 in index order
 * and either write them (mode 'write') or only record their prompt hashes in index order (mode 'hash', the first
 * pass of --dedupe).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ItemFactory } from '../core/factory.js';
import { conversationText } from '../core/item.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import { shardFileName } from '../shards/naming.js';
import { promptHash, ShardStatsBuilder, type ShardStats } from '../shards/stats.js';
import { ShardWriter, type WrittenShard } from '../shards/writer.js';
import { ParquetShardWriter, parquetCodec } from '../shards/parquet-writer.js';
import { columnsFor } from '../shards/parquet-columns.js';
import { applyPreset } from '../shards/presets.js';
import type { RunConfig } from './config.js';
import { collectGarbage } from './collect-garbage.js';
import type { ShardRange } from './plan.js';

export const STATE_DIR = '.verigen';

export interface ShardTask {
  mode: 'write' | 'hash';
  config: RunConfig;
  range: ShardRange;
  numShards: number;
  outDir: string;
  /** Offsets (index - start), ascending, of items that --dedupe drops. */
  drop?: number[];
}

export interface ShardRecord {
  shard: number;
  file: string;
  start: number;
  end: number;
  count: number;
  bytes: number;
  sha256: string;
  stats: ShardStats;
}

/** Sorted prompt hashes of a written shard (for counting distinct prompts). */
export function promptsFile(outDir: string, shard: number): string {
  return path.join(outDir, STATE_DIR, `prompts-${String(shard).padStart(5, '0')}.bin`);
}

/** Prompt hashes of a shard in index order (the first pass of --dedupe). */
export function orderFile(outDir: string, shard: number): string {
  return path.join(outDir, STATE_DIR, `order-${String(shard).padStart(5, '0')}.bin`);
}

const factories = new Map<string, ItemFactory>();

/** One factory per config per thread: templates, schemas and faker are set up once. */
function factoryFor(config: RunConfig): ItemFactory {
  const key = JSON.stringify(config);
  let f = factories.get(key);
  if (!f) {
    f = new ItemFactory(config);
    factories.set(key, f);
  }
  return f;
}

const PROGRESS_EVERY = 2048;

/** Where a shard's rows go: JSONL lines or Parquet rows, written atomically either way. */
interface RowSink {
  write(row: object): Promise<void> | void;
  close(): Promise<WrittenShard>;
  abort(): void;
}

function openSink(file: string, config: RunConfig): RowSink {
  if (config.format === 'parquet') {
    return new ParquetShardWriter(file, columnsFor(config.preset, config.emit_witness), parquetCodec(config.compress), config.compress_level);
  }
  const w = new ShardWriter(file, config.compress, config.compress_level);
  return { write: (row) => w.write(JSON.stringify(row)), close: () => w.close(), abort: () => w.abort() };
}

export async function runShardTask(task: ShardTask, onProgress: (items: number) => void): Promise<ShardRecord | null> {
  const factory = factoryFor(task.config);
  const { start, end, shard } = task.range;
  const hashes = new BigUint64Array(end - start);
  let n = 0;
  let sinceReport = 0;
  if (task.mode === 'hash') {
    for (let i = start; i < end; i++) {
      hashes[n++] = promptHash(conversationText(factory.make(i)));
      if (++sinceReport === PROGRESS_EVERY) {
        onProgress(sinceReport);
        sinceReport = 0;
      }
    }
    onProgress(sinceReport);
    writeFileAtomicSync(orderFile(task.outDir, shard), new Uint8Array(hashes.buffer));
    collectGarbage();
    return null;
  }
  const rel = shardFileName(shard, task.numShards, task.config.format, task.config.compress);
  const writer = openSink(path.join(task.outDir, rel), task.config);
  const stats = new ShardStatsBuilder();
  const drop = task.drop ?? [];
  let d = 0;
  try {
    for (let i = start; i < end; i++) {
      if (d < drop.length && drop[d] === i - start) {
        d++;
        continue;
      }
      const { item, draft } = factory.build(i);
      const prompt = conversationText(item);
      hashes[n++] = promptHash(prompt);
      stats.add(item.generator, item.template, prompt.length, draft.counters);
      const preset = task.config.preset;
      const wait = writer.write(preset ? applyPreset(preset, item) : item);
      if (wait) await wait;
      if (++sinceReport === PROGRESS_EVERY) {
        onProgress(sinceReport);
        sinceReport = 0;
      }
    }
    onProgress(sinceReport + drop.length);
    const written = await writer.close();
    const sorted = hashes.subarray(0, n).sort();
    writeFileAtomicSync(promptsFile(task.outDir, shard), new Uint8Array(sorted.buffer, sorted.byteOffset, sorted.byteLength));
    const s = stats.finish();
    s.dropped_duplicates = drop.length;
    collectGarbage();
    return { shard, file: rel, start, end, count: n, bytes: written.bytes, sha256: written.sha256, stats: s };
  } catch (e) {
    writer.abort();
    throw e;
  }
}

export function ensureStateDir(outDir: string): void {
  fs.mkdirSync(path.join(outDir, STATE_DIR), { recursive: true });
}

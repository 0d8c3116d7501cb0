/** Hugging Face shard names: `data/train-00003-of-00010.jsonl.gz`. */
import type { Compression, ShardFormat } from '../run/config.js';

export const DATA_DIR = 'data';
export const SPLIT = 'train';

export function shardExtension(format: ShardFormat, compress: Compression): string {
  if (format === 'parquet') return '.parquet';
  return compress === 'gzip' ? '.jsonl.gz' : compress === 'zstd' ? '.jsonl.zst' : '.jsonl';
}

export function shardFileName(shard: number, numShards: number, format: ShardFormat, compress: Compression): string {
  const pad = (n: number) => String(n).padStart(5, '0');
  return `${DATA_DIR}/${SPLIT}-${pad(shard)}-of-${pad(numShards)}${shardExtension(format, compress)}`;
}

/** The glob a dataset card uses to find every shard of a run. */
export function shardGlob(format: ShardFormat, compress: Compression): string {
  return `${DATA_DIR}/${SPLIT}-*${shardExtension(format, compress)}`;
}

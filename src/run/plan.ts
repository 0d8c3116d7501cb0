/** The plan of a run: which index range each shard holds, and which shards this process writes. */
import { UsageError } from '../core/errors.js';

export interface ShardRange {
  shard: number;
  start: number;
  /** Exclusive. */
  end: number;
}

export function planShards(count: number, shardSize: number): ShardRange[] {
  const n = Math.ceil(count / shardSize);
  const out: ShardRange[] = [];
  for (let s = 0; s < n; s++) out.push({ shard: s, start: s * shardSize, end: Math.min(count, (s + 1) * shardSize) });
  return out;
}

/** A split of the shards over independent processes (Slurm array tasks, Kubernetes indexed jobs): process i takes s ≡ i (mod n). */
export interface ProcessSplit {
  numShards: number;
  shardIndex: number;
}

/**
 * `--num-shards N --shard-index I`, or the index from SLURM_ARRAY_TASK_ID / JOB_COMPLETION_INDEX when only N is
 * given. Returns null when the run is not split.
 */
export function resolveSplit(numShards: number | undefined, shardIndex: number | undefined, env: NodeJS.ProcessEnv): ProcessSplit | null {
  if (numShards === undefined) {
    if (shardIndex !== undefined) throw new UsageError('--shard-index needs --num-shards');
    return null;
  }
  if (!Number.isSafeInteger(numShards) || numShards < 1) throw new UsageError(`--num-shards must be a positive integer, got ${numShards}`);
  let index = shardIndex;
  let source = '--shard-index';
  if (index === undefined) {
    for (const name of ['SLURM_ARRAY_TASK_ID', 'JOB_COMPLETION_INDEX']) {
      const v = env[name];
      if (v !== undefined && v !== '') {
        if (!/^\d+$/.test(v)) throw new UsageError(`${name}=${JSON.stringify(v)} is not a non-negative integer`);
        index = Number(v);
        source = name;
        break;
      }
    }
  }
  if (index === undefined) throw new UsageError('--num-shards needs --shard-index (or SLURM_ARRAY_TASK_ID / JOB_COMPLETION_INDEX)');
  if (!Number.isSafeInteger(index) || index < 0 || index >= numShards) {
    throw new UsageError(`${source} must be in 0..${numShards - 1}, got ${index}`);
  }
  return { numShards, shardIndex: index };
}

export function ownedBy(split: ProcessSplit | null, shard: number): boolean {
  return split === null || shard % split.numShards === split.shardIndex;
}

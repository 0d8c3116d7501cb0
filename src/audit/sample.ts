/**
 * Which indices of a run the audit regenerates. Default: every item of a run of up to 100,000 items; above that a
 * seeded sample of 10,000 indices plus the first and last index of each shard (the places an off-by-one in the
 * shard plan or a resume would show). The sample is seeded by the run seed, so two audits of a run check the same
 * items. `--sample N` sets the seeded part; `--sample all` regenerates every item.
 */
import { Rng } from '../core/rng.js';
import type { ShardRange } from '../run/plan.js';

export const FULL_AUDIT_MAX = 100_000;
export const DEFAULT_SAMPLE = 10_000;

export type SampleSpec = number | 'all' | undefined;

export interface SamplePlan {
  /** null: every index. */
  indices: Set<number> | null;
  description: string;
}

/** `k` distinct integers of [0, n), drawn by Floyd's algorithm: O(k) memory and draws whatever n is. */
export function floydSample(n: number, k: number, rng: Rng): Set<number> {
  const out = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = rng.int(0, j);
    out.add(out.has(t) ? j : t);
  }
  return out;
}

export function planSample(count: number, ranges: readonly ShardRange[], seed: string, spec: SampleSpec): SamplePlan {
  if (spec === 'all' || (spec === undefined && count <= FULL_AUDIT_MAX)) return { indices: null, description: `every item (${count})` };
  const k = spec ?? DEFAULT_SAMPLE;
  if (k >= count) return { indices: null, description: `every item (${count}; the sample asked for ${k})` };
  const indices = floydSample(count, k, new Rng(`verigen-audit\u0000${seed}`));
  for (const r of ranges) {
    indices.add(r.start);
    indices.add(r.end - 1);
  }
  return { indices, description: `${indices.size} items: ${k} drawn with a seed from the run seed, plus the first and last index of each of ${ranges.length} shard(s)` };
}

/**
 * Run statistics that merge across shards without holding the corpus: counts per generator and template, a
 * histogram of prompt lengths (8-character buckets), and 64-bit prompt hashes kept on disk per shard, sorted, so
 * that duplicates are counted exactly at the end by a streaming k-way merge.
 */
import { hash64 } from '../core/hash.js';
import { mergeSorted } from './sorted-merge.js';

export const LENGTH_BUCKET = 8;

export interface ShardStats {
  generators: Record<string, number>;
  templates: Record<string, number>;
  /** Bucket start (a multiple of LENGTH_BUCKET) → number of prompts of that many characters (UTF-16 units). */
  prompt_chars: Record<string, number>;
  prompt_chars_min: number;
  prompt_chars_max: number;
  prompt_chars_sum: number;
  /** Items not written because an earlier item of the run had the same prompt (--dedupe). */
  dropped_duplicates: number;
  /** Generator counters (Draft.counters), summed. */
  counters: Record<string, number>;
}

export interface RunStats {
  items: number;
  generators: Record<string, number>;
  templates: Record<string, number>;
  unique_prompts: number;
  unique_prompt_ratio: number;
  /** Items whose prompt an earlier written item already had. */
  duplicate_prompts: number;
  dropped_duplicates: number;
  counters: Record<string, number>;
  prompt_chars: { min: number; p50: number; p90: number; p99: number; max: number; mean: number };
}

export class ShardStatsBuilder {
  readonly stats: ShardStats = {
    generators: {},
    templates: {},
    prompt_chars: {},
    prompt_chars_min: 0,
    prompt_chars_max: 0,
    prompt_chars_sum: 0,
    dropped_duplicates: 0,
    counters: {},
  };
  private n = 0;

  add(generator: string, template: string, promptChars: number, counters?: Record<string, number>): void {
    const s = this.stats;
    if (counters) for (const [k, v] of Object.entries(counters)) s.counters[k] = (s.counters[k] ?? 0) + v;
    s.generators[generator] = (s.generators[generator] ?? 0) + 1;
    s.templates[template] = (s.templates[template] ?? 0) + 1;
    const bucket = String(promptChars - (promptChars % LENGTH_BUCKET));
    s.prompt_chars[bucket] = (s.prompt_chars[bucket] ?? 0) + 1;
    if (this.n === 0 || promptChars < s.prompt_chars_min) s.prompt_chars_min = promptChars;
    if (promptChars > s.prompt_chars_max) s.prompt_chars_max = promptChars;
    s.prompt_chars_sum += promptChars;
    this.n++;
  }

  /** Sorted key order, so that a shard's stats serialize the same whatever the order items came in. */
  finish(): ShardStats {
    const sortKeys = (o: Record<string, number>, numeric = false) => {
      const keys = Object.keys(o).sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
      const out: Record<string, number> = {};
      for (const k of keys) out[k] = o[k]!;
      return out;
    };
    return {
      ...this.stats,
      generators: sortKeys(this.stats.generators),
      templates: sortKeys(this.stats.templates),
      prompt_chars: sortKeys(this.stats.prompt_chars, true),
      counters: sortKeys(this.stats.counters),
    };
  }
}

/** 64 bits of the prompt's hash128: among 10M distinct prompts, the chance of any collision is about 3e-6. */
export function promptHash(prompt: string): bigint {
  return hash64(prompt);
}

/** Number of distinct values across sorted hash files, streamed (64 KiB per file in memory). */
export function countDistinctSorted(files: readonly string[]): number {
  return mergeSorted(files, 0).distinct;
}

function percentile(hist: [number, number][], total: number, q: number): number {
  const target = Math.ceil(q * total);
  let seen = 0;
  for (const [start, count] of hist) {
    seen += count;
    if (seen >= target) return start + LENGTH_BUCKET / 2;
  }
  return hist.length > 0 ? hist[hist.length - 1]![0] : 0;
}

/** Run stats from the shards' stats and the number of distinct prompts among written items. */
export function mergeStats(shards: readonly ShardStats[], items: number, uniquePrompts: number): RunStats {
  const generators: Record<string, number> = {};
  const templates: Record<string, number> = {};
  const lengths = new Map<number, number>();
  let min = Infinity;
  let max = 0;
  let sum = 0;
  let dropped = 0;
  const counters: Record<string, number> = {};
  for (const s of shards) {
    for (const [k, v] of Object.entries(s.counters ?? {})) counters[k] = (counters[k] ?? 0) + v;
    for (const [k, v] of Object.entries(s.generators)) generators[k] = (generators[k] ?? 0) + v;
    for (const [k, v] of Object.entries(s.templates)) templates[k] = (templates[k] ?? 0) + v;
    for (const [k, v] of Object.entries(s.prompt_chars)) lengths.set(Number(k), (lengths.get(Number(k)) ?? 0) + v);
    if (Object.keys(s.generators).length > 0) {
      min = Math.min(min, s.prompt_chars_min);
      max = Math.max(max, s.prompt_chars_max);
    }
    sum += s.prompt_chars_sum;
    dropped += s.dropped_duplicates;
  }
  const hist = [...lengths.entries()].sort((a, b) => a[0] - b[0]);
  const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
  return {
    items,
    generators: sortKeys(generators),
    templates: sortKeys(templates),
    unique_prompts: uniquePrompts,
    unique_prompt_ratio: items === 0 ? 1 : uniquePrompts / items,
    duplicate_prompts: items - uniquePrompts,
    dropped_duplicates: dropped,
    counters: sortKeys(counters),
    prompt_chars: {
      min: items === 0 ? 0 : min,
      p50: percentile(hist, items, 0.5),
      p90: percentile(hist, items, 0.9),
      p99: percentile(hist, items, 0.99),
      max,
      mean: items === 0 ? 0 : Math.round((sum / items) * 10) / 10,
    },
  };
}

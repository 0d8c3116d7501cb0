/**
 * Percentile bootstrap intervals, seeded (the same report for the same inputs), for a statistic of n paired samples.
 * A resample whose statistic is undefined (one class only, for AUROC) is skipped; if fewer than half the resamples
 * give a value, the interval is null rather than one built from a biased remainder.
 */
import { Rng } from '../core/rng.js';

export interface Interval {
  lo: number;
  hi: number;
  /** Resamples that gave a value. */
  resamples: number;
}

export interface BootstrapOptions {
  resamples: number;
  seed: string;
  /** Two-sided level, 0.95 by default. */
  level?: number;
}

/** The q-quantile of sorted values, interpolated linearly between order statistics. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of nothing');
  const pos = q * (n - 1);
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < n ? sorted[i]! + frac * (sorted[i + 1]! - sorted[i]!) : sorted[i]!;
}

/**
 * Draws `resamples` index sets of size n with replacement and returns the percentile interval of `statistic` over
 * them. `statistic` receives the drawn indices (into the caller's arrays) and returns a number or null.
 */
export function bootstrap(n: number, statistic: (idx: Uint32Array) => number | null, opts: BootstrapOptions): Interval | null {
  if (n === 0 || opts.resamples < 1) return null;
  const level = opts.level ?? 0.95;
  const rng = new Rng(`bootstrap:${opts.seed}`);
  const idx = new Uint32Array(n);
  const values: number[] = [];
  for (let r = 0; r < opts.resamples; r++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(rng.next() * n);
    const v = statistic(idx);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (values.length < opts.resamples / 2) return null;
  values.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { lo: quantile(values, tail), hi: quantile(values, 1 - tail), resamples: values.length };
}

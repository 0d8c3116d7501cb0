/**
 * The live-error-signal metrics over (correct, confidence) pairs: AUROC of confidence against correctness, expected
 * calibration error, Brier score, each with a bootstrap interval, and the reliability bins. A set with one class only
 * (every answer right, or every answer wrong) has no AUROC: the result says so instead of printing a number.
 */
import { auroc } from '../metrics/rank.js';
import { calibration, type ReliabilityBin } from '../metrics/calibration.js';
import { bootstrap, type BootstrapOptions, type Interval } from './bootstrap.js';

export interface Metric {
  value: number | null;
  ci95: Interval | null;
  /** Why value is null, when it is. */
  note?: string;
}

export interface SignalMetrics {
  n: number;
  correct: number;
  auroc: Metric;
  ece: Metric;
  brier: Metric;
  bins: ReliabilityBin[];
}

export const RELIABILITY_BINS = 10;

function pick(values: ArrayLike<number>, idx: Uint32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = values[idx[i]!]!;
  return out;
}

export function singleClassNote(correct: number, n: number): string | undefined {
  if (n === 0) return 'no response states a confidence';
  if (correct === n) return `all ${n} answers with a confidence are correct: AUROC needs at least one wrong answer`;
  if (correct === 0) return `all ${n} answers with a confidence are wrong: AUROC needs at least one correct answer`;
  return undefined;
}

/** `correct` as 1/0, `confidence` in [0, 1], same length. */
export function signalMetrics(correct: ArrayLike<number>, confidence: ArrayLike<number>, opts: BootstrapOptions): SignalMetrics {
  const n = correct.length;
  let right = 0;
  for (let i = 0; i < n; i++) right += correct[i]!;
  const note = singleClassNote(right, n);
  const cal = calibration(confidence, correct, undefined, RELIABILITY_BINS);
  const aurocValue = note ? null : auroc(confidence, correct);
  const sub = (fn: (c: Float64Array, y: Float64Array) => number | null) => (idx: Uint32Array) => fn(pick(confidence, idx), pick(correct, idx));
  return {
    n,
    correct: right,
    auroc: {
      value: aurocValue,
      ci95: note ? null : bootstrap(n, sub((c, y) => auroc(c, y)), { ...opts, seed: `${opts.seed}:auroc` }),
      ...(note ? { note } : {}),
    },
    ece: { value: n ? cal.ece : null, ci95: bootstrap(n, sub((c, y) => calibration(c, y, undefined, RELIABILITY_BINS).ece), { ...opts, seed: `${opts.seed}:ece` }) },
    brier: { value: n ? cal.brier : null, ci95: bootstrap(n, sub((c, y) => calibration(c, y, undefined, RELIABILITY_BINS).brier), { ...opts, seed: `${opts.seed}:brier` }) },
    bins: cal.bins,
  };
}

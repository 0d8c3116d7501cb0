/**
 * Calibration of predicted probabilities against observed rates: reliability bins, expected calibration error (ECE)
 * and the Brier score. `actual` may be a rate (n_pass / k), not only 0 or 1.
 */

export interface ReliabilityBin {
  /** The bin is [lo, hi); the last bin also holds hi = 1. */
  lo: number;
  hi: number;
  /** Total weight of the samples in the bin (their number, without weights). */
  weight: number;
  mean_predicted: number | null;
  mean_actual: number | null;
}

export interface Calibration {
  bins: ReliabilityBin[];
  /** Σ over bins of (bin weight / total weight) · |mean predicted − mean actual|. */
  ece: number;
  /** Weighted mean of (predicted − actual)². */
  brier: number;
}

/** Equal-width bins over [0, 1]; predictions outside [0, 1] or not finite are a RangeError. */
export function calibration(predicted: ArrayLike<number>, actual: ArrayLike<number>, weights?: ArrayLike<number>, numBins = 10): Calibration {
  const n = predicted.length;
  if (actual.length !== n || (weights && weights.length !== n)) throw new RangeError('calibration: arrays differ in length');
  if (!Number.isInteger(numBins) || numBins < 1) throw new RangeError(`calibration: numBins must be a positive integer, got ${numBins}`);
  const w = new Float64Array(numBins);
  const sp = new Float64Array(numBins);
  const sa = new Float64Array(numBins);
  let total = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const p = predicted[i]!;
    const a = actual[i]!;
    const wi = weights ? weights[i]! : 1;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`calibration: predicted[${i}] = ${p} is not in [0, 1]`);
    if (!(a >= 0 && a <= 1)) throw new RangeError(`calibration: actual[${i}] = ${a} is not in [0, 1]`);
    if (!(wi >= 0)) throw new RangeError(`calibration: weights[${i}] = ${wi} is not a non-negative number`);
    const b = Math.min(Math.floor(p * numBins), numBins - 1);
    w[b] += wi;
    sp[b] += wi * p;
    sa[b] += wi * a;
    total += wi;
    sq += wi * (p - a) * (p - a);
  }
  const bins: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < numBins; b++) {
    const has = w[b]! > 0;
    const mp = has ? sp[b]! / w[b]! : null;
    const ma = has ? sa[b]! / w[b]! : null;
    if (has) ece += (w[b]! / total) * Math.abs(mp! - ma!);
    bins.push({ lo: b / numBins, hi: (b + 1) / numBins, weight: w[b]!, mean_predicted: mp, mean_actual: ma });
  }
  return { bins, ece: total === 0 ? 0 : ece, brier: total === 0 ? 0 : sq / total };
}

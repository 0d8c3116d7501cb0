/**
 * Ranking metrics over paired arrays: AUROC (Mann-Whitney, ties counted half) and Spearman's rank correlation (Pearson
 * on average ranks). Plain functions over numbers: no tensors, no I/O, so evaluation code of any issue can reuse them.
 */

/** Indices of `values` sorted ascending by value (stable: equal values keep index order). */
function order(values: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(values.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => values[a]! - values[b]! || a - b);
}

function checkFinite(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) throw new RangeError(`${name}[${i}] is not a finite number (${values[i]})`);
  }
}

/**
 * Area under the ROC curve when sample i stands for `pos[i]` positive and `neg[i]` negative outcomes that share the
 * score `scores[i]` (weights may be fractional). It is the probability that a random positive outcome scores above a
 * random negative one, a tie counting one half. With pos = n_pass and neg = k - n_pass for items of k responses, it is
 * the AUROC over every response as a sample. Null when there are no positive or no negative outcomes.
 */
export function aurocWeighted(scores: ArrayLike<number>, pos: ArrayLike<number>, neg: ArrayLike<number>): number | null {
  const n = scores.length;
  if (pos.length !== n || neg.length !== n) throw new RangeError('aurocWeighted: scores, pos and neg differ in length');
  checkFinite('scores', scores);
  const idx = order(scores);
  let totalPos = 0;
  let totalNeg = 0;
  let negBelow = 0;
  let area = 0;
  for (let i = 0; i < n; ) {
    const s = scores[idx[i]!]!;
    let groupPos = 0;
    let groupNeg = 0;
    let j = i;
    for (; j < n && scores[idx[j]!] === s; j++) {
      const p = pos[idx[j]!]!;
      const q = neg[idx[j]!]!;
      if (!(p >= 0) || !(q >= 0)) throw new RangeError(`aurocWeighted: weights of sample ${idx[j]} must be non-negative numbers`);
      groupPos += p;
      groupNeg += q;
    }
    area += groupPos * (negBelow + groupNeg / 2);
    negBelow += groupNeg;
    totalPos += groupPos;
    totalNeg += groupNeg;
    i = j;
  }
  if (totalPos === 0 || totalNeg === 0) return null;
  return area / (totalPos * totalNeg);
}

/** AUROC of scores against binary labels (true = positive); null when one class is absent. */
export function auroc(scores: ArrayLike<number>, labels: ArrayLike<boolean | number>): number | null {
  const pos = new Float64Array(labels.length);
  const neg = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]) pos[i] = 1;
    else neg[i] = 1;
  }
  return aurocWeighted(scores, pos, neg);
}

/** 1-based ranks, tied values sharing the mean of the ranks they span. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  checkFinite('values', values);
  const idx = order(values);
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && values[idx[j]!] === values[idx[i]!]) j++;
    const mean = (i + 1 + j) / 2; // ranks i+1 .. j
    for (let t = i; t < j; t++) ranks[idx[t]!] = mean;
    i = j;
  }
  return ranks;
}

/** Pearson correlation; null when either side is constant (or there are fewer than 2 pairs). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (y.length !== n) throw new RangeError('pearson: x and y differ in length');
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation with average ranks for ties; null when either side is constant. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length !== y.length) throw new RangeError('spearman: x and y differ in length');
  return pearson(averageRanks(x), averageRanks(y));
}

/** AUROC, Spearman and calibration: every expected value below is worked out by hand in the comment beside it. */
import { auroc, aurocWeighted, averageRanks, pearson, spearman } from '../../src/metrics/rank.js';
import { calibration } from '../../src/metrics/calibration.js';

describe('auroc', () => {
  it('counts the pairs a positive outranks', () => {
    // Positives 0.35 and 0.8; negatives 0.1 and 0.4. Pairs won: (0.35>0.1), (0.8>0.1), (0.8>0.4) = 3 of 4.
    expect(auroc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts a tie as half a pair', () => {
    // Positives {2, 3}, negatives {1, 2}: (2,1)=1 (2,2)=0.5 (3,1)=1 (3,2)=1 -> 3.5 / 4.
    expect(auroc([1, 2, 2, 3], [false, true, false, true])).toBe(0.875);
    expect(auroc([0.5, 0.5, 0.5], [1, 0, 1])).toBe(0.5);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, null without both classes', () => {
    expect(auroc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auroc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(auroc([1, 2], [1, 1])).toBeNull();
    expect(auroc([], [])).toBeNull();
  });

  it('weights equal the same samples repeated', () => {
    // Item A (score 0.2) with 1 pass of 4 and item B (score 0.7) with 3 of 4, expanded into 8 single responses.
    const weighted = aurocWeighted([0.2, 0.7], [1, 3], [3, 1]);
    const expanded = auroc([0.2, 0.2, 0.2, 0.2, 0.7, 0.7, 0.7, 0.7], [1, 0, 0, 0, 1, 1, 1, 0]);
    // By hand: positives {A, B, B, B}, negatives {A, A, A, B}; B beats A in 3*3 = 9 pairs, ties A-A 1*3 and B-B 3*1
    // give 6 * 0.5 = 3, A beats nothing: 12 / 16.
    expect(expanded).toBe(0.75);
    expect(weighted).toBe(0.75);
  });

  it('refuses non-finite scores and negative weights', () => {
    expect(() => auroc([NaN, 1], [0, 1])).toThrow(RangeError);
    expect(() => aurocWeighted([1, 2], [1, -1], [0, 1])).toThrow(RangeError);
  });
});

describe('spearman', () => {
  it('uses average ranks for ties', () => {
    // y = [5,6,7,8,7] ranks [1,2,3.5,5,3.5].
    expect(Array.from(averageRanks([5, 6, 7, 8, 7]))).toEqual([1, 2, 3.5, 5, 3.5]);
    // x ranks 1..5 (deviations -2..2), y deviations [-2,-1,0.5,2,0.5]: Σdxdy = 8, Σdx² = 10, Σdy² = 9.5 -> 8/√95.
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 12);
  });

  it('is ±1 for monotone relations, null for a constant side', () => {
    expect(spearman([1, 2, 3], [10, 100, 1000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
  });
});

describe('calibration', () => {
  it('bins predictions and weighs each bin gap by its share', () => {
    // Bin 0: pred .05 vs actual 0 (gap .05); bin 1: .15 vs .5 (.35); bin 9: mean pred .925 vs mean actual .75 (.175, two
    // samples). ECE = (.05 + .35 + 2 * .175) / 4 = .1875. Brier = (.0025 + .1225 + .0025 + .16) / 4 = .071875.
    const c = calibration([0.05, 0.15, 0.95, 0.9], [0, 0.5, 1, 0.5]);
    expect(c.ece).toBeCloseTo(0.1875, 12);
    expect(c.brier).toBeCloseTo(0.071875, 12);
    expect(c.bins).toHaveLength(10);
    expect(c.bins[9]).toEqual({ lo: 0.9, hi: 1, weight: 2, mean_predicted: expect.closeTo(0.925, 12), mean_actual: 0.75 });
    expect(c.bins[4]).toEqual({ lo: 0.4, hi: 0.5, weight: 0, mean_predicted: null, mean_actual: null });
  });

  it('puts p = 1 in the last bin and honours weights', () => {
    // Weights 3 and 1: bin 9 holds both (1 and .95): mean pred (3 + .95)/4 = .9875, mean actual (3*1 + 0)/4 = .75.
    const c = calibration([1, 0.95], [1, 0], [3, 1], 10);
    expect(c.bins[9]!.weight).toBe(4);
    expect(c.ece).toBeCloseTo(0.2375, 12);
  });

  it('is 0 for perfect predictions and refuses values outside [0, 1]', () => {
    expect(calibration([0.25, 0.75], [0.25, 0.75]).ece).toBe(0);
    expect(() => calibration([1.5], [1])).toThrow(RangeError);
    expect(() => calibration([0.5], [NaN])).toThrow(RangeError);
  });
});

/**
 * Which generator makes item `index`: a golden-ratio (Weyl) sequence over the mix's cumulative weights. O(1) for
 * any index, so every shard knows its items without the others, and the counts match the weights to within a few
 * items at any prefix (unlike an independent draw per index).
 */
export class MixSchedule {
  private readonly thresholds: Uint32Array;

  /** `weights` in registry order, summing to 1. */
  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new Error('MixSchedule: empty mix');
    this.thresholds = new Uint32Array(weights.length);
    let cum = 0;
    for (let i = 0; i < weights.length; i++) {
      cum += weights[i]!;
      this.thresholds[i] = i === weights.length - 1 ? 0xffffffff : Math.min(0xffffffff, Math.round(cum * 0x100000000));
    }
  }

  /** The slot of the mix that makes item `index`. */
  slot(index: number): number {
    // 0x9E3779B9 / 2^32 = frac(1/φ); the product mod 2^32 is the fractional part of index/φ in 32-bit fixed point.
    const u = Math.imul(index % 0x100000000, 0x9e3779b9) >>> 0;
    const t = this.thresholds;
    for (let i = 0; i < t.length; i++) if (u < t[i]!) return i;
    return t.length - 1;
  }
}

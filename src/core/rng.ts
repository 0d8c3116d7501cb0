/**
 * Seed derivation and the per-item random stream.
 *
 * An item is a pure function of (run seed, generator id, generator version, index): its stream is seeded from a
 * hash of those four, never from `seed + index`, which would make item i of seed s equal item i-1 of seed s+1.
 */
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';

/** The seed string of one item's stream: the first 128 bits of sha256 over the four coordinates. */
export function itemSeed(runSeed: string, generatorId: string, version: number, index: number): string {
  return createHash('sha256')
    .update(`verigen\u0000${runSeed}\u0000${generatorId}\u0000${version}\u0000${index}`)
    .digest('hex')
    .slice(0, 32);
}

/** A small deterministic random source over seedrandom's alea, with the draws generators need. */
export class Rng {
  private readonly prng: seedrandom.PRNG;

  constructor(seed: string) {
    this.prng = seedrandom.alea(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** An integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    if (hi < lo) throw new RangeError(`Rng.int: empty range [${lo}, ${hi}]`);
    return lo + Math.floor(this.prng() * (hi - lo + 1));
  }

  /** True with probability p. */
  bool(p = 0.5): boolean {
    return this.prng() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: empty array');
    return items[Math.floor(this.prng() * items.length)]!;
  }

  /** Index into `weights` drawn proportionally to the weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.prng() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i]!;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.prng() * (i + 1));
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  }

  /** k distinct elements in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k > items.length) throw new RangeError(`Rng.sample: ${k} of ${items.length}`);
    return this.shuffle(items).slice(0, k);
  }
}

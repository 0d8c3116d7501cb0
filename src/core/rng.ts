/**
 * Seed derivation and the per-item random stream.
 *
 * An item is a pure function of (run seed, generator id, generator version, index): its stream is seeded from a
 * hash of those four, never from `seed + index`, which would make item i of seed s equal item i-1 of seed s+1.
 */
import { hash128 } from './hash.js';
import seedrandom from 'seedrandom';

function seedKey(runSeed: string, generatorId: string, version: number, index: number): string {
  return `verigen\u0000${runSeed}\u0000${generatorId}\u0000${version}\u0000${index}`;
}

/** The seed of one item's stream, as hex: the 128-bit hash of the four coordinates (what `itemRng` is built from). */
export function itemSeed(runSeed: string, generatorId: string, version: number, index: number): string {
  return Array.from(hash128(seedKey(runSeed, generatorId, version, index)), (w) => w.toString(16).padStart(8, '0')).join('');
}

const words = new Uint32Array(4);

/**
 * One item's stream: alea's three state words taken straight from the seed hash. Restoring state skips alea's own
 * string hashing of a seed (Mash), and the JS hash skips a crypto call: seeding costs well under a microsecond.
 */
export function itemRng(runSeed: string, generatorId: string, version: number, index: number): Rng {
  const h = hash128(seedKey(runSeed, generatorId, version, index), words);
  return Rng.fromState(h[0]!, h[1]!, h[2]!);
}

/**
 * A small deterministic random source: Baagoe's alea, the generator of `seedrandom.alea`, with the draws generators
 * need. Seeding from a string is seedrandom's own (its Mash hash); the step below is alea's step, operation for
 * operation, kept in fields instead of seedrandom's closures: seedrandom builds five closures and two objects per
 * stream (1.4 KB of garbage and ~1 µs for each of millions of items) and calls the step through a closure. A test
 * checks this stream against seedrandom's, draw for draw.
 */
export class Rng {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;

  constructor(seed: string, state?: { c: number; s0: number; s1: number; s2: number }) {
    const st = state ?? (seedrandom.alea(seed, { state: true }) as seedrandom.PRNG & { state(): { c: number; s0: number; s1: number; s2: number } }).state();
    this.c = st.c;
    this.s0 = st.s0;
    this.s1 = st.s1;
    this.s2 = st.s2;
  }

  /** An alea stream whose state words are the given 32-bit integers. */
  static fromState(a: number, b: number, c: number): Rng {
    const unit = 2 ** -32;
    return new Rng('', { c: 1, s0: a * unit, s1: b * unit, s2: c * unit });
  }

  /** A float in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** Alea's step (seedrandom/lib/alea.js `me.next`). */
  private prng(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
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

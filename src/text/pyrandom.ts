/**
 * Python's `random.Random` (CPython 3.11) for the three draws langdetect makes: `seed(int)`, `gauss(0, 1)` and
 * `choice(seq)`. It is the Mersenne Twister MT19937 (Matsumoto & Nishimura 1998) seeded by `init_by_array` with the
 * integer's 32-bit words, `random()` from two outputs (53 bits), `choice` by rejection sampling of `getrandbits(k)`,
 * and `gauss` by the Box–Muller pair Python caches. Reproducing it lets verigen's language identification replay the
 * reference's seeded langdetect run exactly, rather than approximately.
 */

const N = 624;
const M = 397;
const TWOPI = 2.0 * Math.PI;

export class PyRandom {
  private readonly mt = new Uint32Array(N);
  private mti = N + 1;
  private gaussNext: number | null = null;

  constructor(seed = 0) {
    this.seed(seed);
  }

  /** Takes over another generator's state: the same stream from here on, cheaper than seeding again. */
  copyFrom(other: PyRandom): this {
    this.mt.set(other.mt);
    this.mti = other.mti;
    this.gaussNext = other.gaussNext;
    return this;
  }

  /**
   * Generates the next block of the state now if the next output needs it (outputs are unchanged). A generator that
   * is copied many times is primed once, so that the copies do not each generate the same block again.
   */
  prime(): this {
    if (this.mti >= N) this.twist();
    return this;
  }

  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    const y = (mt[N - 1]! & 0x80000000) | (mt[0]! & 0x7fffffff);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    this.mti = 0;
  }

  /** `random.seed(n)` for a non-negative integer below 2^32 (all langdetect uses). */
  seed(n: number): void {
    this.initByArray([n >>> 0]);
    this.gaussNext = null;
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
  }

  private initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** One 32-bit output (`genrand_uint32`). */
  uint32(): number {
    if (this.mti >= N) this.twist();
    const mt = this.mt;
    let y = mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `random.random()`: a float in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.uint32() >>> 5;
    const b = this.uint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** `random.getrandbits(k)` for 1 ≤ k ≤ 32. */
  private getrandbits(k: number): number {
    return this.uint32() >>> (32 - k);
  }

  /** `random.choice(seq)` index: `_randbelow(n)` by rejection on `getrandbits(n.bit_length())`, n < 2^32. */
  below(n: number): number {
    const k = 32 - Math.clz32(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /** `random.gauss(0.0, 1.0)`: Box–Muller, the second value of each pair kept for the next call. */
  gauss(): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TWOPI;
      const g2rad = Math.sqrt(-2.0 * Math.log(1.0 - this.random()));
      z = Math.cos(x2pi) * g2rad;
      this.gaussNext = Math.sin(x2pi) * g2rad;
    }
    return z;
  }
}

import { hash128, hash64 } from '../../src/core/hash.js';

function popcount(x: number): number {
  let c = 0;
  for (let v = x >>> 0; v; v &= v - 1) c++;
  return c;
}

describe('hash128', () => {
  it('has no collisions and balanced bits over 200,000 sequential keys', () => {
    const seen = new Set<string>();
    const ones = new Array(128).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const h = hash128(`verigen\u00001\u0000inference.dates\u00001\u0000${i}`);
      seen.add(`${h[0]},${h[1]},${h[2]},${h[3]}`);
      for (let w = 0; w < 4; w++) for (let b = 0; b < 32; b++) if ((h[w]! >>> b) & 1) ones[w * 32 + b]++;
    }
    expect(seen.size).toBe(n);
    for (const c of ones) expect(Math.abs(c / n - 0.5)).toBeLessThan(0.01);
  });

  it('avalanches: one changed character flips about half of the 128 bits', () => {
    let flipped = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++) {
      const a = hash128(`key-${i}-x`);
      const b = hash128(`key-${i}-y`);
      for (let w = 0; w < 4; w++) flipped += popcount(a[w]! ^ b[w]!);
    }
    expect(flipped / trials / 128).toBeGreaterThan(0.45);
    expect(flipped / trials / 128).toBeLessThan(0.55);
  });
});

describe('hash64', () => {
  it('distinguishes near-identical long prompts and is stable', () => {
    const base = 'How many widgets are left at the end of the day? '.repeat(8);
    const seen = new Set<bigint>();
    for (let i = 0; i < 100_000; i++) seen.add(hash64(`${base}${i}`));
    expect(seen.size).toBe(100_000);
    expect(hash64('abc')).toBe(hash64('abc'));
    expect(hash64('ab')).not.toBe(hash64('ba'));
    expect(hash64('')).not.toBe(hash64('\u0000'));
  });
});

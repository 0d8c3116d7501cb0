import { itemSeed, Rng } from '../../src/core/rng.js';

describe('itemSeed', () => {
  it('depends on every coordinate and does not overlap neighbouring seeds', () => {
    const a = itemSeed('42', 'inference.dates', 1, 7);
    expect(itemSeed('42', 'inference.dates', 1, 7)).toBe(a);
    expect(itemSeed('43', 'inference.dates', 1, 6)).not.toBe(a);
    expect(itemSeed('42', 'inference.dates', 2, 7)).not.toBe(a);
    expect(itemSeed('42', 'inference.units', 1, 7)).not.toBe(a);
    expect(itemSeed('42', 'inference.dates', 1, 8)).not.toBe(a);
    // '4' + '2...' must not collide with '42' + '...': the separator keeps coordinates apart.
    expect(itemSeed('4', '2inference.dates', 1, 7)).not.toBe(a);
  });
});

describe('Rng', () => {
  it('replays the same stream from the same seed', () => {
    const a = new Rng('s');
    const b = new Rng('s');
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
  });
  it('int covers both ends and stays in range', () => {
    const r = new Rng('ints');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
  it('shuffle is a permutation and sample has distinct elements', () => {
    const r = new Rng('perm');
    const xs = Array.from({ length: 20 }, (_, i) => i);
    expect(r.shuffle(xs).sort((a, b) => a - b)).toEqual(xs);
    const s = r.sample(xs, 5);
    expect(new Set(s).size).toBe(5);
    expect(() => r.sample(xs, 21)).toThrow(RangeError);
  });
  it('weightedIndex never picks a zero weight', () => {
    const r = new Rng('w');
    for (let i = 0; i < 500; i++) expect(r.weightedIndex([1, 0, 2])).not.toBe(1);
  });
});

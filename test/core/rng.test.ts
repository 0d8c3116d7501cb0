import seedrandom from 'seedrandom';
import { itemRng, itemSeed, Rng } from '../../src/core/rng.js';
import { hash128 } from '../../src/core/hash.js';

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
  it('is seedrandom.alea draw for draw, from a string seed and from a restored state', () => {
    for (const seed of ['', 's', 'verigen', '0', 'a much longer seed with spaces and ünïcode']) {
      const ours = new Rng(seed);
      const theirs = seedrandom.alea(seed);
      for (let i = 0; i < 1000; i++) expect(ours.next()).toBe(theirs());
    }
    for (let k = 0; k < 50; k++) {
      const [a, b, c] = hash128(`state ${k}`);
      const state = { c: 1, s0: a! * 2 ** -32, s1: b! * 2 ** -32, s2: c! * 2 ** -32 };
      const ours = Rng.fromState(a!, b!, c!);
      const theirs = seedrandom.alea('', { state });
      for (let i = 0; i < 200; i++) expect(ours.next()).toBe(theirs());
    }
    // An item's stream is alea restored from the item seed's first three words.
    const hex = itemSeed('7', 'inference.dates', 1, 12);
    const words = [0, 1, 2].map((w) => parseInt(hex.slice(8 * w, 8 * w + 8), 16) * 2 ** -32);
    const theirs = seedrandom.alea('', { state: { c: 1, s0: words[0]!, s1: words[1]!, s2: words[2]! } });
    const ours = itemRng('7', 'inference.dates', 1, 12);
    for (let i = 0; i < 100; i++) expect(ours.next()).toBe(theirs());
  });
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

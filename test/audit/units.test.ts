/** The audit's parts on their own: the on-disk duplicate merge, the seeded sample, preset rows, generic mutations. */
import fs from 'node:fs';
import path from 'node:path';
import { HashSpill } from '../../src/audit/hash-spill.js';
import { floydSample, planSample } from '../../src/audit/sample.js';
import { indexOfId, viewRow } from '../../src/audit/rows.js';
import { genericMutations } from '../../src/audit/regen.js';
import { Rng } from '../../src/core/rng.js';
import { applyPreset } from '../../src/shards/presets.js';
import { tmpDir } from '../helpers/cli.js';

describe('HashSpill', () => {
  it('counts distinct values and names repeated ones across many small chunks, as a Set would', () => {
    const dir = tmpDir();
    // Chunks of 7 force 143 spill files for 1000 values; values from a small range so that many repeat.
    const spill = new HashSpill(dir, 't', 7);
    const rng = new Rng('spill');
    const seen = new Map<bigint, number>();
    for (let i = 0; i < 1000; i++) {
      const v = BigInt(rng.int(0, 700)) * 0x9e3779b97f4a7c15n % (1n << 64n);
      spill.add(v);
      seen.set(v, (seen.get(v) ?? 0) + 1);
    }
    expect(fs.readdirSync(dir).length).toBe(142); // 1000 = 142 * 7 + 6: the last partial chunk spills at finish
    const r = spill.finish(5);
    expect(fs.readdirSync(dir).length).toBe(143);
    expect(r.total).toBe(1000);
    expect(r.distinct).toBe(seen.size);
    const repeated = [...seen].filter(([, n]) => n > 1).map(([v]) => v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(r.duplicated).toEqual(repeated.slice(0, 5));
  });

  it('handles no values at all', () => {
    expect(new HashSpill(tmpDir(), 'e').finish(3)).toEqual({ total: 0, distinct: 0, duplicated: [] });
  });
});

describe('sample', () => {
  it('draws k distinct indices in range, the same for the same seed', () => {
    const a = floydSample(1_000_000, 500, new Rng('s'));
    expect(a.size).toBe(500);
    for (const i of a) expect(i >= 0 && i < 1_000_000 && Number.isInteger(i)).toBe(true);
    expect([...floydSample(1_000_000, 500, new Rng('s'))]).toEqual([...a]);
    expect(floydSample(10, 10, new Rng('t'))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  it('regenerates everything up to 100,000 items by default, else 10,000 plus shard ends', () => {
    expect(planSample(100_000, [{ shard: 0, start: 0, end: 100_000 }], '1', undefined).indices).toBeNull();
    const ranges = [
      { shard: 0, start: 0, end: 60_000 },
      { shard: 1, start: 60_000, end: 120_000 },
    ];
    const p = planSample(120_000, ranges, '1', undefined);
    expect(p.indices!.size).toBeGreaterThanOrEqual(10_000);
    expect(p.indices!.size).toBeLessThanOrEqual(10_004);
    for (const i of [0, 59_999, 60_000, 119_999]) expect(p.indices!.has(i)).toBe(true);
    expect(planSample(120_000, ranges, '1', 'all').indices).toBeNull();
    expect(planSample(50, [{ shard: 0, start: 0, end: 50 }], '1', 80).indices).toBeNull();
  });
});

describe('rows', () => {
  const item = {
    id: 'inference.dates@1/s42/0000001234',
    family: 'inference',
    generator: 'inference.dates@1',
    template: 'inference/dates/weekday-after',
    seed: '42',
    index: 1234,
    messages: [{ role: 'user', content: 'What day is it?' }],
    verifier: 'answer',
    ground_truth: { answer: 'Sunday', type: 'string' },
    answer: 'Sunday',
    meta: { profile: null, tags: ['dates'] },
  } as any;

  it('reads the index an id ends with', () => {
    expect(indexOfId(item.id)).toBe(1234);
    expect(indexOfId('x/s1/12')).toBeNull();
    expect(indexOfId('')).toBeNull();
  });

  it('sees the same verifier, ground truth and prompt through every preset', () => {
    for (const preset of ['open-instruct', 'trl', 'verl'] as const) {
      const v = viewRow(JSON.parse(JSON.stringify(applyPreset(preset, item))), preset);
      expect({ preset, problem: v.shapeProblem }).toEqual({ preset, problem: null });
      expect(v).toMatchObject({ id: item.id, index: 1234, verifier: 'answer', groundTruth: item.ground_truth, prompt: 'What day is it?' });
    }
  });

  it('names the field of a malformed preset row', () => {
    const row = JSON.parse(JSON.stringify(applyPreset('trl', item)));
    row.ground_truth = '{not json';
    expect(viewRow(row, 'trl').shapeProblem).toBe('ground_truth: not valid JSON');
    expect(viewRow({}, 'verl').shapeProblem).toMatch(/^prompt: /);
  });
});

describe('genericMutations', () => {
  it('never offers the solution itself and handles surrogate pairs', () => {
    expect(genericMutations('ab')).toEqual(['', 'The quick brown fox jumps over the lazy dog.', 'ba']);
    expect(genericMutations('')).toEqual(['The quick brown fox jumps over the lazy dog.']);
    expect(genericMutations('x😀')).toContain('😀x');
  });
});

/**
 * A run's bytes depend only on its config: not on the process, the worker count, the shard size, or the split over
 * processes. Covers every registered generator (every family named, the opt-in confidence family included).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GENERATORS } from '../../src/core/registry.js';
import { generatorId } from '../../src/core/generator.js';
import { ItemFactory } from '../../src/core/factory.js';
import { buildRunConfig } from '../../src/run/config.js';
import { ROOT, readManifestJson, runData, tmpDir, verigen } from '../helpers/cli.js';

const PER_GENERATOR = 40;
/** With a profile, the default mix holds every registered generator. */
const PROFILE = 'llama-3.1-8b-instruct';
/** Every family by name: the default mix leaves out the opt-in confidence family. */
const ALL_FAMILIES = [...new Set(GENERATORS.map((g) => g.family))].join(',');

describe('determinism', () => {
  it('every generator makes the same items in two separate processes', () => {
    const count = PER_GENERATOR * GENERATORS.length;
    // Every family named: the default mix leaves out the opt-in confidence family.
    const family = [...new Set(GENERATORS.map((g) => g.family))];
    const config = buildRunConfig({ count, seed: 'det', profile: PROFILE, family });
    const factory = new ItemFactory(config);
    const here = Array.from({ length: count }, (_, i) => JSON.stringify(factory.make(i))).join('\n');
    const script = `
      import { ItemFactory } from ${JSON.stringify(path.join(ROOT, 'dist/core/factory.js'))};
      import { buildRunConfig } from ${JSON.stringify(path.join(ROOT, 'dist/run/config.js'))};
      const f = new ItemFactory(buildRunConfig({ count: ${count}, seed: 'det', profile: '${PROFILE}', family: ${JSON.stringify(family)} }));
      process.stdout.write(Array.from({ length: ${count} }, (_, i) => JSON.stringify(f.make(i))).join('\\n'));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NODE_OPTIONS: '', TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(here);
    const seen = new Set(here.split('\n').map((l) => JSON.parse(l).generator));
    expect([...seen].sort()).toEqual(GENERATORS.map(generatorId).sort());
  });

  it('is byte-identical for 1, 2 and 8 workers and for any shard size', () => {
    const count = String(Math.max(600, 30 * GENERATORS.length));
    const a = tmpDir();
    const b = tmpDir();
    const c = tmpDir();
    expect(verigen(['generate', '--count', count, '--seed', '5', '--profile', PROFILE, '--family', ALL_FAMILIES, '--out', a, '--workers', '1', '--shard-size', '1000', '--compress', 'none', '--quiet']).status).toBe(0);
    expect(verigen(['generate', '--count', count, '--seed', '5', '--profile', PROFILE, '--family', ALL_FAMILIES, '--out', b, '--workers', '2', '--shard-size', '97', '--quiet']).status).toBe(0);
    expect(verigen(['generate', '--count', count, '--seed', '5', '--profile', PROFILE, '--family', ALL_FAMILIES, '--out', c, '--workers', '8', '--shard-size', '41', '--compress', 'none', '--quiet']).status).toBe(0);
    const data = runData(a);
    expect(data.split('\n').length - 1).toBe(Number(count));
    expect(runData(b)).toBe(data);
    expect(runData(c)).toBe(data);
    // Run stats do not depend on the shard split either.
    expect(readManifestJson(b).stats).toEqual(readManifestJson(a).stats);
  });

  it('the gzip level changes the shard bytes, not the items, and is part of the config', () => {
    const [l1, l9] = [tmpDir(), tmpDir()];
    const args = ['generate', '--count', '300', '--seed', '3', '--family', 'inference', '--workers', '1', '--quiet'];
    expect(verigen([...args, '--out', l1, '--compress-level', '1']).status).toBe(0);
    expect(verigen([...args, '--out', l9, '--compress-level', '9']).status).toBe(0);
    const [m1, m9] = [readManifestJson(l1), readManifestJson(l9)];
    expect([m1.config.compress_level, m9.config.compress_level]).toEqual([1, 9]);
    expect(m1.shards[0].bytes).toBeGreaterThan(m9.shards[0].bytes);
    expect(runData(l1)).toEqual(runData(l9));
    expect(fs.readFileSync(path.join(l1, 'README.md'), 'utf8')).toContain('--compress-level 1');
    // Resuming with another level is another config: refused, nothing changed.
    const again = verigen([...args, '--out', l1, '--compress-level', '9']);
    expect(again.status).toBe(2);
    expect(readManifestJson(l1)).toEqual(m1);
  });

  it('a different seed gives different items', () => {
    const config = (seed: string) => buildRunConfig({ count: 10, seed });
    const one = new ItemFactory(config('1')).make(3);
    const two = new ItemFactory(config('2')).make(3);
    expect(one.messages).not.toEqual(two.messages);
  });

  it('a run split over processes and merged equals the run in one process', () => {
    const whole = tmpDir();
    const split = tmpDir();
    const other = tmpDir();
    const args = ['generate', '--count', '500', '--seed', '9', '--shard-size', '60', '--compress', 'none', '--quiet'];
    expect(verigen([...args, '--out', whole]).status).toBe(0);
    expect(verigen([...args, '--out', split, '--num-shards', '3', '--shard-index', '0']).status).toBe(0);
    expect(verigen([...args, '--out', split, '--num-shards', '3'], { SLURM_ARRAY_TASK_ID: '1' }).status).toBe(0);
    // The third process wrote to its own folder (as on separate machines); merge copies its shards in.
    expect(verigen([...args, '--out', other, '--num-shards', '3'], { JOB_COMPLETION_INDEX: '2' }).status).toBe(0);
    const incomplete = verigen(['merge', split]);
    expect(incomplete.status).toBe(2);
    expect(incomplete.stderr).toMatch(/missing shard\(s\) 2, 5, 8/);
    const merged = verigen(['merge', split, other]);
    expect(merged.stderr).toBe('verigen: merged 3 part(s): 500 items in 9 shards (3 copied)\n');
    expect(merged.status).toBe(0);
    expect(runData(split)).toBe(runData(whole));
    const m = readManifestJson(split);
    const w = readManifestJson(whole);
    expect(m.complete).toBe(true);
    expect(m.shards).toEqual(w.shards);
    expect(m.stats).toEqual(w.stats);
  });
});

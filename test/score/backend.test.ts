import * as tf from '@tensorflow/tfjs-core';
import { BACKENDS, probeBackends, useBackend } from '../../src/score/backend.js';
import { UsageError } from '../../src/core/errors.js';
import { verigen } from '../helpers/cli.js';

describe('TensorFlow.js backends', () => {
  it('probes every backend in preference order; one that does not load says why', async () => {
    const probes = await probeBackends();
    expect(probes.map((p) => p.name)).toEqual(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']);
    for (const p of probes) if (!p.available) expect(p.reason).toMatch(/\S/);
    // The plain JavaScript backend ships with verigen and always loads.
    expect(probes.find((p) => p.name === 'cpu')!.available).toBe(true);
  });

  it('auto takes the first backend that loads, and says so', async () => {
    const first = (await probeBackends()).find((p) => p.available)!.name;
    const chosen = await useBackend('auto');
    expect(chosen.name).toBe(first);
    expect(chosen.notice).toMatch(new RegExp(`^backend: ${first} \\(auto`));
    expect(tf.getBackend()).toBe(first.startsWith('tensorflow') ? 'tensorflow' : first);
  });

  it('a backend asked for by name is used, or refused with the reason', async () => {
    expect((await useBackend('cpu')).name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const probes = await probeBackends();
    for (const p of probes.filter((x) => !x.available)) {
      await expect(useBackend(p.name)).rejects.toThrow(new RegExp(`--backend ${p.name}: `));
    }
    await expect(useBackend('tpu' as never)).rejects.toBeInstanceOf(UsageError);
    expect(BACKENDS).toHaveLength(4);
  });
});

describe('verigen doctor', () => {
  it('lists the backends with a matrix-product speed for those that load', () => {
    const r = verigen(['doctor', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.backends.map((b: { name: string }) => b.name)).toEqual(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']);
    for (const b of out.backends) {
      if (b.available) expect(b.speed.gflops).toBeGreaterThan(0);
      else expect(b.reason).toMatch(/\S/);
    }
    // wasm needs no download: it must load wherever verigen installs.
    expect(out.backends.find((b: { name: string }) => b.name === 'wasm').available).toBe(true);
  });
});

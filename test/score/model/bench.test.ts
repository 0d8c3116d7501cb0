import { TINY_CONFIG } from '../../../src/score/model/config.js';
import { modelSpeed } from '../../../src/score/model/bench.js';
import { wasm } from './helpers.js';

beforeAll(wasm);

describe('model benchmark', () => {
  it('measures forward, train-step and decode throughput on the current backend', async () => {
    const s = await modelSpeed(TINY_CONFIG, 1, 1);
    expect(s.backend).toBe('wasm');
    for (const v of [s.forward_tokens_per_s, s.train_tokens_per_s, s.decode_bytes_per_s]) expect(v).toBeGreaterThan(0);
    // A train step does the forward pass and more.
    expect(s.train_tokens_per_s).toBeLessThan(s.forward_tokens_per_s);
  });
});

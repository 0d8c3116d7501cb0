import { TINY_CONFIG } from '../../../src/score/model/config.js';
import { modelSpeed } from '../../../src/score/model/bench.js';
import { wasm } from './helpers.js';

beforeAll(wasm);

describe('model benchmark', () => {
  it('measures forward, train-step and decode throughput on the current backend', async () => {
    const s = await modelSpeed(TINY_CONFIG, 1, 1);
    expect(s.backend).toBe('wasm');
    // Rates only: comparing two timings would be a timed assertion, which a loaded machine can fail (npm run bench
    // reports the numbers).
    for (const v of [s.forward_tokens_per_s, s.train_tokens_per_s, s.decode_bytes_per_s]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    }
  });
});

/**
 * Throughput of the reference model on the current backend, for the benchmark: forward tokens/s (a full
 * row through the model, logits included), train-step tokens/s (forward, backward and the Adam update), and decode
 * bytes/s (cached sampling, 32 rows: a prefill per prompt, then one step for all rows per byte). Inputs are synthetic bytes; only the shapes matter.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../../core/rng.js';
import { Adam } from './adam.js';
import type { Batch } from './batches.js';
import type { ModelConfig } from './config.js';
import { packedCausalBias, TransformerLM } from './model.js';
import { generate } from './sample.js';
import { trainStep } from './train.js';

export interface ModelSpeed {
  backend: string;
  forward_tokens_per_s: number;
  train_tokens_per_s: number;
  decode_bytes_per_s: number;
}

function syntheticBatch(rows: number, length: number, rng: Rng): Batch {
  const n = rows * length;
  const tokens = Int32Array.from({ length: n }, () => rng.int(32, 126));
  const targets = Int32Array.from({ length: n }, (_, i) => tokens[(i + 1) % n]!);
  const weights = new Float32Array(n).fill(1);
  return { rows, length, tokens, positions: Int32Array.from({ length: n }, (_, i) => i % length), segments: new Int32Array(n), targets, weights, lossTokens: n };
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

/** Best-effort timing: one warm-up, then `rounds` measured repetitions of each kind of work. */
export async function modelSpeed(config: ModelConfig, rows = 4, rounds = 3): Promise<ModelSpeed> {
  const model = TransformerLM.init(config, 'bench');
  const adam = new Adam(model.params);
  const rng = new Rng('bench');
  const T = config.context;
  try {
    const b = syntheticBatch(rows, T, rng);
    const forward = () =>
      tf.tidy(() => {
        for (let r = 0; r < rows; r++) {
          const o = r * T;
          model.forwardRow({ tokens: b.tokens.subarray(o, o + T), positions: b.positions.subarray(o, o + T), bias: packedCausalBias(b.segments, o, T) }).logits.dataSync();
        }
      });
    forward();
    let t0 = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) forward();
    const fwd = (rounds * rows * T) / seconds(t0);
    trainStep(model, adam, b, 1e-4);
    t0 = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) trainStep(model, adam, b, 1e-4);
    const trn = (rounds * rows * T) / seconds(t0);
    const prompts = Array.from({ length: 8 }, (_, i) => `Benchmark prompt ${i}: ${'x'.repeat(100)}`);
    const maxNew = 32;
    await generate(model, prompts.slice(0, 1), { k: 1, temperature: 1, maxNewBytes: 4, seed: 'w' });
    t0 = process.hrtime.bigint();
    await generate(model, prompts, { k: 4, temperature: 1, maxNewBytes: maxNew, seed: 'b' });
    // Every row is computed at every step until all rows end, which at temperature 1 on untrained weights (EOS is
    // 1 of 257 choices) is the last step: rows x steps decoded positions.
    return { backend: tf.getBackend(), forward_tokens_per_s: fwd, train_tokens_per_s: trn, decode_bytes_per_s: (prompts.length * 4 * maxNew) / seconds(t0) };
  } finally {
    model.dispose();
    adam.dispose();
  }
}

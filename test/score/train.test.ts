/**
 * The hand-written backward pass of the predictor's training, checked against finite differences of an independent
 * forward: the JavaScript inference of src/score/predictor.ts (no tfjs in it).
 */
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '../../src/score/backend.js';
import { Predictor } from '../../src/score/predictor.js';
import { disposeParams, exportWeights, initParams, lossAndGrads, makeBatch, trainModel, type Examples } from '../../src/score/train.js';

const V = 5;
const H = 3;
// Three examples over 5 rows; example 1 repeats row 2 (a scatter must sum it twice) and example 2 has no features.
const ex: Examples = {
  offsets: Int32Array.from([0, 3, 6, 6]),
  rows: Int32Array.from([0, 1, 4, 2, 2, 3]),
  vals: Float32Array.from([0.5, -1, 2, 1, 0.25, 0.75]),
  nPass: Float32Array.from([2, 7, 0]),
  k: Float32Array.from([8, 8, 8]),
};

/** Mean cross-entropy over the examples with the JavaScript predictor, in float64 arithmetic. */
function jsLoss(w: { lin: Float32Array; w1: Float32Array; b1: Float32Array; w2: Float32Array; bias: number }): number {
  const rows = Int32Array.from({ length: V }, (_, i) => i);
  const pred = new Predictor({ buckets: 8, hidden: H }, { rows, ...w });
  let loss = 0;
  for (let i = 0; i < 3; i++) {
    const s = ex.offsets[i]!;
    const e = ex.offsets[i + 1]!;
    const p = pred.predictFeatures(ex.rows.subarray(s, e), ex.vals.subarray(s, e), e - s);
    const y = ex.nPass[i]! / ex.k[i]!;
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
  }
  return loss / 3;
}

describe('predictor training', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('computes the gradients of the loss (finite differences of the JavaScript forward)', () => {
    const p = initParams(V, H, 0.3, 'grad-check');
    // Non-zero linear weights, so every path carries gradient.
    p.w.assign(tf.add(p.w, tf.randomNormal([V, H + 1], 0, 0.3, 'float32', 7)));
    const batch = makeBatch(ex, [0, 1, 2], 0, 3);
    const { loss, grads } = lossAndGrads(p, batch, 0);
    const base = exportWeights(p, V);
    expect(loss.dataSync()[0]).toBeCloseTo(jsLoss(base), 5);
    const gw = grads[p.w.name]!.dataSync();
    const gb1 = grads[p.b1!.name]!.dataSync();
    const gw2 = grads[p.w2!.name]!.dataSync();
    const gbias = grads[p.bias.name]!.dataSync()[0]!;
    const eps = 1e-3;
    const numeric = (mutate: (w: typeof base, d: number) => void) => {
      const plus = { ...base, lin: base.lin.slice(), w1: base.w1.slice(), b1: base.b1.slice(), w2: base.w2.slice() };
      const minus = { ...base, lin: base.lin.slice(), w1: base.w1.slice(), b1: base.b1.slice(), w2: base.w2.slice() };
      mutate(plus, eps);
      mutate(minus, -eps);
      return (jsLoss(plus) - jsLoss(minus)) / (2 * eps);
    };
    for (let r = 0; r < V; r++) {
      expect(gw[r * (H + 1)]).toBeCloseTo(numeric((w, d) => (w.lin[r] += d)), 3);
      for (let t = 0; t < H; t++) expect(gw[r * (H + 1) + 1 + t]).toBeCloseTo(numeric((w, d) => (w.w1[r * H + t] += d)), 3);
    }
    for (let t = 0; t < H; t++) {
      expect(gb1[t]).toBeCloseTo(numeric((w, d) => (w.b1[t] += d)), 3);
      expect(gw2[t]).toBeCloseTo(numeric((w, d) => (w.w2[t] += d)), 3);
    }
    expect(gbias).toBeCloseTo(numeric((w, d) => (w.bias += d)), 3);
    // Row 3 appears only in example 1: its linear gradient is (p1 - y1) / 3 * 0.75, not zero.
    expect(Math.abs(gw[3 * (H + 1)]!)).toBeGreaterThan(1e-4);
    tf.dispose([loss, grads]);
    disposeParams(p);
  });

  it('learns: training lowers the loss, and the same seed gives the same weights', async () => {
    const data: Examples = { offsets: new Int32Array(201), rows: new Int32Array(400), vals: new Float32Array(400), nPass: new Float32Array(200), k: new Float32Array(200).fill(4) };
    // Row 0 on: all 4 pass; row 1 on: none pass. Each example has its row and the shared row 2.
    for (let i = 0; i < 200; i++) {
      data.offsets[i + 1] = 2 * (i + 1);
      data.rows[2 * i] = i % 2;
      data.rows[2 * i + 1] = 2;
      data.vals.fill(1, 2 * i, 2 * i + 2);
      data.nPass[i] = i % 2 === 0 ? 4 : 0;
    }
    const a = await trainModel(data, 3, { seed: 's', hidden: 4, epochs: 30, batchSize: 20, learningRate: 0.05 });
    const b = await trainModel(data, 3, { seed: 's', hidden: 4, epochs: 30, batchSize: 20, learningRate: 0.05 });
    expect(a.loss).toBeLessThan(0.1); // ln 2 = 0.69 at the start (mean rate 0.5)
    expect(Array.from(a.weights.lin)).toEqual(Array.from(b.weights.lin));
    expect(Array.from(a.weights.w1)).toEqual(Array.from(b.weights.w1));
    const pred = new Predictor({ buckets: 4, hidden: 4 }, { rows: Int32Array.from([0, 1, 2]), ...a.weights });
    expect(pred.predictFeatures(Int32Array.from([0, 2]), Float32Array.from([1, 1]), 2)).toBeGreaterThan(0.9);
    expect(pred.predictFeatures(Int32Array.from([1, 2]), Float32Array.from([1, 1]), 2)).toBeLessThan(0.1);
  });
});

/**
 * Training of the difficulty predictor with tfjs-core, written for the wasm backend: the sparse rows of a batch are
 * gathered (GatherV2), summed per item, and their gradients scattered back with ScatterNd (which sums repeated
 * rows). tfjs-core ships no gradient functions of its own (they live in the union package), so the backward pass is
 * written out here; test/score/train.test.ts checks it against finite differences of the JavaScript forward.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../core/rng.js';
import { hashString } from './features.js';
import type { PredictorWeights } from './predictor.js';

export interface TrainOptions {
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  minCount: number;
  maxVocab: number;
  seed: string;
  onEpoch?: (epoch: number, loss: number) => void;
}

export const TRAIN_DEFAULTS: Omit<TrainOptions, 'seed'> = { hidden: 0, epochs: 12, batchSize: 64, learningRate: 0.01, l2: 1e-5, minCount: 2, maxVocab: 1 << 16 };

/** Examples in CSR form over vocabulary rows: example i has rows[offsets[i] .. offsets[i+1]). */
export interface Examples {
  offsets: Int32Array;
  rows: Int32Array;
  vals: Float32Array;
  nPass: Float32Array;
  k: Float32Array;
}

export interface Params {
  /** [V, 1 + H]: column 0 the linear weights, columns 1..H the hidden layer's input weights. */
  w: tf.Variable;
  bias: tf.Variable; // [1]
  b1: tf.Variable | null; // [H]
  w2: tf.Variable | null; // [H, 1]
}

/**
 * A batch as a flat list of its items' feature rows and a [B, nnz] matrix S with S[i, j] = value of entry j when
 * entry j belongs to item i: summing each item's rows is then one plain 2-D product S · gather(W, rows), the one
 * product wasm runs fast, and no padding is wasted on items with few features.
 */
export interface Batch {
  b: number;
  nnz: number;
  rows: Int32Array;
  seg: Float32Array;
  target: Float32Array;
}

export function makeBatch(ex: Examples, order: ArrayLike<number>, from: number, to: number): Batch {
  const b = to - from;
  let nnz = 0;
  for (let i = from; i < to; i++) nnz += ex.offsets[order[i]! + 1]! - ex.offsets[order[i]!]!;
  nnz = Math.max(nnz, 1); // an all-empty batch still needs a well-formed product (row 0 times 0)
  const rows = new Int32Array(nnz);
  const seg = new Float32Array(b * nnz);
  const target = new Float32Array(b);
  let j = 0;
  for (let i = 0; i < b; i++) {
    const e = order[from + i]!;
    for (let t = ex.offsets[e]!; t < ex.offsets[e + 1]!; t++, j++) {
      rows[j] = ex.rows[t]!;
      seg[i * nnz + j] = ex.vals[t]!;
    }
    target[i] = ex.nPass[e]! / ex.k[e]!;
  }
  return { b, nnz, rows, seg, target };
}

/** Mean cross-entropy of the batch and its gradients (L2 included), as tensors the caller disposes. */
export function lossAndGrads(p: Params, batch: Batch, l2: number): { loss: tf.Scalar; grads: tf.NamedTensorMap } {
  return tf.tidy(() => {
    const { b, nnz } = batch;
    const [v, width] = p.w.shape as [number, number];
    const h = width - 1;
    const idx = tf.tensor1d(batch.rows, 'int32');
    const seg = tf.tensor2d(batch.seg, [b, nnz]);
    const y = tf.tensor1d(batch.target);
    const sums = tf.matMul(seg, tf.gather(p.w, idx) as tf.Tensor2D); // [b, 1 + h]
    let z = tf.add(tf.reshape(tf.slice(sums, [0, 0], [b, 1]), [b]), p.bias);
    let hpre: tf.Tensor | null = null;
    let act: tf.Tensor2D | null = null;
    if (h > 0 && p.b1 && p.w2) {
      hpre = tf.add(tf.slice(sums, [0, 1], [b, h]), p.b1);
      act = tf.relu(hpre) as tf.Tensor2D;
      z = tf.add(z, tf.reshape(tf.matMul(act, p.w2 as tf.Tensor2D), [b]));
    }
    const prob = tf.sigmoid(z);
    const eps = 1e-7;
    const loss = tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(tf.add(prob, eps))), tf.mul(tf.sub(1, y), tf.log(tf.sub(1 + eps, prob)))))) as tf.Scalar;
    // d(mean loss)/dz = (p - y) / B for the sigmoid cross-entropy.
    const dz = tf.reshape(tf.div(tf.sub(prob, y), b), [b, 1]);
    const grads: tf.NamedTensorMap = { [p.bias.name]: tf.reshape(tf.sum(dz), [1]) };
    let dSums = dz as tf.Tensor2D;
    if (h > 0 && p.b1 && p.w2 && hpre && act) {
      grads[p.w2.name] = tf.add(tf.matMul(tf.transpose(act), dz), tf.mul(p.w2, l2));
      const dPre = tf.mul(tf.matMul(dz, tf.transpose(p.w2 as tf.Tensor2D)), tf.cast(tf.greater(hpre, 0), 'float32')) as tf.Tensor2D;
      grads[p.b1.name] = tf.sum(dPre, 0);
      dSums = tf.concat([dz as tf.Tensor2D, dPre], 1);
    }
    const dEntries = tf.matMul(tf.transpose(seg), dSums); // [nnz, 1 + h]
    grads[p.w.name] = tf.add(tf.scatterND(tf.reshape(idx, [nnz, 1]), dEntries, [v, width]), tf.mul(p.w, l2));
    return { loss, grads };
  });
}

let instance = 0;

/** Fresh parameters: linear weights zero, the bias at the logit of the mean rate, the hidden layer small and seeded. */
export function initParams(v: number, hidden: number, meanRate: number, seed: string): Params {
  const id = `difficulty${instance++}`;
  const r = Math.min(Math.max(meanRate, 1e-3), 1 - 1e-3);
  const s = hashString(seed);
  const rowsN = Math.max(v, 1);
  const w = tf.tidy(() => (hidden > 0 ? tf.concat([tf.zeros([rowsN, 1]), tf.randomNormal([rowsN, hidden], 0, 0.1, 'float32', s)], 1) : tf.zeros([rowsN, 1])));
  const p: Params = {
    w: tf.variable(w, true, `${id}/w`),
    bias: tf.variable(tf.tensor1d([Math.log(r / (1 - r))]), true, `${id}/bias`),
    b1: hidden > 0 ? tf.variable(tf.fill([hidden], 0.01), true, `${id}/b1`) : null,
    w2: hidden > 0 ? tf.variable(tf.randomNormal([hidden, 1], 0, 0.1, 'float32', s ^ 0x5bd1e995), true, `${id}/w2`) : null,
  };
  w.dispose();
  return p;
}

export function exportWeights(p: Params, v: number): Omit<PredictorWeights, 'rows'> {
  const width = p.w.shape[1]!;
  const h = width - 1;
  const all = p.w.dataSync() as Float32Array;
  const lin = new Float32Array(v);
  const w1 = new Float32Array(v * h);
  for (let r = 0; r < v; r++) {
    lin[r] = all[r * width]!;
    for (let t = 0; t < h; t++) w1[r * h + t] = all[r * width + 1 + t]!;
  }
  const bias = p.bias.dataSync()[0]!;
  if (h === 0) return { lin, bias, w1, b1: new Float32Array(0), w2: new Float32Array(0) };
  return { lin, bias, w1, b1: Float32Array.from(p.b1!.dataSync()), w2: Float32Array.from(p.w2!.dataSync()) };
}

export function disposeParams(p: Params): void {
  for (const t of [p.w, p.bias, p.b1, p.w2]) t?.dispose();
}

export interface Trained {
  weights: Omit<PredictorWeights, 'rows'>;
  hidden: number;
  epochs: number;
  loss: number;
  backend: string;
}

/** Adam over shuffled mini-batches (the order drawn from the seed), a fixed number of epochs. */
export async function trainModel(ex: Examples, v: number, partial: Partial<TrainOptions> & { seed: string }): Promise<Trained> {
  const o: TrainOptions = { ...TRAIN_DEFAULTS, ...partial };
  const n = ex.nPass.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += ex.nPass[i]! / ex.k[i]!;
  mean /= Math.max(n, 1);
  const p = initParams(v, o.hidden, mean, o.seed);
  const optimizer = tf.train.adam(o.learningRate);
  const rng = new Rng(`difficulty-fit\u0000${o.seed}`);
  let epochLoss = 0;
  try {
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
      let sum = 0;
      for (let from = 0; from < n; from += o.batchSize) {
        const batch = makeBatch(ex, order, from, Math.min(n, from + o.batchSize));
        const { loss, grads } = lossAndGrads(p, batch, o.l2);
        optimizer.applyGradients(grads as tf.NamedTensorMap as never);
        sum += loss.dataSync()[0]! * batch.b;
        loss.dispose();
        tf.dispose(grads);
      }
      epochLoss = sum / Math.max(n, 1);
      o.onEpoch?.(epoch + 1, epochLoss);
    }
    return { weights: exportWeights(p, v), hidden: o.hidden, epochs: o.epochs, loss: epochLoss, backend: tf.getBackend() };
  } finally {
    optimizer.dispose();
    disposeParams(p);
  }
}

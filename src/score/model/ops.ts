/**
 * The few tensor operations the model is made of, chosen for the wasm backend. There only a plain 2-D matMul (and the
 * batched one without transpose flags) takes the fast path: measured here on a [2048,128]x[128,384] product, plain
 * 5.5-9 GFLOP/s, with transposeA or transposeB set 0.65-0.8 GFLOP/s. tfjs' own matMul gradient uses those flags, so
 * these products carry their own gradient, written as an explicit transpose (cheap: it moves n*k numbers) followed
 * by a plain product (n*k*m multiply-adds).
 */
import * as tf from '@tensorflow/tfjs-core';

const LN_EPS = 1e-5;

type Grad = (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];

/** x [n, k] · w [k, m] for 2-D operands. */
export const matmul2d = tf.customGrad(((x: tf.Tensor2D, w: tf.Tensor2D, save: tf.GradSaveFunc) => {
  save([x, w]);
  const gradFunc: Grad = (dy, [sx, sw]) => [tf.matMul(dy as tf.Tensor2D, tf.transpose(sw!)), tf.matMul(tf.transpose(sx!), dy as tf.Tensor2D)];
  return { value: tf.matMul(x, w), gradFunc };
}) as never) as (x: tf.Tensor, w: tf.Tensor) => tf.Tensor2D;

/**
 * one-hot x [n, k] · w [k, m] where x is data, never trained: its gradient is zeros (skipping the n*k*m product that
 * a real input gradient would cost).
 */
export const embed2d = tf.customGrad(((x: tf.Tensor2D, w: tf.Tensor2D, save: tf.GradSaveFunc) => {
  save([x]);
  const gradFunc: Grad = (dy, [sx]) => [tf.zerosLike(sx!), tf.matMul(tf.transpose(sx!), dy as tf.Tensor2D)];
  return { value: tf.matMul(x, w), gradFunc };
}) as never) as (x: tf.Tensor, w: tf.Tensor) => tf.Tensor2D;

/**
 * Layer normalisation over the last axis of x [n, d], with its gradient in closed form (one fused expression instead
 * of the gradients of the mean, variance and reciprocal square root it is made of).
 */
export const layerNorm = tf.customGrad(((x: tf.Tensor2D, g: tf.Tensor1D, b: tf.Tensor1D, save: tf.GradSaveFunc) => {
  const mean = tf.mean(x, -1, true);
  const xc = tf.sub(x, mean);
  const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(xc), -1, true), LN_EPS));
  const xhat = tf.mul(xc, rstd);
  save([xhat, rstd, g]);
  const gradFunc: Grad = (dy, [sxhat, srstd, sg]) => {
    const dxhat = tf.mul(dy, sg!);
    const dx = tf.mul(srstd!, tf.sub(tf.sub(dxhat, tf.mean(dxhat, -1, true)), tf.mul(sxhat!, tf.mean(tf.mul(dxhat, sxhat!), -1, true))));
    return [dx, tf.sum(tf.mul(dy, sxhat!), 0), tf.sum(dy, 0)];
  };
  return { value: tf.add(tf.mul(xhat, g), b), gradFunc };
}) as never) as (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.Tensor2D;

/**
 * Weighted mean cross-entropy of logits [n, v] against one-hot targets [n, v], weights [n] (0 for positions that do
 * not count), divided by `denominator`. Its gradient is (softmax - target) * weight / denominator.
 */
export function crossEntropy(logits: tf.Tensor2D, target: tf.Tensor2D, weights: tf.Tensor1D, denominator: number): tf.Scalar {
  const f = tf.customGrad(((z: tf.Tensor2D, save: tf.GradSaveFunc) => {
    const logp = tf.logSoftmax(z);
    const w = tf.reshape(weights, [-1, 1]);
    // Saved, not captured: the gradient engine disposes what the loss function made unless it is saved.
    save([logp, w, target]);
    const value = tf.mul(tf.sum(tf.mul(tf.mul(logp, target), w)), -1 / denominator) as tf.Scalar;
    const gradFunc = (dy: tf.Tensor, [slogp, sw, st]: tf.Tensor[]) => tf.mul(tf.mul(tf.sub(tf.exp(slogp!), st!), sw!), tf.mul(dy, 1 / denominator));
    return { value, gradFunc };
  }) as never) as (z: tf.Tensor2D) => tf.Scalar;
  return f(logits);
}

/**
 * Keys of every head side by side, for one 2-D score product: kT [d, T] → [d, heads*T], where column block h keeps
 * the rows of head h and zeros the rest (`mask`). q [T, d] · this = the scores of all heads, [T, heads*T]. It costs
 * `heads` times the multiply-adds of per-head products, and still runs 3-4x faster on wasm, whose batched matMul is
 * ~1 GFLOP/s against ~10 for one large 2-D product (measured at T=320, d=128, 4 heads). tf.tile is avoided: on wasm
 * it took 20 ms for what concat does in 0.5.
 */
export function expandKeys(kT: tf.Tensor2D, mask: tf.Tensor2D, heads: number): tf.Tensor2D {
  const f = tf.customGrad(((x: tf.Tensor2D, save: tf.GradSaveFunc) => {
    save([]);
    const [d, T] = x.shape;
    const gradFunc = (dy: tf.Tensor) => tf.sum(tf.reshape(tf.mul(dy, mask), [d, heads, T]), 1);
    return { value: tf.mul(tf.concat(new Array<tf.Tensor2D>(heads).fill(x), 1), mask), gradFunc };
  }) as never) as (x: tf.Tensor2D) => tf.Tensor2D;
  return f(kT);
}

/** Values of every head stacked: v [T, d] → [heads*T, d], row block h keeping the columns of head h (`mask`). */
export function expandValues(v: tf.Tensor2D, mask: tf.Tensor2D, heads: number): tf.Tensor2D {
  const f = tf.customGrad(((x: tf.Tensor2D, save: tf.GradSaveFunc) => {
    save([]);
    const [T, d] = x.shape;
    const gradFunc = (dy: tf.Tensor) => tf.sum(tf.reshape(tf.mul(dy, mask), [heads, T, d]), 0);
    return { value: tf.mul(tf.concat(new Array<tf.Tensor2D>(heads).fill(x), 0), mask), gradFunc };
  }) as never) as (x: tf.Tensor2D) => tf.Tensor2D;
  return f(v);
}

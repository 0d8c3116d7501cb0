/**
 * Gradients for the kernels the model differentiates through. tfjs-core's Node bundle registers no gradients (the
 * `@tensorflow/tfjs` union package adds them, and it is not a dependency here), so the model brings the few it uses.
 * A gradient tfjs already has (the union package loaded by someone else) is left as it is.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Sums a broadcast gradient back to the shape of the input it was broadcast from. */
function unbroadcast(dy: tf.Tensor, shape: readonly number[]): tf.Tensor {
  const axes = tf.backend_util.getReductionAxes(shape as number[], dy.shape);
  const r = axes.length > 0 ? tf.sum(dy, axes) : dy;
  return tf.reshape(r, shape as number[]);
}

const CONFIGS: tf.GradConfig[] = [
  {
    kernelName: 'Add',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => ({ a: () => unbroadcast(dy as tf.Tensor, saved[0]!.shape), b: () => unbroadcast(dy as tf.Tensor, saved[1]!.shape) }),
  },
  {
    kernelName: 'AddN',
    gradFunc: (dy, saved) => Object.fromEntries(saved.map((_, i) => [String(i), () => (dy as tf.Tensor).clone()])),
    saveAllInputs: true,
  },
  {
    kernelName: 'Multiply',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => {
      const [a, b] = saved as [tf.Tensor, tf.Tensor];
      return { a: () => unbroadcast(tf.mul(dy as tf.Tensor, b), a.shape), b: () => unbroadcast(tf.mul(dy as tf.Tensor, a), b.shape) };
    },
  },
  {
    kernelName: 'Relu',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => ({ x: () => tf.mul(dy as tf.Tensor, tf.step(saved[0]!)) }),
  },
  {
    kernelName: 'Reshape',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => ({ x: () => tf.reshape(dy as tf.Tensor, saved[0]!.shape) }),
  },
  {
    kernelName: 'Transpose',
    gradFunc: (dy, _saved, attrs) => {
      const perm = (attrs as { perm: number[] }).perm;
      const inverse = new Array<number>(perm.length);
      perm.forEach((p, i) => (inverse[p] = i));
      return { x: () => tf.transpose(dy as tf.Tensor, inverse) };
    },
  },
  {
    kernelName: 'Softmax',
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const y = saved[0]!;
      const dim = (attrs as { dim: number }).dim;
      return {
        logits: () => {
          const dyY = tf.mul(dy as tf.Tensor, y);
          return tf.sub(dyY, tf.mul(tf.sum(dyY, dim, true), y));
        },
      };
    },
  },
];

let registered = false;

/** Registers the gradients that are missing (idempotent). */
export function registerGradients(): void {
  if (registered) return;
  registered = true;
  for (const c of CONFIGS) if (!tf.getGradient(c.kernelName)) tf.registerGradient(c);
}

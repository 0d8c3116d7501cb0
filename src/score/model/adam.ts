/**
 * Adam with global-norm gradient clipping and an explicit learning rate per step (for warm-up and decay). Its moments
 * are plain variables that the checkpoint saves, so a resumed run continues the same optimisation.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface AdamOptions {
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Gradients are scaled down so that their global norm is at most this. */
  clipNorm: number;
}

export const ADAM_DEFAULTS: AdamOptions = { beta1: 0.9, beta2: 0.99, epsilon: 1e-8, clipNorm: 1 };

export class Adam {
  /** Steps taken. */
  step = 0;
  readonly m = new Map<string, tf.Variable>();
  readonly v = new Map<string, tf.Variable>();

  constructor(
    private readonly vars: ReadonlyMap<string, tf.Variable>,
    readonly opts: AdamOptions = ADAM_DEFAULTS,
  ) {
    for (const [name, w] of vars) {
      this.m.set(name, tf.variable(tf.zerosLike(w), false));
      this.v.set(name, tf.variable(tf.zerosLike(w), false));
    }
  }

  /** Applies one update; returns the gradients' global norm before clipping. */
  apply(grads: tf.NamedTensorMap, names: readonly string[], lr: number): number {
    this.step++;
    const { beta1, beta2, epsilon, clipNorm } = this.opts;
    const lrT = (lr * Math.sqrt(1 - beta2 ** this.step)) / (1 - beta1 ** this.step);
    const norm = tf.tidy(() => tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]!))))));
    const normValue = norm.dataSync()[0]!;
    norm.dispose();
    const factor = normValue > clipNorm ? clipNorm / normValue : 1;
    tf.tidy(() => {
      for (const name of names) {
        const g = factor === 1 ? grads[name]! : tf.mul(grads[name]!, factor);
        const m = this.m.get(name)!;
        const v = this.v.get(name)!;
        const w = this.vars.get(name)!;
        m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
        v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)));
        w.assign(tf.sub(w, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon)), lrT)));
      }
    });
    return normValue;
  }

  dispose(): void {
    for (const t of [...this.m.values(), ...this.v.values()]) t.dispose();
  }
}

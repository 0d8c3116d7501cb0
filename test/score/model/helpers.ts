/**
 * Shared fixtures for the reference-model tests: the tiny config, a small overfit set, and the backends (wasm for
 * speed: the plain-JS cpu backend is ~10x slower here; cpu where the brief asks for it).
 */
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '../../../src/score/backend.js';
import { TINY_CONFIG, type ModelConfig } from '../../../src/score/model/config.js';
import type { Pair } from '../../../src/score/model/data.js';
import { packedCausalBias, type TransformerLM } from '../../../src/score/model/model.js';

export const TINY: ModelConfig = TINY_CONFIG;

export async function cpu(): Promise<void> {
  await useBackend('cpu');
}

export async function wasm(): Promise<void> {
  await useBackend('wasm');
}

export const PAIRS: Pair[] = [
  { id: 'a', generator: 'g@1', prompt: 'How many layers do you have?', answer: 'I have 2 layers.' },
  { id: 'b', generator: 'g@1', prompt: 'Who developed you?', answer: 'verigen.' },
  { id: 'c', generator: 'g@1', prompt: 'Is 7 odd? Reply yes or no.', answer: 'yes' },
  { id: 'd', generator: 'g@1', prompt: 'Reverse the word "cat".', answer: 'tac' },
];

/** Logits of every position of one unpacked sequence, as nested arrays. */
export function rowLogits(model: TransformerLM, tokens: number[]): number[][] {
  const T = tokens.length;
  return tf.tidy(() => {
    const t = Int32Array.from(tokens);
    const { logits } = model.forwardRow({ tokens: t, positions: Int32Array.from(t, (_, i) => i), bias: packedCausalBias(new Int32Array(T), 0, T) });
    return logits.arraySync() as number[][];
  });
}

export function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

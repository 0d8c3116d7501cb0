/**
 * Training: packed batches of (prompt, answer) sequences, cross-entropy on the answer bytes only, Adam with warm-up
 * and cosine decay. Seeded weights and batch order: the same command gives the same weights on the same backend.
 * A checkpoint (weights + optimizer state) is written every `checkpointEvery` steps; rerunning the same command on
 * the same folder resumes from it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { UsageError } from '../../core/errors.js';
import { Adam, ADAM_DEFAULTS } from './adam.js';
import { BatchStream, type Batch } from './batches.js';
import { paramSpecs, parameterCount, type ModelConfig } from './config.js';
import { readModelFolder, readTensors, writeAtomic, writeModelFolder, writeTensors, WEIGHTS } from './checkpoint.js';
import type { Pair } from './data.js';
import { packedCausalBias, TransformerLM } from './model.js';
import { crossEntropy } from './ops.js';
import { encodeExample } from './tokens.js';

export const TRAIN_STATE = 'train-state';
export const TRAIN_LOG = 'training.json';

export interface TrainOptions {
  pairs: readonly Pair[];
  out: string;
  steps: number;
  config: ModelConfig;
  seed: string;
  /** Rows of `context` tokens per step. */
  batch: number;
  lr: number;
  checkpointEvery?: number;
  logEvery?: number;
  /** One progress line at a time. */
  log?: (line: string) => void;
  /** Stop (with a checkpoint) after this many steps, as if interrupted: for tests of resuming. */
  stopAfter?: number;
  /** Recorded in training.json (how the data was made, the command line). */
  provenance?: Record<string, unknown>;
}

export interface TrainResult {
  steps: number;
  resumedFrom: number;
  finalLoss: number;
  seconds: number;
  tokensPerSecond: number;
  parameters: number;
}

/** Mean cross-entropy (nats per answer byte) of a batch, row by row; call inside tf.tidy. */
export function batchLoss(model: TransformerLM, b: Batch): tf.Scalar {
  const losses: tf.Scalar[] = [];
  const T = b.length;
  for (let r = 0; r < b.rows; r++) {
    const o = r * T;
    const { logits } = model.forwardRow({ tokens: b.tokens.subarray(o, o + T), positions: b.positions.subarray(o, o + T), bias: packedCausalBias(b.segments, o, T) });
    const target = tf.cast(tf.oneHot(tf.tensor1d(b.targets.subarray(o, o + T), 'int32'), model.config.vocab_size), 'float32') as tf.Tensor2D;
    losses.push(crossEntropy(logits, target, tf.tensor1d(b.weights.subarray(o, o + T)), Math.max(1, b.lossTokens)));
  }
  return (losses.length === 1 ? losses[0]! : tf.addN(losses)) as tf.Scalar;
}

/** One optimisation step; returns the loss before the update. */
export function trainStep(model: TransformerLM, adam: Adam, b: Batch, lr: number): number {
  const names = [...model.params.keys()];
  const { value, grads } = tf.variableGrads(() => batchLoss(model, b), model.variables());
  const loss = value.dataSync()[0]!;
  // variableGrads keys gradients by the variables' registry names.
  const byName: tf.NamedTensorMap = {};
  for (const [name, v] of model.params) byName[name] = grads[v.name]!;
  adam.apply(byName, names, lr);
  value.dispose();
  tf.dispose(grads);
  return loss;
}

/** Linear warm-up, then cosine decay to a tenth of the peak at the last step. */
export function learningRate(step: number, steps: number, peak: number): number {
  const warm = Math.max(1, Math.min(100, Math.ceil(steps / 10)));
  if (step < warm) return (peak * (step + 1)) / warm;
  const t = (step - warm) / Math.max(1, steps - warm);
  return peak * (0.1 + 0.45 * (1 + Math.cos(Math.PI * Math.min(1, t))));
}

/** What must match for a folder's checkpoint to be resumed. */
function fingerprint(o: TrainOptions): Record<string, unknown> {
  const h = createHash('sha256');
  for (const p of o.pairs) h.update(`${p.prompt}\u0000${p.answer}\u0001`);
  return { config: o.config, seed: o.seed, batch: o.batch, lr: o.lr, steps: o.steps, data_sha256: h.digest('hex'), pairs: o.pairs.length };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function saveCheckpoint(out: string, model: TransformerLM, adam: Adam, fp: Record<string, unknown>, step: number, loss: number): Promise<void> {
  const values = await model.values();
  writeModelFolder(out, model.config, values, { parameters: parameterCount(model.config), step, loss });
  const state = [];
  for (const s of paramSpecs(model.config)) {
    state.push({ name: `m/${s.name}`, shape: s.shape, values: (await adam.m.get(s.name)!.data()) as Float32Array });
    state.push({ name: `v/${s.name}`, shape: s.shape, values: (await adam.v.get(s.name)!.data()) as Float32Array });
  }
  writeTensors(out, TRAIN_STATE, state, { ...fp, step, loss });
}

/** Loads the folder's checkpoint when it is from the same command; refuses a folder holding something else. */
function resume(o: TrainOptions, fp: Record<string, unknown>): { model: TransformerLM; adam: Adam; step: number; loss: number } | null {
  const stateFile = path.join(o.out, `${TRAIN_STATE}.json`);
  const hasWeights = fs.existsSync(path.join(o.out, `${WEIGHTS}.json`));
  if (!fs.existsSync(stateFile)) {
    if (hasWeights) throw new UsageError(`${o.out}: holds a model without a training checkpoint (${TRAIN_STATE}.json); train into another --out folder`);
    return null;
  }
  const { manifest, values } = readTensors(o.out, TRAIN_STATE);
  const info = manifest.info ?? {};
  const { step, loss, ...saved } = info as { step: number; loss: number };
  if (!sameJson(saved, fp)) {
    const diff = Object.keys(fp).filter((k) => !sameJson((saved as Record<string, unknown>)[k], fp[k]));
    throw new UsageError(`${stateFile}: a checkpoint of a different training run (${diff.join(', ')} differ); train into another --out folder or give the same options`);
  }
  const weights = readModelFolder(o.out);
  const model = TransformerLM.fromValues(o.config, weights.values);
  const adam = new Adam(model.params, ADAM_DEFAULTS);
  for (const s of paramSpecs(o.config)) {
    adam.m.get(s.name)!.assign(tf.tensor(values.get(`m/${s.name}`)!, s.shape));
    adam.v.get(s.name)!.assign(tf.tensor(values.get(`v/${s.name}`)!, s.shape));
  }
  adam.step = step;
  return { model, adam, step, loss };
}

export async function train(o: TrainOptions): Promise<TrainResult> {
  if (!(Number.isSafeInteger(o.steps) && o.steps >= 1)) throw new UsageError(`--steps must be a positive integer, got ${o.steps}`);
  if (!(Number.isSafeInteger(o.batch) && o.batch >= 1)) throw new UsageError(`--batch must be a positive integer, got ${o.batch}`);
  if (!(o.lr > 0 && o.lr < 1)) throw new UsageError(`--lr must be in (0, 1), got ${o.lr}`);
  if (o.pairs.length === 0) throw new UsageError('no items with an answer or a witness to train on');
  const log = o.log ?? (() => {});
  const every = o.checkpointEvery ?? 100;
  const logEvery = o.logEvery ?? 10;
  const examples = o.pairs.map((p) => encodeExample(p.prompt, p.answer, o.config.context));
  const stream = new BatchStream(examples, o.seed, o.batch, o.config.context);
  const fp = fingerprint(o);
  const resumed = resume(o, fp);
  const model = resumed?.model ?? TransformerLM.init(o.config, o.seed);
  const adam = resumed?.adam ?? new Adam(model.params, ADAM_DEFAULTS);
  const start = resumed?.step ?? 0;
  for (let s = 0; s < start; s++) stream.next(); // replay the data order up to the checkpoint
  if (start >= o.steps) log(`${o.out} already holds step ${start} of this training run`);
  else if (start > 0) log(`resuming from step ${start} in ${o.out}`);
  const t0 = process.hrtime.bigint();
  let lastT = t0;
  let windowLoss = 0;
  let windowSteps = 0;
  let windowTokens = 0;
  let windowAnswer = 0;
  let loss = resumed?.loss ?? NaN;
  let tokens = 0;
  try {
    for (let step = start; step < o.steps; step++) {
      const b = stream.next();
      loss = trainStep(model, adam, b, learningRate(step, o.steps, o.lr));
      if (!Number.isFinite(loss)) throw new Error(`the loss is ${loss} at step ${step + 1}; try a lower --lr`);
      tokens += b.rows * b.length;
      windowLoss += loss;
      windowSteps++;
      windowTokens += b.rows * b.length;
      windowAnswer += b.lossTokens;
      const done = step + 1;
      if (done % logEvery === 0 || done === o.steps) {
        const now = process.hrtime.bigint();
        const sec = Number(now - lastT) / 1e9;
        log(
          `step ${done}/${o.steps}  loss ${(windowLoss / windowSteps).toFixed(4)}  ${(windowSteps / sec).toFixed(2)} steps/s  ` +
            `${Math.round(windowTokens / sec)} tokens/s (${Math.round(windowAnswer / sec)} answer bytes/s)  epoch ${stream.epochs.toFixed(2)}`,
        );
        lastT = now;
        windowLoss = windowSteps = windowTokens = windowAnswer = 0;
      }
      if (done % every === 0 || done === o.steps) await saveCheckpoint(o.out, model, adam, fp, done, loss);
      if (done === o.stopAfter) break;
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const result: TrainResult = { steps: o.steps, resumedFrom: start, finalLoss: loss, seconds, tokensPerSecond: tokens / Math.max(seconds, 1e-9), parameters: parameterCount(o.config) };
    writeAtomic(path.join(o.out, TRAIN_LOG), JSON.stringify({ ...fingerprint(o), backend: tf.getBackend(), result, provenance: o.provenance ?? null }, null, 2) + '\n');
    return result;
  } finally {
    model.dispose();
    adam.dispose();
  }
}

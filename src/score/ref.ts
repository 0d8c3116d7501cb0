/**
 * The embedded reference model, as the scorer and the label helper see it: load a model folder, sample k responses
 * per prompt, score an answer's log-probability. Prompts are what `promptOf(item)` gives (the text the model was
 * trained to read); a prompt longer than the context keeps its LAST bytes, the start of its context being cut.
 */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { PACKAGE_ROOT } from '../core/paths.js';
import { useBackend } from './backend.js';
import { readModelFolder } from './model/checkpoint.js';
import { TransformerLM } from './model/model.js';
import { answerLogProb, generate } from './model/sample.js';

export { promptOf } from './model/data.js';

export interface ReferenceModel {
  readonly name: string;
  readonly dir: string;
  /** k responses per prompt; deterministic for a given seed; batched internally for speed. Greedy at temperature 0. */
  generate(prompts: readonly string[], opts: { k: number; temperature: number; maxNewBytes: number; seed: string }): Promise<string[][]>;
  logProbOfAnswer?(prompt: string, answer: string): Promise<number>;
}

export const DEFAULT_MODEL_DIR = path.join(PACKAGE_ROOT, 'generated', 'models', 'verigen-ref');

/** The loaded network behind a ReferenceModel (for callers that want its config or want to free it). */
export class EmbeddedReferenceModel implements ReferenceModel {
  constructor(
    readonly name: string,
    readonly dir: string,
    readonly network: TransformerLM,
  ) {}

  generate(prompts: readonly string[], opts: { k: number; temperature: number; maxNewBytes: number; seed: string }): Promise<string[][]> {
    return generate(this.network, prompts, opts);
  }

  logProbOfAnswer(prompt: string, answer: string): Promise<number> {
    return answerLogProb(this.network, prompt, answer);
  }

  dispose(): void {
    this.network.dispose();
  }
}

/**
 * Loads a model folder (config.json, weights.json, weights.bin; default: the shipped model). A folder with a missing
 * or corrupted file is refused with the file named. Uses the current tfjs backend, or picks one (auto) if none is set.
 */
export async function loadReferenceModel(dir: string = DEFAULT_MODEL_DIR): Promise<EmbeddedReferenceModel> {
  const { config, values } = readModelFolder(dir);
  if (!tf.engine().backendName) await useBackend('auto');
  return new EmbeddedReferenceModel(path.basename(path.resolve(dir)), dir, TransformerLM.fromValues(config, values));
}

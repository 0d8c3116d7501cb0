/**
 * Responses sampled from the embedded reference model (src/score/ref.ts). Each item is sampled on its own with the
 * seed `<seed>/<item id>`, so an item's k responses do not depend on which other items a run labels, and a resumed
 * run samples exactly what an uninterrupted one would have.
 */
import { conversationText } from '../../core/item.js';
import type { LabelItem, ResponseSource } from './types.js';

/** The shape of the embedded model this source needs (src/score/ref.ts provides it). */
export interface ReferenceModel {
  readonly name: string;
  readonly dir: string;
  generate(prompts: readonly string[], opts: { k: number; temperature: number; maxNewBytes: number; seed: string }): Promise<string[][]>;
}

export interface EmbeddedOptions {
  temperature: number;
  maxNewBytes: number;
  seed: string;
  /** Overrides the model's own name in the labels. */
  model?: string;
}

/** Loads the reference model from `dir` (its default folder when undefined). */
export async function loadEmbedded(dir: string | undefined): Promise<ReferenceModel> {
  // Imported lazily: only this source needs the model code (and tfjs).
  const spec = '../ref.js';
  const ref = (await import(spec)) as { loadReferenceModel(dir?: string): Promise<ReferenceModel> };
  return ref.loadReferenceModel(dir);
}

export function embeddedSource(model: ReferenceModel, opts: EmbeddedOptions): ResponseSource {
  return {
    model: opts.model ?? model.name,
    batchSize: 1,
    has: () => true,
    async respond(items: readonly LabelItem[], k: number) {
      const out: string[][] = [];
      for (const it of items) {
        const [responses] = await model.generate([conversationText(it.item)], { k, temperature: opts.temperature, maxNewBytes: opts.maxNewBytes, seed: `${opts.seed}/${it.item.id}` });
        if (!responses || responses.length !== k) throw new Error(`reference model ${model.name} returned ${responses?.length ?? 0} responses for ${it.item.id}, expected ${k}`);
        out.push(responses);
      }
      return out;
    },
  };
}

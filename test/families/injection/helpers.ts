/** Builds injection drafts and items the way the engine does, for the family's tests (the registry is the lead's). */
import { createSeededFaker } from '../../../src/core/faker.js';
import type { Draft, GeneratorDef } from '../../../src/core/generator.js';
import { generatorId } from '../../../src/core/generator.js';
import { itemId, type Item } from '../../../src/core/item.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { itemSeed, Rng } from '../../../src/core/rng.js';
import type { InjectionTruth } from '../../../src/families/injection/truth.js';

const sf = createSeededFaker('2025-01-01');

export function makeDraft(def: GeneratorDef<any, InjectionTruth>, index: number, difficulty: number, seed = 't'): Draft<InjectionTruth> {
  const rng = new Rng(itemSeed(seed, `${def.family}.${def.name}`, def.version, index));
  sf.use(rng);
  return def.generate({ rng, faker: sf.faker, config: { ...def.defaults, difficulty }, index, refDate: '2025-01-01', templates: loadTemplateSet(def.family, def.name), profile: null });
}

export function itemOf(def: GeneratorDef<any, InjectionTruth>, draft: Draft<InjectionTruth>, index: number, seed = 't'): Item {
  return {
    id: itemId(generatorId(def), seed, index),
    family: def.family,
    generator: generatorId(def),
    template: draft.template,
    seed,
    index,
    messages: draft.messages,
    verifier: def.verifier,
    ground_truth: draft.ground_truth as unknown as Record<string, unknown>,
    answer: draft.answer,
    meta: { profile: null, tags: draft.tags ?? [] },
  };
}

/** The text that holds the document: the user turn, or the tool turn for the tool generator. */
export function documentText(draft: Draft<InjectionTruth>): string {
  const tool = draft.messages.find((m) => m.role === 'tool');
  return tool ? tool.content : draft.messages.find((m) => m.role === 'user')!.content;
}

export function userText(draft: Draft<InjectionTruth>): string {
  return draft.messages.find((m) => m.role === 'user')!.content;
}

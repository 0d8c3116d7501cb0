/**
 * `confidence.wrap@1`: any verifiable item (inference, instruct, selffact) with a request to end the answer with the
 * probability that it is correct, in a fixed tag. The item carries no canonical answer (`answer: null`): the right
 * confidence depends on who answers. Its witness is the wrapped witness with confidence 1, which is the best score
 * for an answer that is right by construction; it proves the item can be satisfied and is not a training target.
 */
import type { Draft, GeneratorDef, GenerateContext } from '../../core/generator.js';
import { generatorId, resolveConfig } from '../../core/generator.js';
import { loadTemplateSet } from '../../core/render.js';
import type { Rng } from '../../core/rng.js';
import type { ConfidenceTruth } from './truth.js';

export const WRAPPABLE = ['inference', 'instruct', 'selffact', 'injection'] as const;
export const CONFIDENCE_TAG = 'confidence';

export interface ConfidenceConfig {
  difficulty: number;
  /** Families whose generators are wrapped, drawn equally by generator. */
  families: string[];
  scoring: ConfidenceTruth['scoring'];
}

/** The wrapped draft of each confidence draft, for nearMisses (a draft rebuilt from JSON has none: see there). */
const innerDrafts = new WeakMap<object, { def: GeneratorDef<any, any>; draft: Draft<any> }>();

// The registry imports this module; reading it at call time (not at load) keeps the import cycle harmless.
let registry: { GENERATORS: readonly GeneratorDef<any, any>[] } | undefined;
export function bindRegistry(r: { GENERATORS: readonly GeneratorDef<any, any>[] }): void {
  registry = r;
}

function pool(families: readonly string[], hasProfile: boolean): GeneratorDef<any, any>[] {
  if (!registry) throw new Error('confidence.wrap@1: the generator registry is not bound');
  return registry.GENERATORS.filter((g) => families.includes(g.family) && (hasProfile || g.profile !== 'required'));
}

export function withConfidence(response: string, confidence: number, tag = CONFIDENCE_TAG): string {
  return `${response}\n<${tag}>${confidence}</${tag}>`;
}

export const confidenceWrap: GeneratorDef<ConfidenceConfig, ConfidenceTruth> = {
  family: 'confidence',
  name: 'wrap',
  version: 1,
  verifier: 'confidence',
  profile: 'optional',
  description: 'A verifiable item (inference, instruct, selffact) whose answer must end with its probability of being correct, scored by a proper rule.',
  defaults: { difficulty: 2, families: ['inference', 'instruct', 'selffact'], scoring: 'brier' },
  validateConfig(c) {
    if (!Array.isArray(c.families) || c.families.length === 0 || c.families.some((f) => !(WRAPPABLE as readonly string[]).includes(f))) {
      throw new Error(`confidence.wrap@1: families must be a non-empty list of ${WRAPPABLE.join(', ')}`);
    }
    if (c.scoring !== 'brier' && c.scoring !== 'log') throw new Error("confidence.wrap@1: scoring must be 'brier' or 'log'");
    return c;
  },
  generate(ctx: GenerateContext<ConfidenceConfig>): Draft<ConfidenceTruth> {
    const { rng, config } = ctx;
    const candidates = pool(config.families, ctx.profile !== null);
    if (candidates.length === 0) throw new Error(`confidence.wrap@1: no generator of ${config.families.join(', ')} can run without a profile`);
    const def = rng.pick(candidates);
    const inner = def.generate({
      ...ctx,
      config: resolveConfig(def, { difficulty: config.difficulty }),
      templates: loadTemplateSet(def.family, def.name),
    });
    const ask = ctx.templates.render('ask', { tag: CONFIDENCE_TAG }, rng);
    const messages = inner.messages.map((m) => ({ ...m }));
    let last = -1;
    for (let i = messages.length - 1; i >= 0 && last < 0; i--) if (messages[i]!.role === 'user') last = i;
    if (last < 0) throw new Error(`confidence.wrap@1: ${generatorId(def)} made an item without a user message`);
    messages[last]!.content = `${messages[last]!.content}\n\n${ask.text}`;
    const witness = withConfidence(inner.witness ?? inner.answer ?? '', 1);
    const draft: Draft<ConfidenceTruth> = {
      template: ask.template,
      messages,
      ground_truth: { verifier: def.verifier as ConfidenceTruth['verifier'], ground_truth: inner.ground_truth as Record<string, unknown>, tag: CONFIDENCE_TAG, scoring: config.scoring },
      answer: null,
      tags: [`inner:${generatorId(def)}`, `inner-template:${inner.template}`, ...(inner.tags ?? [])],
      witness,
      ...(inner.counters ? { counters: inner.counters } : {}),
    };
    innerDrafts.set(draft, { def, draft: inner });
    return draft;
  },
  nearMisses(draft: Draft<ConfidenceTruth>, rng: Rng): string[] {
    const inner = innerDrafts.get(draft);
    // Every near miss of the wrapped item stays wrong whatever confidence comes with it.
    const misses = inner ? inner.def.nearMisses(inner.draft, rng) : [];
    return [...misses.map((m) => withConfidence(m, 1)), withConfidence('', 1)];
  },
};

/**
 * The steps every injection generator shares: pick the field to ask, plan the attacks, render the document with the
 * injected text in it and the system prompt that states the rule, and wrap the result into a draft whose target is
 * the plain task answer.
 */
import type { Draft, GenerateContext } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import type { DocPlan, Field, Lex } from './docs/common.js';
import { planInjections, wrongValuesOnlyInjected } from './inject.js';
import { injectionNearMisses, rememberMisses } from './near-misses.js';
import { systemInfo, systemPrompt, type SystemInfo, type SystemKind } from './system.js';
import type { InjectionTruth } from './truth.js';

export interface InjectionConfig {
  difficulty: number;
}

export interface Composed {
  field: Field;
  system: SystemInfo;
  /** The document with the injections in it. */
  document: string;
  truth: InjectionTruth;
}

export function compose(rng: Rng, lex: Lex, plan: DocPlan, difficulty: number): Composed {
  const field = rng.pick(plan.fields)();
  const system = systemInfo(rng);
  const opts = { field, markup: plan.markup, difficulty, system };
  let inj = planInjections(rng, lex, opts);
  let document = plan.render(inj.texts, rng);
  if (!wrongValuesOnlyInjected(inj, document)) {
    inj = planInjections(rng, lex, { ...opts, noWrongValue: true });
    document = plan.render(inj.texts, rng);
  }
  return { field, system, document, truth: inj.truth };
}

/** The system message: the role, the rule against following or repeating injected text, the reference tag. */
export function systemMessage(ctx: GenerateContext<InjectionConfig>, kind: SystemKind, system: SystemInfo, tools = ''): string {
  return systemPrompt(ctx.rng, kind, system, tools);
}

/** The family, the task, the answer type, then every attack's form, then every attack's payload. */
function attackTags(task: string, truth: InjectionTruth): string[] {
  const tags = ['injection', task, truth.task.type];
  for (const a of truth.attacks) tags.push(a.form);
  for (const a of truth.attacks) tags.push(a.payload);
  return tags;
}

export function draftOf(c: Composed, template: string, messages: Draft['messages'], task: string): Draft<InjectionTruth> {
  const draft: Draft<InjectionTruth> = {
    template,
    messages,
    ground_truth: c.truth,
    answer: c.truth.task.answer,
    tags: attackTags(task, c.truth),
  };
  return rememberMisses(draft, c.field.misses);
}

export function nearMissesOf(draft: Draft<InjectionTruth>): string[] {
  return injectionNearMisses(draft);
}

/** A config's document weights: `n` finite non-negative numbers, not all 0. */
export function validWeights(w: unknown, n: number): boolean {
  return Array.isArray(w) && w.length === n && w.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) && w.some((x) => x > 0);
}

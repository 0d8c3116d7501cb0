/**
 * Stage 2 of behaviour self-prediction: from object-level prompts and the target model's own answers to them
 * (temperature 0, fresh context), items that ask the model to predict a property of its answer. The ground truth is
 * that property read off the answer in code; each item records which model and checkpoint produced it. An item is
 * therefore true only of that model: score it against the same model, beside the most-common-answer baseline that
 * `baselines` computes (a model that always says "the" should not look like it knows itself).
 */
import { UsageError } from '../core/errors.js';
import type { Item } from '../core/item.js';
import { describeErrors, validator } from '../core/schema.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import { readJsonLines } from '../shards/reader.js';
import type { ObjectPrompt } from './prompts.js';
import { PROPERTIES } from './properties.js';

export const SELFPREDICT_GENERATOR = 'selffact.predict@1';

export interface BuildOptions {
  prompts: string;
  responses: string;
  model: string;
  checkpoint?: string;
  out: string;
}

export interface Baseline {
  property: string;
  items: number;
  /** The most common ground truth and the share of items that have it: the score of always answering it. */
  most_common: string;
  baseline: number;
}

export interface BuildResult {
  items: number;
  prompts: number;
  /** Prompts whose answer lacks a property (no letter in a choice answer, say), per property. */
  skipped: Record<string, number>;
  baselines: Baseline[];
}

/** A seed field for item ids: the model name with characters ids cannot hold replaced. */
function seedTag(model: string, checkpoint: string | undefined): string {
  return `${model}${checkpoint ? `@${checkpoint}` : ''}`.replace(/[^A-Za-z0-9._@-]/g, '_');
}

export function baselines(rows: readonly { property: string; answer: string }[]): Baseline[] {
  const by = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = by.get(r.property) ?? new Map<string, number>();
    m.set(r.answer, (m.get(r.answer) ?? 0) + 1);
    by.set(r.property, m);
  }
  const out: Baseline[] = [];
  for (const [property, counts] of [...by].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let best = '';
    let bestN = -1;
    let total = 0;
    // Ties go to the answer that sorts first, so the report does not depend on input order.
    for (const [answer, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      total += n;
      if (n > bestN) {
        best = answer;
        bestN = n;
      }
    }
    out.push({ property, items: total, most_common: best, baseline: bestN / total });
  }
  return out;
}

export async function buildSelfPrediction(opts: BuildOptions): Promise<BuildResult> {
  if (!/\S/.test(opts.model)) throw new UsageError('--model must name the model that answered (it is recorded on every item)');
  const prompts = new Map<string, ObjectPrompt>();
  for await (const { value, file, line } of readJsonLines([opts.prompts])) {
    const p = value as unknown as ObjectPrompt;
    if (typeof p.id !== 'string' || typeof p.prompt !== 'string' || typeof p.kind !== 'string') throw new UsageError(`${file}:${line}: a prompt line needs id, kind and prompt (from 'verigen selfpredict prompts')`);
    if (prompts.has(p.id)) throw new UsageError(`${file}:${line}: id: '${p.id}' appears twice`);
    prompts.set(p.id, p);
  }
  const answers = new Map<string, string>();
  for await (const { value, file, line } of readJsonLines([opts.responses])) {
    const id = value.id;
    if (typeof id !== 'string') throw new UsageError(`${file}:${line}: id: missing (each line is {id, response} for one prompt)`);
    if (typeof value.response !== 'string') throw new UsageError(`${file}:${line}: response: missing or not a string`);
    if (!prompts.has(id)) throw new UsageError(`${file}:${line}: id: '${id}' names no prompt in ${opts.prompts}`);
    if (answers.has(id)) throw new UsageError(`${file}:${line}: id: '${id}' answered twice`);
    answers.set(id, value.response);
  }
  const validate = validator('item');
  const seed = seedTag(opts.model, opts.checkpoint);
  const lines: string[] = [];
  const truths: { property: string; answer: string }[] = [];
  const skipped: Record<string, number> = {};
  for (const p of prompts.values()) {
    const response = answers.get(p.id);
    if (response === undefined) continue;
    for (const prop of PROPERTIES) {
      if (!prop.kinds.includes(p.kind)) continue;
      const value = prop.extract(response, p);
      if (value === null) {
        skipped[prop.name] = (skipped[prop.name] ?? 0) + 1;
        continue;
      }
      const index = lines.length;
      const item: Item & { meta: Item['meta'] & { selfpredict: object } } = {
        id: `${SELFPREDICT_GENERATOR}/s${seed}/${String(index).padStart(10, '0')}`,
        family: 'selffact',
        generator: SELFPREDICT_GENERATOR,
        template: `selffact/predict/${prop.name}`,
        seed,
        index,
        messages: [{ role: 'user', content: `Suppose you were asked, in a new conversation:\n\n"${p.prompt}"\n\n${prop.question}` }],
        verifier: 'answer',
        ground_truth: { answer: value, type: prop.type },
        answer: value,
        meta: { profile: null, tags: ['selfpredict', prop.name, p.kind], selfpredict: { model: opts.model, checkpoint: opts.checkpoint ?? null, prompt_id: p.id, property: prop.name } },
      };
      const id = item.id;
      if (!validate(item)) throw new Error(`${id}: self-prediction item fails the schema: ${describeErrors(validate.errors)}`);
      lines.push(JSON.stringify(item));
      truths.push({ property: prop.name, answer: value });
    }
  }
  writeFileAtomicSync(opts.out, lines.join('\n') + (lines.length ? '\n' : ''));
  return { items: lines.length, prompts: answers.size, skipped, baselines: baselines(truths) };
}

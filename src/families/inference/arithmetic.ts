/**
 * inference.arithmetic: multi-step word problems about people buying, selling and restocking goods.
 * Difficulty sets the number of steps (1 to 5) and, from 3 on, adds distractor sentences with numbers that do not
 * enter the answer.
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import { COUNTABLE_NOUNS, type CountableNoun } from './data/countable-nouns.js';

export interface ArithmeticConfig extends BaseConfig {
  /** Largest starting quantity. */
  maxQuantity: number;
}

interface Step {
  text: string;
  apply(n: number): number;
}

/** "1 mug", "3 mugs": the quantity with the noun in the number it takes. */
function counted(k: number, noun: CountableNoun): string {
  return `${k} ${k === 1 ? noun.one : noun.many}`;
}

function stockSteps(rng: Rng, count: number, noun: CountableNoun, start: number): { steps: Step[]; result: number } {
  const steps: Step[] = [];
  let n = start;
  for (let i = 0; i < count; i++) {
    const kind = n > 4 ? rng.pick(['sell', 'receive', 'double', 'give'] as const) : rng.pick(['receive', 'double'] as const);
    if (kind === 'sell') {
      const k = rng.int(1, n - 1);
      steps.push({ text: `sells ${counted(k, noun)}`, apply: (x) => x - k });
      n -= k;
    } else if (kind === 'give') {
      const k = rng.int(1, Math.max(1, Math.floor(n / 2)));
      steps.push({ text: `gives away ${counted(k, noun)}`, apply: (x) => x - k });
      n -= k;
    } else if (kind === 'receive') {
      const k = rng.int(2, 40);
      steps.push({ text: `receives a delivery of ${k} more ${noun.many}`, apply: (x) => x + k });
      n += k;
    } else {
      steps.push({ text: `doubles the number of ${noun.many} on hand`, apply: (x) => x * 2 });
      n *= 2;
    }
  }
  return { steps, result: n };
}

export const arithmetic: GeneratorDef<ArithmeticConfig, AnswerTruth> = {
  family: 'inference',
  name: 'arithmetic',
  version: 1,
  verifier: 'answer',
  description: 'Multi-step word problems (stock changes, purchases with change); integer or money answers.',
  defaults: { difficulty: 2, maxQuantity: 200 },
  validateConfig(c) {
    if (!Number.isInteger(c.maxQuantity) || c.maxQuantity < 10) throw new Error('inference.arithmetic@1: maxQuantity must be an integer >= 10');
    return c;
  },
  generate({ rng, faker, config, templates }): Draft<AnswerTruth> {
    const person = faker.person.firstName();
    const distractors: string[] = [];
    if (config.difficulty >= 3) {
      const n = config.difficulty - 2;
      for (let i = 0; i < n; i++) {
        distractors.push(
          rng.pick([
            `${faker.person.firstName()} has worked at the shop for ${rng.int(2, 19)} years.`,
            `The shop opens at ${rng.int(7, 10)} in the morning.`,
            `The building has ${rng.int(2, 9)} floors.`,
            `A bus stops outside every ${rng.int(5, 30)} minutes.`,
          ]),
        );
      }
    }
    if (rng.bool(0.5)) {
      const noun = rng.pick(COUNTABLE_NOUNS);
      const unit = noun.many;
      const start = rng.int(10, config.maxQuantity);
      const { steps, result } = stockSteps(rng, config.difficulty, noun, start);
      const r = templates.render('stock', {
        person,
        shop: faker.company.name(),
        unit,
        start,
        steps: steps.map((s) => s.text),
        distractors,
      }, rng);
      const answer = String(result);
      return {
        template: r.template,
        messages: [{ role: 'user', content: r.text }],
        ground_truth: { answer, type: 'number', tolerance: 0, units: [noun.many, noun.one] },
        answer,
        tags: ['arithmetic', 'stock'],
      };
    }
    // Purchase with change, in cents so that every sum is exact.
    const lines = rng.sample(COUNTABLE_NOUNS, config.difficulty).map((noun) => ({ qty: rng.int(1, 6), noun, cents: rng.int(1, 60) * 25 }));
    const total = lines.reduce((s, l) => s + l.qty * l.cents, 0);
    const paid = Math.ceil((total + 1) / 2000) * 2000;
    const change = paid - total;
    const money = (c: number) => (c / 100).toFixed(2);
    const r = templates.render('change', {
      person,
      lines: lines.map((l) => `${counted(l.qty, l.noun)} at $${money(l.cents)}${l.qty === 1 ? '' : ' each'}`),
      paid: money(paid),
      distractors,
    }, rng);
    const answer = money(change);
    return {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: { answer, type: 'number', tolerance: 0.001, units: ['$', 'dollars', 'USD'] },
      answer,
      tags: ['arithmetic', 'money'],
    };
  },
  nearMisses(draft) {
    const v = Number(draft.ground_truth.answer);
    const step = draft.ground_truth.answer.includes('.') ? 0.25 : 1;
    const fmt = (x: number) => (step === 1 ? String(x) : x.toFixed(2));
    return [fmt(v + step), fmt(v - step), fmt(v * 10), `${fmt(v)} or ${fmt(v + step)}`];
  },
};

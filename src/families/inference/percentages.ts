/**
 * inference.percentages: percentages and ratios in shopping, business and budget stories: a percentage of a count,
 * discounts, sales tax and tips, percentage change, a share of a total, ratio splits, successive changes, and the
 * price before a discount or tax. Numbers are chosen so that the answer (and every intermediate price) is exact in
 * cents or hundredths of a percent. Difficulty: round rates at 1, any whole rate at 2-3, quarter-percent rates from
 * 4; successive changes from 3 (overall change at 4, three steps at 5), reverse problems from 4, ratio differences
 * and five-part budgets at 5.
 */
import type { Faker } from '@faker-js/faker';
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import { capitalize, cityName, companyName, distinct, firstName, lazy, singularProductName, withArticle } from '../shared/entities.js';
import * as X from './util/exact.js';
import { answerKind, drawPercentInputs, solvePercent, type PercentInputs } from './util/percent-problems.js';

export interface PercentagesConfig extends BaseConfig {
  /** Upper bound on prices, in dollars. */
  maxPrice: number;
}

const BUDGETS = {
  personal: ['rent', 'food', 'transport', 'savings', 'utilities', 'entertainment'],
  company: ['online ads', 'print ads', 'events', 'sponsorships', 'market research', 'video production'],
};

/** A dollar amount as a price tag shows it: "151" for 151.00, "84.20" otherwise. */
const dollars = (amount: string) => (amount.endsWith('.00') ? amount.slice(0, -3) : amount);

/** The template fields of a problem (strict templates need every field they use). */
function fields(p: PercentInputs, rng: Rng, f: Faker): Record<string, unknown> {
  const product = lazy(() => singularProductName(f).toLowerCase());
  // Extended with Object.assign per task: on Node 20 an object spread costs microseconds.
  const base = {
    name: lazy(() => firstName(f)),
    company: lazy(() => companyName(f)),
    city: lazy(() => cityName(f)),
    product,
    aProduct: () => withArticle(product()),
    AProduct: () => capitalize(withArticle(product())),
  };
  switch (p.task) {
    case 'percent-of':
      return Object.assign(base, { rate: p.rate, whole: p.whole });
    case 'discount':
    case 'tax':
      return Object.assign(base, { rate: p.rate, price: dollars(p.price) });
    case 'reverse':
      return Object.assign(base, { rate: p.rate, after: dollars(p.after), tax: p.tax });
    case 'change': {
      const up = X.cmp(X.dec(p.to), X.dec(p.from)) > 0;
      return Object.assign(base, { from: p.from, to: p.to, direction: up ? 'increase' : 'decrease', verb: up ? 'rose' : 'fell' });
    }
    case 'share': {
      const personal = rng.bool(0.5);
      const labels = rng.sample(personal ? BUDGETS.personal : BUDGETS.company, p.parts.length);
      const owner = personal ? `${base.name()}'s monthly budget` : `the marketing budget of ${base.company()}`;
      const total = p.parts.reduce((s, x) => s + Number(x), 0);
      return Object.assign(base, {
        owner,
        Owner: capitalize(owner),
        total: String(total),
        inline: labels.map((l, i) => `${l} $${p.parts[i]}`).join(', '),
        list: labels.map((l, i) => `- ${l}: $${p.parts[i]}`).join('\n'),
        target: labels[p.index],
        amount: p.parts[p.index],
      });
    }
    case 'ratio': {
      const names = distinct(p.ratio.length, () => firstName(f));
      for (let i = names.length; i < p.ratio.length; i++) names.push(`Partner ${String.fromCharCode(65 + i)}`);
      return Object.assign(base, {
        names,
        ratio: p.ratio.join(':'),
        total: dollars(p.total),
        target: names[p.index],
        other: p.minus === undefined ? '' : names[p.minus],
        diff: p.minus !== undefined,
      });
    }
    case 'successive': {
      const changes = p.changes.map((c) => (c.startsWith('-') ? `falls by ${c.slice(1)}%` : `rises by ${c}%`));
      const final = solvePercentSign(p);
      return Object.assign(base, { price: dollars(p.price), changes, askPercent: p.askPercent, direction: final > 0 ? 'higher' : 'lower' });
    }
  }
}

/** Sign of the overall change of a successive problem (its answer is the magnitude). */
function solvePercentSign(p: PercentInputs & { task: 'successive' }): number {
  const f = p.changes.reduce((acc, c) => X.mul(acc, X.div(X.add(X.q(100), X.dec(c)), X.q(100))), X.q(1));
  return X.cmp(f, X.q(1));
}

export const percentages: GeneratorDef<PercentagesConfig, AnswerTruth> = {
  family: 'inference',
  name: 'percentages',
  version: 1,
  verifier: 'answer',
  description: 'Discounts, tax, percentage change, shares, ratio splits and successive changes, with exact answers.',
  defaults: { difficulty: 2, maxPrice: 200 },
  validateConfig(c) {
    if (!Number.isInteger(c.maxPrice) || c.maxPrice < 10 || c.maxPrice > 1_000_000) {
      throw new Error('inference.percentages@1: maxPrice must be an integer from 10 to 1000000');
    }
    return c;
  },
  generate({ rng, faker, config, templates }): Draft<AnswerTruth> {
    const p = drawPercentInputs(rng, config.difficulty, config.maxPrice);
    const exact = solvePercent(p);
    const kind = answerKind(p);
    let truth: AnswerTruth;
    if (kind === 'money') truth = { answer: X.fixed(exact, 2), type: 'number', units: ['$', 'dollars', 'USD'] };
    else if (kind === 'percent') truth = { answer: X.shortText(exact, 2)!, type: 'number', units: ['%', 'percent', 'per cent'] };
    else truth = { answer: X.fixed(exact, 0), type: 'number', units: ['employees', 'residents', 'people', 'units'] };
    const r = templates.render(p.task, fields(p, rng, faker), rng);
    return {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: truth,
      answer: truth.answer,
      tags: ['percentages', p.task],
    };
  },
  nearMisses(draft) {
    const a = draft.ground_truth.answer;
    const places = a.includes('.') ? a.length - a.indexOf('.') - 1 : 0;
    const k = X.round(X.dec(a), places).scaled;
    const unit = 10n ** BigInt(places);
    const f = (x: bigint) => X.formatScaled(x, places);
    // Off by one whole unit, off by one in the last place, ten times too large, and a hedge.
    const out = [f(k + unit), f(k - unit), f(k * 10n + (k === 0n ? unit : 0n)), `${a} or ${f(k + unit)}`];
    if (places > 0) out.push(f(k + 1n));
    return out;
  },
};

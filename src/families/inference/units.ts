/**
 * inference.units: unit conversions in word problems (lengths, masses, volumes, times, temperatures, data sizes,
 * speeds, data rates, unit prices, fuel economy), solved exactly and rounded to a number of decimals the prompt
 * states. Every definition beyond metric prefixes and clock units is stated in the prompt, so the answer is exact.
 * Difficulty: 1 one-system conversions, 2 metric/US customary, 3 any pair and speeds, 4 compound units and sums of
 * mixed units, 5 multi-step problems (travel time, download time, cost, fuel) and longer sums.
 */
import type { Faker } from '@faker-js/faker';
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import { CONTEXTS, twoCities } from './data/unit-contexts.js';
import { joinWords } from '../../core/render.js';
import { cityName, companyName, firstName, pluralNoun } from '../shared/entities.js';
import * as X from './util/exact.js';
import * as U from './util/unit-math.js';
import {
  ANY_PAIRS, COMPOUND_PAIRS, CROSS_PAIRS, EASY_PAIRS, drawAmount, drawMulti, drawPrice, drawTemperature, drawTotal, hintsOf, readableRange, solveUnits,
  type Amount, type UnitInputs,
} from './util/unit-problems.js';

export interface UnitsConfig extends BaseConfig {
  /** The most decimals an answer is asked for. */
  maxDecimals: number;
}

type TempPair = readonly [U.TempUnit, U.TempUnit];
const C_F: readonly TempPair[] = [['C', 'F'], ['F', 'C']];
const ALL_TEMPS: readonly TempPair[] = [['C', 'F'], ['F', 'C'], ['C', 'K'], ['K', 'C'], ['F', 'K'], ['K', 'F']];
const HARD_KINDS = ['speed', 'rate', 'price-mass', 'price-volume', 'fuel'] as const;

/** A conversion between one of `pairs`, its input kept where the result reads well (no 2,000,000 mg). */
function convertPair(rng: Rng, pairs: readonly (readonly [string, string])[], places: number): UnitInputs {
  const [from, to] = rng.pick(pairs);
  const range = readableRange(from, to);
  const money = U.COMPOUND.get(from)?.num === 'usd';
  return { kind: 'convert', from: money ? drawPrice(rng, from, range) : drawAmount(rng, from, places, range), to };
}

export function drawUnitInputs(rng: Rng, difficulty: number): UnitInputs {
  const u = rng.next();
  switch (difficulty) {
    case 1:
      return convertPair(rng, EASY_PAIRS, 0);
    case 2:
      return u < 0.8 ? convertPair(rng, CROSS_PAIRS, rng.int(0, 1)) : drawTemperature(rng, C_F, 0);
    case 3:
      if (u < 0.6) return convertPair(rng, ANY_PAIRS, rng.int(1, 2));
      return u < 0.8 ? drawTemperature(rng, ALL_TEMPS, rng.int(0, 1)) : convertPair(rng, COMPOUND_PAIRS.speed!, rng.int(0, 1));
    case 4: {
      if (u >= 0.55) return drawTotal(rng, 2, 1);
      const kind = rng.pick(HARD_KINDS);
      return convertPair(rng, COMPOUND_PAIRS[kind]!, rng.int(0, 1));
    }
    default:
      return u < 0.65 ? drawMulti(rng) : drawTotal(rng, 3, 2);
  }
}

const isMoney = (p: UnitInputs) => p.kind === 'cost' || (p.kind === 'convert' && p.to.startsWith('usd'));

/** Decimals asked for: about 3 significant digits (4 from difficulty 3), cents for money, tenths for temperatures. */
function placesFor(p: UnitInputs, exact: X.Q, difficulty: number, maxDecimals: number): number {
  if (isMoney(p)) return Math.min(2, maxDecimals);
  if (p.kind === 'temperature') return Math.min(1, maxDecimals);
  const v = Math.abs(X.toNumber(exact));
  const mag = v > 0 ? Math.floor(Math.log10(v)) : 0;
  return Math.min(maxDecimals, Math.max(0, (difficulty >= 3 ? 4 : 3) - 1 - mag));
}

const precisionText = (places: number) =>
  places === 0 ? 'to the nearest whole number' : places === 1 ? 'to 1 decimal place' : `to ${places} decimal places`;

function amountText(a: Amount, useSymbol: boolean): string {
  if (a.unit === 'C' || a.unit === 'F' || a.unit === 'K') {
    const t = U.TEMP_NAMES[a.unit];
    return useSymbol ? `${a.value} ${t.symbol}` : `${a.value} ${a.value === '1' ? t.singular : t.plural}`;
  }
  return U.quantityText(a.value, a.unit, useSymbol);
}

const targetNames = (id: string): U.Named => (id === 'C' || id === 'F' || id === 'K' ? U.TEMP_NAMES[id] : U.named(id));

function contextKey(p: UnitInputs & { kind: 'convert' | 'temperature' }): string {
  if (p.kind === 'temperature') return `temp:${p.band}`;
  const comp = U.COMPOUND.get(p.from.unit);
  if (comp) return comp.kind;
  const s = U.SIMPLE.get(p.from.unit)!;
  return s.dim === 'data' ? 'data' : `${s.dim}:${s.scale}`;
}

const GOODS = ['a book', 'a jar of honey', 'a pair of boots', 'a laptop', 'a toolkit', 'a bag of rice', 'a desk lamp', 'a box of tea'];
const DRINKS = ['orange juice', 'soda water', 'iced tea', 'lemonade', 'apple juice'];
const ERRANDS = ['at the bank', 'at the market', 'at the post office', 'at the library', 'at the hardware store', 'at the pharmacy'];

function totalText(p: UnitInputs & { kind: 'total' }, rng: Rng, f: Faker, sym: boolean) {
  const name = firstName(f);
  const q = p.parts.map((a) => amountText(a, sym));
  const dim = U.SIMPLE.get(p.to)!.dim;
  if (dim === 'mass') {
    const goods = rng.sample(GOODS, q.length);
    return {
      context: `${name} is packing a parcel for ${cityName(f)}: ${joinWords(goods.map((g, i) => `${g} weighing ${q[i]}`))}.`,
      intro: `${name} is packing a parcel for ${cityName(f)} with these items:`,
      items: goods.map((g, i) => `${g}: ${q[i]}`),
      quantity: 'total weight of the items',
    };
  }
  if (dim === 'length') {
    const city = cityName(f);
    return {
      context: `${name}'s cycling route through ${city} has ${q.length} legs, of ${joinWords(q)}.`,
      intro: `${name}'s cycling route through ${city} has these legs:`,
      items: q.map((x, i) => `leg ${i + 1}: ${x}`),
      quantity: 'total length of the route',
    };
  }
  if (dim === 'volume') {
    const drinks = rng.sample(DRINKS, q.length);
    return {
      context: `For a party at ${companyName(f)}, ${name} mixes a punch from ${joinWords(drinks.map((d, i) => `${q[i]} of ${d}`))}.`,
      intro: `${name} mixes a punch for a party at ${companyName(f)} from:`,
      items: drinks.map((d, i) => `${d}: ${q[i]}`),
      quantity: 'total volume of the punch',
    };
  }
  const errands = rng.sample(ERRANDS, q.length);
  return {
    context: `On Saturday, ${name} spends ${joinWords(errands.map((e, i) => `${q[i]} ${e}`))}.`,
    intro: `Time ${name} spends on Saturday errands:`,
    items: errands.map((e, i) => `${e}: ${q[i]}`),
    quantity: 'total time spent on the errands',
  };
}

function multiText(p: UnitInputs & { kind: 'travel' | 'download' | 'cost' | 'fuel' }, f: Faker, sym: boolean) {
  const name = firstName(f);
  const a = amountText(p.a, sym);
  const b = amountText(p.b, sym);
  const to = targetNames(p.to).plural;
  switch (p.kind) {
    case 'travel': {
      const [from, dest] = twoCities(f);
      return { facts: [`${name} drives from ${from} to ${dest}, a distance of ${a}.`, `The average speed for the trip is ${b}.`], question: `How long does the drive take, in ${to}?` };
    }
    case 'download':
      return { facts: [`${name} downloads a file of ${a} from ${companyName(f)}.`, `The connection transfers data at a steady ${b}.`], question: `How many ${to} does the download take?` };
    case 'cost': {
      const fruit = pluralNoun(f.food.fruit());
      return { facts: [`At the ${cityName(f)} market, ${fruit} sell for ${a}.`, `${name} buys ${b} of ${fruit}.`], question: `How much does ${name} pay, in dollars?` };
    }
    case 'fuel':
      return { facts: [`${name}'s car has a fuel economy of ${b}.`, `${name} drives ${a} to ${cityName(f)}.`], question: `How many ${to} of fuel does the trip use?` };
  }
}

/** The inputs, the decimals asked for and the rounded answer: the first draws of an item. */
export function composeUnitProblem(rng: Rng, difficulty: number, maxDecimals: number): { inputs: UnitInputs; places: number; answer: string } {
  let p = drawUnitInputs(rng, difficulty);
  let exact = solveUnits(p);
  let places = placesFor(p, exact, difficulty, maxDecimals);
  // An exact value halfway between two roundings has no single right answer: draw again, or ask one more decimal.
  for (let t = 0; t < 8 && X.round(exact, places).tie; t++) {
    p = drawUnitInputs(rng, difficulty);
    exact = solveUnits(p);
    places = placesFor(p, exact, difficulty, maxDecimals);
  }
  if (X.round(exact, places).tie) places += 1;
  return { inputs: p, places, answer: X.formatScaled(X.round(exact, places).scaled, places) };
}

export const units: GeneratorDef<UnitsConfig, AnswerTruth> = {
  family: 'inference',
  name: 'units',
  version: 1,
  verifier: 'answer',
  description: 'Unit conversions in word problems, with exact definitions and a stated rounding.',
  defaults: { difficulty: 2, maxDecimals: 3 },
  validateConfig(c) {
    if (!Number.isInteger(c.maxDecimals) || c.maxDecimals < 0 || c.maxDecimals > 6) {
      throw new Error('inference.units@1: maxDecimals must be an integer from 0 to 6');
    }
    return c;
  },
  generate({ rng, faker, config, templates }): Draft<AnswerTruth> {
    const { inputs: p, places, answer } = composeUnitProblem(rng, config.difficulty, config.maxDecimals);
    const sym = rng.bool(0.5);
    const target = p.to;
    const names = targetNames(target);
    // Filled in with Object.assign below: on Node 20 an object spread costs microseconds.
    const common = { precision: precisionText(places), hints: hintsOf(p), toName: names.plural, toSymbol: names.symbol };
    let r: { template: string; text: string };
    if (p.kind === 'convert' || p.kind === 'temperature') {
      const ctx = rng.pick(CONTEXTS[contextKey(p)]!)(faker, amountText(p.from, sym));
      r = templates.render('convert', Object.assign(common, { context: ctx.text, quantity: ctx.quantity }), rng);
    } else if (p.kind === 'total') {
      r = templates.render('total', Object.assign(common, totalText(p, rng, faker, sym)), rng);
    } else {
      r = templates.render('multi', Object.assign(common, multiText(p, faker, sym)), rng);
    }
    // A unit price may be written as a bare dollar amount ("$7.25").
    const unitForms = p.kind === 'temperature' ? U.tempAnswerUnits(p.to) : U.answerUnits(target);
    if (U.COMPOUND.get(target)?.num === 'usd') unitForms.push('$', 'dollars');
    return {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: { answer, type: 'number', tolerance: 0.5 * 10 ** -places, units: unitForms },
      answer,
      tags: ['units', p.kind],
    };
  },
  nearMisses(draft) {
    const a = draft.ground_truth.answer;
    const places = a.includes('.') ? a.length - a.indexOf('.') - 1 : 0;
    const k = X.round(X.dec(a), places).scaled;
    const f = (x: bigint) => X.formatScaled(x, places);
    const tenfold = k === 0n ? k + 10n : k * 10n;
    return [f(k + 1n), f(k - 1n), f(tenfold), `${a} or ${f(k + 1n)}`];
  },
};

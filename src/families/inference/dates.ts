/**
 * inference.dates: calendar arithmetic about named events (meetings, deliveries, flights, ages, leases). Tasks: the
 * weekday or date a chain of day/week offsets away from a dated event, the days between two dates (exclusive, or
 * inclusive of both ends), the weekday of a date given today's, an age in whole years, a duration in whole months.
 * Difficulty widens the offsets and spans, chains two or three offsets, and forces month and leap-day crossings.
 */
import type { Faker } from '@faker-js/faker';
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import * as cal from './util/calendar.js';
import { DATE_TASKS, drawDateInputs, offsetText, solveDate, type DateInputs, type DateTask } from './util/date-problems.js';
import { capitalize, cityName, companyName, department, distinct, firstName, lazy, productNoun } from '../shared/entities.js';

export interface DatesConfig extends BaseConfig {
  /** How many years before or after the reference date the dates of a problem may lie. */
  spanYears: number;
}

/** One-day events, so that "N days after the event" has one meaning. */
const EVENTS: readonly ((f: Faker) => string)[] = [
  (f) => `the project meeting with ${firstName(f)}`,
  (f) => `${firstName(f)}'s flight to ${cityName(f)}`,
  (f) => `the ${productNoun(f)} delivery from ${companyName(f)}`,
  (f) => `${firstName(f)}'s dentist appointment`,
  (f) => `the quarterly review with ${companyName(f)}`,
  (f) => `${firstName(f)}'s job interview at ${companyName(f)}`,
  (f) => `the ${department(f).toLowerCase()} department's stock check`,
  (f) => `the contract deadline for ${companyName(f)}`,
  (f) => `${firstName(f)}'s birthday party`,
  (f) => `the product launch in ${cityName(f)}`,
  (f) => `the site inspection in ${cityName(f)}`,
  (f) => `the board meeting at ${companyName(f)}`,
];

/** Events that last a few days to two months, for counts that include both ends. */
const SHORT_RUNS: readonly ((f: Faker) => string)[] = [
  (f) => `the ${cityName(f)} food festival`,
  (f) => `${firstName(f)}'s art exhibition in ${cityName(f)}`,
  (f) => `the ${productNoun(f)} trade fair in ${cityName(f)}`,
  (f) => `${firstName(f)}'s car rental`,
  (f) => `the sales training course at ${companyName(f)}`,
  (f) => `the book sale at the ${cityName(f)} library`,
];

/** Runs that plausibly last months or years. */
const LONG_RUNS: readonly ((f: Faker) => string)[] = [
  (f) => `the construction of the new library in ${cityName(f)}`,
  (f) => `${firstName(f)}'s research contract with ${companyName(f)}`,
  (f) => `the renovation of the ${cityName(f)} museum`,
  (f) => `${companyName(f)}'s lease on its ${cityName(f)} office`,
  (f) => `the ${cityName(f)} bridge repair project`,
];

const VERBS = ['is', 'takes place', 'falls', 'is scheduled'] as const;

const WEEKDAY_STYLES: readonly cal.DateStyle[] = ['us-weekday', 'eu-weekday'];

/** Stand-ins, should a bounded draw of distinct events come up short. */
const SPARE_EVENTS = ['the follow-up meeting', 'the final review', 'the handover', 'the audit'];

function events(faker: Faker, rng: Rng, n: number): string[] {
  const out = distinct(n, () => rng.pick(EVENTS)(faker), 50);
  for (let i = 0; out.length < n; i++) out.push(SPARE_EVENTS[i]!);
  return out;
}

const number = (answer: string, units: string[]): AnswerTruth => ({ answer, type: 'number', units });

function render(task: DateTask, inputs: DateInputs, rng: Rng, faker: Faker): { data: object; truth: AnswerTruth } {
  const answer = solveDate(task, inputs);
  const style = rng.pick(cal.PLAIN_STYLES);
  const fmt = (day: number) => cal.formatDate(day, style);
  if (inputs.kind === 'chain') {
    const names = events(faker, rng, inputs.offsets.length + 1);
    const clauses = inputs.offsets.map(
      (o, i) => `${names[i + 1]} ${rng.pick(VERBS)} ${offsetText(o)} ${o.sign > 0 ? 'after' : 'before'} ${names[i]}`,
    );
    const date = task === 'weekday-after' ? cal.formatDate(inputs.start, rng.pick(WEEKDAY_STYLES)) : fmt(inputs.start);
    const data = {
      start: names[0],
      Start: capitalize(names[0]!),
      date,
      clauses,
      facts: clauses.map((c) => `${capitalize(c)}.`),
      target: names[names.length - 1],
      Target: capitalize(names[names.length - 1]!),
    };
    if (task === 'weekday-after') return { data, truth: { answer, type: 'string', aliases: [answer.slice(0, 3)] } };
    return { data, truth: { answer, type: 'date' } };
  }
  if (inputs.kind === 'day') {
    const event = rng.pick(EVENTS)(faker);
    return {
      data: { today: cal.formatDate(inputs.today, rng.pick(WEEKDAY_STYLES)), event, Event: capitalize(event), date: fmt(inputs.day) },
      truth: { answer, type: 'string', aliases: [answer.slice(0, 3)] },
    };
  }
  // Object.assign onto this fresh object, not object spread: on Node 20 a spread costs microseconds.
  const base = { name: lazy(() => firstName(faker)), from: fmt(inputs.from), to: fmt(inputs.to), company: lazy(() => companyName(faker)) };
  switch (task) {
    case 'days-between': {
      const [first, second] = events(faker, rng, 2);
      const data = Object.assign(base, { first, First: capitalize(first!), second, Second: capitalize(second!) });
      return { data, truth: number(answer, ['days', 'day']) };
    }
    case 'days-inclusive': {
      const event = rng.pick(inputs.to - inputs.from < 60 ? SHORT_RUNS : LONG_RUNS)(faker);
      return { data: Object.assign(base, { event, Event: capitalize(event) }), truth: number(answer, ['days', 'day']) };
    }
    case 'age':
      return { data: base, truth: number(answer, ['years old', 'years', 'year']) };
    default:
      return { data: Object.assign(base, { product: lazy(() => productNoun(faker)) }), truth: number(answer, ['full months', 'months', 'month']) };
  }
}

/** The task and its inputs, the first draws of an item (a test replays them from the same seed). */
export function drawDateProblem(rng: Rng, ref: number, difficulty: number, spanYears: number): { task: DateTask; inputs: DateInputs } {
  const task = rng.pick(DATE_TASKS);
  return { task, inputs: drawDateInputs(rng, task, ref, difficulty, spanYears) };
}

// The reference date is the same for a whole run: parse it once, not per item.
let lastRef = '';
let lastRefDay = 0;
function refDay(iso: string): number {
  if (iso !== lastRef) {
    lastRefDay = cal.parseIso(iso);
    lastRef = iso;
  }
  return lastRefDay;
}

export const dates: GeneratorDef<DatesConfig, AnswerTruth> = {
  family: 'inference',
  name: 'dates',
  version: 1,
  verifier: 'answer',
  description: 'Date and weekday arithmetic about named events: offsets, spans, weekdays, ages and whole months.',
  defaults: { difficulty: 2, spanYears: 3 },
  validateConfig(c) {
    if (!Number.isInteger(c.spanYears) || c.spanYears < 1 || c.spanYears > 100) {
      throw new Error('inference.dates@1: spanYears must be an integer from 1 to 100');
    }
    return c;
  },
  generate({ rng, faker, config, refDate, templates }): Draft<AnswerTruth> {
    const { task, inputs } = drawDateProblem(rng, refDay(refDate), config.difficulty, config.spanYears);
    const { data, truth } = render(task, inputs, rng, faker);
    const r = templates.render(task, data, rng);
    return {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: truth,
      answer: truth.answer,
      tags: ['dates', task],
    };
  },
  nearMisses(draft, rng) {
    const t = draft.ground_truth;
    if (t.type === 'string') {
      const i = cal.WEEKDAYS.indexOf(t.answer as (typeof cal.WEEKDAYS)[number]);
      const at = (k: number) => cal.WEEKDAYS[(((i + k) % 7) + 7) % 7]!;
      return [at(1), at(-1), at(rng.int(2, 5)), `${t.answer} or ${at(1)}`];
    }
    if (t.type === 'date') {
      const day = cal.parseIso(t.answer);
      const c = cal.civilOf(day);
      // The same day-of-month in the next month: the slip of someone counting months instead of days.
      const nextMonth = cal.isoOf(cal.addMonths(cal.dayOf(c.y, c.m, Math.min(c.d, 28)), 1));
      return [cal.isoOf(day + 1), cal.isoOf(day - 1), cal.isoOf(day + 7), nextMonth, `${t.answer} or ${cal.isoOf(day + 1)}`];
    }
    const v = Number(t.answer);
    return [String(v + 1), String(v - 1), `${v} or ${v + 1}`, `about ${v}`];
  },
};

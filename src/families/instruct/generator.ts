/**
 * instruct.ifeval: a task from the template library (emails, stories, recipes, ...) filled by faker, plus 1..N
 * checkable constraints with IFEval's ids and kwargs; the item carries a witness response that the `ifeval` verifier
 * accepts strictly. See compose.ts for how constraints are drawn and the witness is built.
 */
import { cityName, companyName, firstName, fullName, jobTitle, productName } from '../shared/entities.js';
import type { Faker } from '@faker-js/faker';
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import { compose, CONSTRAINT_SETS, type ConstraintSet } from './compose.js';
import { FILLER_SENTENCES } from './data/filler.js';
import { TOPICS } from './data/topics.js';
import type { IfevalTruth } from './ifeval.js';
import { instructNearMisses } from './near-misses.js';

export interface InstructConfig extends BaseConfig {
  minConstraints: number;
  maxConstraints: number;
  constraints: ConstraintSet;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date `days` after the run's reference date, as "March 5, 2025" (UTC, no locale). */
function dateAfter(refDate: string, days: number): string {
  const [y, m, d] = refDate.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()}, ${t.getUTCFullYear()}`;
}

/** A short generated passage for the summary tasks (plain sentences about a study, a place and its people). */
function passage(rng: Rng, name: string, city: string, company: string): string {
  const nouns = ['survey', 'study', 'report', 'program', 'sample'];
  const s = [`${name} led a study for ${company} in ${city}.`];
  const n = rng.int(3, 5);
  for (let i = 0; i < n; i++) s.push(rng.pick(FILLER_SENTENCES).replace('{n}', rng.pick(nouns)));
  s.push(`The final report was shared with the staff in ${city}.`);
  return s.join(' ');
}

/**
 * The fields a template may use, each drawn from faker only when the template reads it (a template uses three or four
 * of them; drawing all costs more than the rest of the item). Deterministic: a template reads its fields in a fixed order.
 * Own getters of an object literal (templates read own properties only); no draw returns undefined, so `??=` draws once.
 */
function templateData(faker: Faker, rng: Rng, refDate: string): object {
  let name: string | undefined;
  let first: string | undefined;
  let other: string | undefined;
  let company: string | undefined;
  let product: string | undefined;
  let city: string | undefined;
  let job: string | undefined;
  let date: string | undefined;
  let price: string | undefined;
  let number: number | undefined;
  let text: string | undefined;
  const data = {
    // First and last name only: faker's fullName() adds prefixes and suffixes ("Ms. ... Koch I"), and a bare roman
    // "I" reads as a first-person subject when the witness repeats the request. The names come from faker's word
    // lists in single draws: its pattern helpers (company.name, jobTitle, productName) cost 6-13 µs each.
    get name() {
      return (name ??= fullName(faker));
    },
    get first() {
      return (first ??= firstName(faker));
    },
    get other() {
      return (other ??= fullName(faker));
    },
    get company() {
      return (company ??= companyName(faker));
    },
    get product() {
      return (product ??= productName(faker));
    },
    get city() {
      return (city ??= cityName(faker));
    },
    get job() {
      return (job ??= jobTitle(faker));
    },
    get date() {
      return (date ??= dateAfter(refDate, rng.int(1, 90)));
    },
    get price() {
      return (price ??= `${rng.int(5, 400)}.${rng.pick(['00', '49', '99'])}`);
    },
    get number() {
      return (number ??= rng.int(3, 12));
    },
    get passage() {
      return (text ??= passage(rng, data.name, data.city, data.company));
    },
  };
  return data;
}

export const instructIfeval: GeneratorDef<InstructConfig, IfevalTruth> = {
  family: 'instruct',
  name: 'ifeval',
  version: 1,
  verifier: 'ifeval',
  description: 'Writing tasks (emails, stories, recipes, ...) with 1-N IFEval-style checkable constraints and a verified witness.',
  defaults: { difficulty: 2, minConstraints: 1, maxConstraints: 3, constraints: 'ifeval' },
  validateConfig(c) {
    if (!Number.isInteger(c.minConstraints) || c.minConstraints < 1) throw new Error('instruct.ifeval@1: minConstraints must be an integer >= 1');
    if (!Number.isInteger(c.maxConstraints) || c.maxConstraints < c.minConstraints || c.maxConstraints > 8)
      throw new Error('instruct.ifeval@1: maxConstraints must be an integer from minConstraints to 8');
    if (!CONSTRAINT_SETS.includes(c.constraints)) throw new Error(`instruct.ifeval@1: constraints must be one of ${CONSTRAINT_SETS.join(', ')}`);
    return c;
  },
  generate({ rng, faker, config, templates, refDate }): Draft<IfevalTruth> {
    const task = rng.pick(templates.tasks);
    const topic = TOPICS[task] ?? TOPICS.email!;
    const { template, text: request } = templates.render(task, templateData(faker, rng, refDate), rng);
    const c = compose({
      rng,
      request,
      keywords: topic.keywords,
      nouns: topic.nouns,
      difficulty: config.difficulty,
      set: config.constraints,
      minConstraints: config.minConstraints,
      maxConstraints: config.maxConstraints,
    });
    const ids = c.instructions.map((i) => i.def.id);
    const draft: Draft<IfevalTruth> = {
      template,
      messages: [{ role: 'user', content: c.prompt }],
      ground_truth: { instruction_id_list: ids, kwargs: c.instructions.map((i) => i.kwargs) },
      answer: null,
      witness: c.witness,
      tags: [task, ...ids],
    };
    if (Object.keys(c.counters).length) draft.counters = c.counters;
    return draft;
  },
  nearMisses(draft) {
    return instructNearMisses(draft.ground_truth, draft.witness ?? '');
  },
};

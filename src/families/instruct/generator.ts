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

/** dateAfter for the (refDate, days) pairs a run uses (one refDate, 90 days), each formatted once per process. */
const datesByRef = new Map<string, string[]>();
function cachedDateAfter(refDate: string, days: number): string {
  let dates = datesByRef.get(refDate);
  if (!dates) {
    if (datesByRef.size >= 16) datesByRef.clear(); // a process that serves many reference dates stays bounded
    datesByRef.set(refDate, (dates = []));
  }
  return (dates[days] ??= dateAfter(refDate, days));
}

/** A short generated passage for the summary tasks (plain sentences about a study, a place and its people). */
function passage(rng: Rng, name: string, city: string, company: string): string {
  let s = `${name} led a study for ${company} in ${city}.`;
  const n = rng.int(3, 5);
  for (let i = 0; i < n; i++) s += ` ${rng.pick(FILLER_SENTENCES).replace('{n}', rng.pick(PASSAGE_NOUNS))}`;
  return `${s} The final report was shared with the staff in ${city}.`;
}
const PASSAGE_NOUNS: readonly string[] = ['survey', 'study', 'report', 'program', 'sample'];

/**
 * The draws of the item being rendered. Rendering is synchronous and keeps no reference to its data, so one object
 * serves every item: `templateData` resets it. (An object literal of getters per item cost as much as the drawing:
 * each item's fresh accessor closures give its object a map of its own, and the template's property reads go
 * megamorphic.)
 */
class TemplateDraws {
  faker!: Faker;
  rng!: Rng;
  refDate = '';
  name: string | undefined = undefined;
  first: string | undefined = undefined;
  other: string | undefined = undefined;
  company: string | undefined = undefined;
  product: string | undefined = undefined;
  city: string | undefined = undefined;
  job: string | undefined = undefined;
  date: string | undefined = undefined;
  price: string | undefined = undefined;
  number: number | undefined = undefined;
  passage: string | undefined = undefined;

  reset(faker: Faker, rng: Rng, refDate: string): void {
    this.faker = faker;
    this.rng = rng;
    this.refDate = refDate;
    this.name = this.first = this.other = this.company = this.product = this.city = this.job = undefined;
    this.date = this.price = this.passage = undefined;
    this.number = undefined;
  }
}

const draws = new TemplateDraws();

/**
 * The fields a template may use, each drawn from faker only when the template reads it (a template uses three or four
 * of them; drawing all costs more than the rest of the item). Deterministic: a template reads its fields in a fixed order.
 * Own getters (templates read own properties only); no draw returns undefined, so `??=` draws once per item.
 */
const TEMPLATE_DATA = {
  // First and last name only: faker's fullName() adds prefixes and suffixes ("Ms. ... Koch I"), and a bare roman
  // "I" reads as a first-person subject when the witness repeats the request. The names come from faker's word
  // lists in single draws: its pattern helpers (company.name, jobTitle, productName) cost 6-13 µs each.
  get name() {
    return (draws.name ??= fullName(draws.faker));
  },
  get first() {
    return (draws.first ??= firstName(draws.faker));
  },
  get other() {
    return (draws.other ??= fullName(draws.faker));
  },
  get company() {
    return (draws.company ??= companyName(draws.faker));
  },
  get product() {
    return (draws.product ??= productName(draws.faker));
  },
  get city() {
    return (draws.city ??= cityName(draws.faker));
  },
  get job() {
    return (draws.job ??= jobTitle(draws.faker));
  },
  get date() {
    return (draws.date ??= cachedDateAfter(draws.refDate, draws.rng.int(1, 90)));
  },
  get price() {
    return (draws.price ??= `${draws.rng.int(5, 400)}.${draws.rng.pick(CENTS)}`);
  },
  get number() {
    return (draws.number ??= draws.rng.int(3, 12));
  },
  get passage() {
    return (draws.passage ??= passage(draws.rng, TEMPLATE_DATA.name, TEMPLATE_DATA.city, TEMPLATE_DATA.company));
  },
};
const CENTS: readonly string[] = ['00', '49', '99'];

function templateData(faker: Faker, rng: Rng, refDate: string): object {
  draws.reset(faker, rng, refDate);
  return TEMPLATE_DATA;
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

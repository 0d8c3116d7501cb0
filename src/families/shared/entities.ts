/**
 * Named things for prompts of every family (people, products, cities, companies, events), all drawn from the item's
 * seeded faker. Faker's pattern-based helpers (fullName, city, productName, company.name) cost 5-12 µs each, so the
 * names are composed here from faker's own word lists with cheap single draws.
 */
import type { Faker } from '@faker-js/faker';

/** A plain capitalised ASCII word: sorts the same by code unit and case-insensitively. */
export const PLAIN_WORD = /^[A-Z][a-z]+$/;

const filtered = new WeakMap<Faker, Record<string, readonly string[]>>();

/**
 * A faker word list with unwanted entries removed, built once per faker instance (keyed by the instance: reading
 * `faker.definitions` goes through a proxy that costs a quarter of a microsecond).
 */
function list(faker: Faker, key: string, source: () => readonly string[], keep: (s: string) => boolean): readonly string[] {
  let cache = filtered.get(faker);
  if (!cache) {
    cache = {};
    filtered.set(faker, cache);
  }
  let out = cache[key];
  if (!out) {
    out = source().filter(keep);
    cache[key] = out;
  }
  return out;
}

/** All of faker's first names (generic, female, male), deduplicated. */
function firstNames(faker: Faker): readonly string[] {
  return list(
    faker,
    'first',
    () => {
      const fn = faker.definitions.person.first_name;
      return [...new Set([...(fn.generic ?? []), ...(fn.female ?? []), ...(fn.male ?? [])])];
    },
    () => true,
  );
}

/** A first name: one draw from faker's lists (person.firstName first draws a sex, at twice the cost). */
export function firstName(faker: Faker): string {
  return faker.helpers.arrayElement(firstNames(faker));
}

/** A first name that is one plain capitalised ASCII word. */
export function plainFirstName(faker: Faker): string {
  return faker.helpers.arrayElement(plainPool(faker, 'first'));
}

/** A surname from faker's list, without its 5% double-barrelled pattern (and 4x faster than person.lastName). */
export function lastName(faker: Faker): string {
  return faker.helpers.arrayElement(list(faker, 'last', () => faker.definitions.person.last_name.generic ?? ['Smith'], () => true));
}

export function fullName(faker: Faker): string {
  return `${firstName(faker)} ${lastName(faker)}`;
}

/** A real US city name (no slashes or parentheses). */
export function cityName(faker: Faker): string {
  return faker.helpers.arrayElement(list(faker, 'city', () => faker.definitions.location.city_name, (s) => /^[A-Za-z .'-]+$/.test(s)));
}

/**
 * A made-up town name on faker's own patterns ("Port Ottis", "Kshlerinville"): for tables of statistics, where a
 * real city with invented figures would read as a false fact.
 */
export function townName(faker: Faker): string {
  const prefixes = list(faker, 'cityPrefix', () => faker.definitions.location.city_prefix, () => true);
  const suffixes = list(faker, 'citySuffix', () => faker.definitions.location.city_suffix, () => true);
  switch (faker.number.int(2)) {
    case 0:
      return `${faker.helpers.arrayElement(prefixes)} ${firstName(faker)}`;
    case 1:
      return `${firstName(faker)}${faker.helpers.arrayElement(suffixes)}`;
    default:
      return `${lastName(faker)}${faker.helpers.arrayElement(suffixes)}`;
  }
}

/** A one-word city name, for prompts that sort names alphabetically. */
export function plainCityName(faker: Faker): string {
  return faker.helpers.arrayElement(list(faker, 'plainCity', () => faker.definitions.location.city_name, (s) => PLAIN_WORD.test(s)));
}

// 'Oriental' is left out: a product adjective that names people is not wanted in training prompts.
const SKIP_ADJECTIVES = new Set(['Oriental']);

/** "Sleek Bamboo Chair": about 9,000 combinations. */
export function productName(faker: Faker): string {
  const adj = faker.helpers.arrayElement(
    list(faker, 'adjective', () => faker.definitions.commerce.product_name.adjective, (s) => !SKIP_ADJECTIVES.has(s)),
  );
  const material = faker.helpers.arrayElement(list(faker, 'material', () => faker.definitions.commerce.product_name.material, () => true));
  return `${adj} ${material} ${productWord(faker)}`;
}

/** Faker's product nouns ("Chair", "Keyboard", "Gloves"). */
function productWord(faker: Faker): string {
  return faker.helpers.arrayElement(list(faker, 'product', () => faker.definitions.commerce.product_name.product, () => true));
}

/** A product name whose noun is singular ("Sleek Bamboo Chair", not "... Gloves"), for "a/an ..." phrases. */
export function singularProductName(faker: Faker): string {
  let name = productName(faker);
  for (let i = 0; i < 10 && name.endsWith('s'); i++) name = productName(faker);
  return name.endsWith('s') ? 'Sleek Bamboo Chair' : name;
}

/** "a chair", "an apple". */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** A plain noun for a product ("chair", "keyboard"). */
export function productNoun(faker: Faker): string {
  return productWord(faker).toLowerCase();
}

export function companyName(faker: Faker): string {
  // Faker types this list loosely; in the en locale it is ['Group', 'Inc', 'LLC', 'and Sons'].
  const types = list(faker, 'legalEntity', () => faker.definitions.company.legal_entity_type as readonly string[], () => true);
  return `${lastName(faker)} ${faker.helpers.arrayElement(types)}`;
}

/** Faker's store departments ("Books", "Garden", ...). */
export function departments(faker: Faker): readonly string[] {
  return list(faker, 'departments', () => faker.definitions.commerce.department, () => true);
}

export function department(faker: Faker): string {
  return faker.helpers.arrayElement(departments(faker));
}

/** Every plain one-word first name or city name faker knows, deduplicated and sorted by code unit. */
export function plainPool(faker: Faker, which: 'first' | 'city'): readonly string[] {
  return list(
    faker,
    `plain-${which}`,
    () => {
      const fn = faker.definitions.person.first_name;
      const all = which === 'city' ? faker.definitions.location.city_name : [...(fn.generic ?? []), ...(fn.female ?? []), ...(fn.male ?? [])];
      return [...new Set(all)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    (s) => PLAIN_WORD.test(s),
  );
}

/** The plain names of `plainPool` that start with `letter`. */
export function plainWithInitial(faker: Faker, which: 'first' | 'city', letter: string): readonly string[] {
  return list(faker, `plain-${which}-${letter}`, () => plainPool(faker, which), (s) => s[0] === letter);
}

/** `n` distinct values of `draw`, or fewer if the pool runs dry after a bounded number of tries. */
export function distinct(n: number, draw: () => string, maxTries = n * 20): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let t = 0; t < maxTries && out.length < n; t++) {
    const v = draw();
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** English plural of a lower-case noun from faker's product and fruit lists ("cherry" → "cherries"). */
export function pluralNoun(noun: string): string {
  if (noun.endsWith('s') || noun === 'fish') return noun;
  if (noun.endsWith('sh') || noun.endsWith('ch') || noun.endsWith('tomato')) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/**
 * A template field computed on first use and then kept: handlebars calls a function-valued field when a template
 * prints it, so faker draws for names that the chosen phrasing never mentions are skipped. Deterministic: the
 * phrasing is drawn before rendering, and its fields are used in a fixed order.
 */
export function lazy<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** "Senior Data Engineer": faker's job-title pattern (descriptor, area, type) drawn from its lists directly. */
export function jobTitle(faker: Faker): string {
  const person = faker.definitions.person;
  const descriptor = list(faker, 'jobDescriptor', () => person.job_descriptor, () => true);
  const area = list(faker, 'jobArea', () => person.job_area, () => true);
  const type = list(faker, 'jobType', () => person.job_type, () => true);
  return `${faker.helpers.arrayElement(descriptor)} ${faker.helpers.arrayElement(area)} ${faker.helpers.arrayElement(type)}`;
}

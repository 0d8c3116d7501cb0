/**
 * ASCII word lists drawn from faker's English definitions, filtered once per faker instance: letters only, so that
 * "character", "letter" and "word" mean the same thing to every reader (no hyphens, apostrophes or accents).
 */
import type { Faker } from '@faker-js/faker';
import type { Rng } from '../../../core/rng.js';

export interface Lexicon {
  nouns: readonly string[];
  adjectives: readonly string[];
  verbs: readonly string[];
  /** Capitalized first names, letters only ("D'angelo" is left out). */
  names: readonly string[];
  /** Capitalized surnames, letters only ("O'Hara" is left out). */
  surnames: readonly string[];
  /** US city names of letters and spaces only ("St. Louis" and "Coeur d'Alene" are left out). */
  cities: readonly string[];
  /** Lowercase nouns, adjectives and verbs by length: byLength[k] holds the words of k letters. */
  byLength: readonly (readonly string[])[];
}

const LOWER = /^[a-z]+$/;
/** Word-like first names that faker's word lists do not contain. */
const WORD_NAMES = ['baby', 'will', 'may', 'june', 'april', 'august', 'bill', 'art', 'guy', 'mark', 'rich', 'sky', 'lady', 'ray', 'don', 'jack', 'rose', 'faith', 'grace', 'hunter', 'miles', 'reed', 'wade', 'dusty', 'misty', 'ivory', 'lucky', 'sage', 'tender'];
const CAPITALIZED = /^[A-Z][a-z]+$/;
const CITY = /^[A-Z][a-z]+( [A-Z][a-z]+)*$/;
const cache = new WeakMap<Faker, Lexicon>();

export function lexicon(faker: Faker): Lexicon {
  const hit = cache.get(faker);
  if (hit) return hit;
  const w = faker.definitions.word;
  const nouns = w.noun.filter((x) => LOWER.test(x) && x.length >= 3);
  const adjectives = w.adjective.filter((x) => LOWER.test(x) && x.length >= 3);
  const verbs = w.verb.filter((x) => LOWER.test(x) && x.length >= 3);
  const fn = faker.definitions.person.first_name as { generic?: string[]; female?: string[]; male?: string[] };
  // Names that are also English words ("Will", "Baby", "Major", "Frank") make sentences hard to parse:
  // "Will will buy the lamp", "If Baby is at home ...".
  const wordLike = new Set([...w.noun, ...w.adjective, ...w.verb, ...w.adverb, ...WORD_NAMES].map((x) => x.toLowerCase()));
  // A set first, then sorted by code unit: the lists overlap, and draw order must not depend on insertion details.
  const nameSet = new Set(
    [...(fn.generic ?? []), ...(fn.female ?? []), ...(fn.male ?? [])].filter((x) => CAPITALIZED.test(x) && x.length >= 3 && !wordLike.has(x.toLowerCase())),
  );
  const names = [...nameSet].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ln = faker.definitions.person.last_name as { generic?: string[] };
  const surnames = (ln.generic ?? []).filter((x) => CAPITALIZED.test(x));
  const cities = (faker.definitions.location.city_name as string[]).filter((x) => CITY.test(x));
  const byLength: string[][] = [];
  for (const word of [...nouns, ...adjectives, ...verbs]) {
    (byLength[word.length] ??= []).push(word);
  }
  for (let i = 0; i < byLength.length; i++) byLength[i] ??= [];
  const lex: Lexicon = { nouns, adjectives, verbs, names, surnames, cities, byLength };
  cache.set(faker, lex);
  return lex;
}

/** A lowercase word whose length lies in [lo, hi] (lengths without words are skipped). */
export function wordOfLength(rng: Rng, lex: Lexicon, lo: number, hi: number): string {
  const maxLen = lex.byLength.length - 1;
  for (let tries = 0; tries < 20; tries++) {
    const len = rng.int(lo, Math.min(hi, maxLen));
    const bucket = lex.byLength[len]!;
    if (bucket.length > 0) return rng.pick(bucket);
  }
  return rng.pick(lex.nouns);
}

/**
 * `count` distinct elements of a long list, by drawing and redrawing repeats: Rng.sample shuffles the whole list,
 * which for thousands of names costs more than the rest of an item.
 */
export function pickDistinct<T>(rng: Rng, list: readonly T[], count: number): T[] {
  if (count * 4 > list.length) return rng.sample(list, count);
  const out: T[] = [];
  while (out.length < count) {
    const x = rng.pick(list);
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

/** `count` distinct first names. */
export function distinctNames(rng: Rng, lex: Lexicon, count: number): string[] {
  return pickDistinct(rng, lex.names, count);
}

const PREPOSITIONS = ['near', 'behind', 'with', 'after', 'before', 'under', 'beside', 'above', 'without', 'around'];

/**
 * The words of a simple sentence of at least `minWords` words (at most three more): a subject, "will", a verb and
 * objects joined by prepositional phrases. The first word is capitalized; there is no punctuation in the words.
 */
export function sentenceWords(rng: Rng, lex: Lexicon, minWords: number): string[] {
  const words: string[] = [];
  if (rng.bool(0.5)) {
    words.push(rng.pick(lex.names));
  } else {
    words.push('The', rng.pick(lex.adjectives), rng.pick(lex.nouns));
  }
  words.push('will', rng.pick(lex.verbs), 'the');
  if (rng.bool(0.5)) words.push(rng.pick(lex.adjectives));
  words.push(rng.pick(lex.nouns));
  let joined = false;
  while (words.length < minWords) {
    // "and the x" at most once in a row: "and the x and the y and the z" reads like a list, not a sentence.
    joined = !joined && rng.bool(0.2);
    if (joined) {
      words.push('and', 'the', rng.pick(lex.nouns));
    } else {
      words.push(rng.pick(PREPOSITIONS), 'the');
      if (rng.bool(0.5)) words.push(rng.pick(lex.adjectives));
      words.push(rng.pick(lex.nouns));
    }
  }
  return words;
}

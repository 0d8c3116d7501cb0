/**
 * What inference.sorting ranks: named things with one numeric attribute. Values are scaled integers (cents,
 * tenths); `show` writes one, and `showAlt` writes it in a second unit (grams for kilograms, minutes and seconds for
 * seconds) for the hardest level, where the list mixes units.
 */
import type { Faker } from '@faker-js/faker';
import { cityName, companyName, lastName, plainCityName, plainFirstName, productName, townName } from '../../shared/entities.js';

export interface SortKind {
  id: string;
  entity: string;
  entities: string;
  /** Column header of the names in a table. */
  nameHeader: string;
  name(f: Faker): string;
  /** Names are single plain words, usable for alphabetical order; `pool` says which plain pool they come from. */
  pool?: 'first' | 'city';
  noun: string;
  nouns: string;
  high: string;
  low: string;
  places: number;
  lo: number;
  hi: number;
  show(v: number): string;
  showAlt?(v: number): string;
  intro(f: Faker): string;
}

const dec = (v: number, places: number) => (places === 0 ? String(v) : (v / 10 ** places).toFixed(places));

export const SORT_KINDS: readonly SortKind[] = [
  {
    id: 'scores',
    entity: 'student',
    entities: 'students',
    nameHeader: 'Student',
    name: plainFirstName,
    pool: 'first',
    noun: 'score',
    nouns: 'scores',
    high: 'highest',
    low: 'lowest',
    places: 0,
    lo: 20,
    hi: 100,
    show: (v) => `${v} points`,
    intro: (f) => `Test scores in ${lastName(f)}'s math class`,
  },
  {
    id: 'prices',
    entity: 'product',
    entities: 'products',
    nameHeader: 'Product',
    name: productName,
    noun: 'price',
    nouns: 'prices',
    high: 'highest',
    low: 'lowest',
    places: 2,
    lo: 99,
    hi: 99999,
    show: (v) => `$${dec(v, 2)}`,
    intro: (f) => `Prices at ${companyName(f)}`,
  },
  {
    id: 'towns',
    entity: 'town',
    entities: 'towns',
    nameHeader: 'Town',
    name: townName,
    noun: 'population',
    nouns: 'populations',
    high: 'largest',
    low: 'smallest',
    places: 0,
    lo: 1000,
    hi: 900000,
    show: (v) => `${v} residents`,
    intro: () => 'Populations of some towns in one county',
  },
  {
    id: 'runners',
    entity: 'runner',
    entities: 'runners',
    nameHeader: 'Runner',
    name: plainFirstName,
    pool: 'first',
    noun: 'finishing time',
    nouns: 'finishing times',
    high: 'longest',
    low: 'shortest',
    places: 1,
    lo: 450,
    hi: 1500,
    show: (v) => `${dec(v, 1)} s`,
    // 75.3 s → "1 min 15.3 s"
    showAlt: (v) => `${Math.floor(v / 600)} min ${dec(v % 600, 1)} s`,
    intro: (f) => `Finishing times in the ${cityName(f)} 400 m race`,
  },
  {
    id: 'parcels',
    entity: 'city',
    entities: 'cities',
    nameHeader: 'Destination',
    name: plainCityName,
    pool: 'city',
    noun: 'parcel weight',
    nouns: 'parcel weights',
    high: 'highest',
    low: 'lowest',
    places: 1,
    lo: 5,
    hi: 400,
    show: (v) => `${dec(v, 1)} kg`,
    showAlt: (v) => `${v * 100} g`,
    intro: (f) => `Weights of the parcels ${companyName(f)} is shipping, by destination city`,
  },
];

/**
 * One faker instance per worker whose randomness is the current item's stream.
 *
 * Reseeding faker's default Mersenne Twister per item costs ~30 µs; pointing a Randomizer at the item's alea
 * stream costs nothing, and every faker draw then comes from that item's seed alone.
 */
import type { Faker, LocaleDefinition, Randomizer } from '@faker-js/faker';
import { faker as enFaker } from '@faker-js/faker/locale/en';
import { Rng } from './rng.js';

/**
 * The package's main entry evaluates all 60-odd locales: 17 MB of heap and a quarter of a second in every worker
 * thread. Its `locale/en` entry loads English and the base locale only, but exports an instance, not the class: the
 * class and the merged (en, base) definitions are taken from that instance.
 */
const FakerClass = enFaker.constructor as new (options: { locale: LocaleDefinition | LocaleDefinition[]; randomizer?: Randomizer }) => Faker;
const EN_AND_BASE: LocaleDefinition = enFaker.rawDefinitions;


export interface SeededFaker {
  readonly faker: Faker;
  /** Makes every following faker draw come from `rng`. */
  use(rng: Rng): void;
}

/** `refDate` is the run's fixed reference date (ISO), so faker's relative dates never read the clock. */
export function createSeededFaker(refDate: string): SeededFaker {
  // Faker calls next() unbound, so the randomizer is built from closures over `current`.
  let current = new Rng('verigen-unseeded');
  const randomizer: Randomizer = {
    next: () => current.next(),
    seed: (seed: number | number[]) => {
      current = new Rng(Array.isArray(seed) ? seed.join(',') : String(seed));
    },
  };
  const faker = new FakerClass({ locale: EN_AND_BASE, randomizer });
  faker.setDefaultRefDate(new Date(refDate));
  return {
    faker,
    use(rng: Rng) {
      current = rng;
    },
  };
}

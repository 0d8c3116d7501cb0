/**
 * One faker instance per worker whose randomness is the current item's stream.
 *
 * Reseeding faker's default Mersenne Twister per item costs ~30 µs; pointing a Randomizer at the item's alea
 * stream costs nothing, and every faker draw then comes from that item's seed alone.
 */
import { Faker, base, en, type Randomizer } from '@faker-js/faker';
import { Rng } from './rng.js';


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
  const faker = new Faker({ locale: [en, base], randomizer });
  faker.setDefaultRefDate(new Date(refDate));
  return {
    faker,
    use(rng: Rng) {
      current = rng;
    },
  };
}

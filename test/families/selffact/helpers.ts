/** A generate context with a loaded profile, as the engine will build it once GenerateContext carries `profile`. */
import type { BaseConfig, Draft, GenerateContext, GeneratorDef } from '../../../src/core/generator.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { Rng } from '../../../src/core/rng.js';
import type { Profile } from '../../../src/profiles/types.js';
import type { SelffactTruth } from '../../../src/families/selffact/truth.js';

const seeded = createSeededFaker('2025-01-01');

export function makeItem(def: GeneratorDef<BaseConfig, SelffactTruth>, profile: Profile | null, seed: string, difficulty = 2): Draft<SelffactTruth> {
  const rng = new Rng(seed);
  seeded.use(rng);
  const ctx = {
    rng,
    faker: seeded.faker,
    config: { ...def.defaults, difficulty },
    index: 0,
    refDate: '2025-01-01',
    templates: loadTemplateSet(def.family, def.name),
    profile,
  } as GenerateContext<BaseConfig> & { profile: Profile | null };
  return def.generate(ctx);
}

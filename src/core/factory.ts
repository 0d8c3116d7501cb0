/**
 * Turns (run config, index) into one finished item: picks the generator from the mix, seeds the item's stream,
 * generates, and refuses anything that breaks a principle (a witness its own verifier rejects, an impure target,
 * an item that fails the schema). A refusal is a generator bug, reported with the item id.
 */
import type { Draft, GeneratorDef } from './generator.js';
import { resolveConfig } from './generator.js';
import { itemId, type Item } from './item.js';
import { findGenerator } from './registry.js';
import { loadTemplateSet, type TemplateSet } from './render.js';
import { itemRng } from './rng.js';
import { createSeededFaker, type SeededFaker } from './faker.js';
import { describeErrors, validator } from './schema.js';
import { checkPurity } from '../purity/index.js';
import { verifyItem } from '../verify/dispatch.js';
import type { RunConfig } from '../run/config.js';
import { MixSchedule } from '../run/schedule.js';
import { loadRunProfile } from '../run/config.js';
import type { Profile } from '../profiles/types.js';
import { GenerationError } from './errors.js';

interface Slot {
  def: GeneratorDef<any, any>;
  id: string;
  baseId: string;
  config: any;
  templates: TemplateSet;
}

export class ItemFactory {
  private readonly slots: Slot[];
  private readonly schedule: MixSchedule;
  private readonly seeded: SeededFaker;
  private readonly validate = validator('item');
  private readonly profile: Profile | null;

  constructor(readonly config: RunConfig) {
    this.slots = Object.keys(config.mix).map((id) => {
      const def = findGenerator(id);
      if (!def) throw new Error(`generator ${id} is not registered`);
      return {
        def,
        id,
        baseId: `${def.family}.${def.name}`,
        config: resolveConfig(def, config.generator_config[id] as never),
        templates: loadTemplateSet(def.family, def.name),
      };
    });
    this.schedule = new MixSchedule(Object.values(config.mix));
    this.seeded = createSeededFaker(config.ref_date);
    this.profile = loadRunProfile(config.profile);
  }

  generatorAt(index: number): string {
    return this.slots[this.schedule.slot(index)]!.id;
  }

  make(index: number): Item {
    return this.build(index).item;
  }

  /** The item and the generator's draft it came from (the draft is what `nearMisses` takes). */
  build(index: number): { item: Item; draft: Draft<any> } {
    const slot = this.slots[this.schedule.slot(index)]!;
    const { def } = slot;
    const seed = this.config.seed;
    const id = itemId(slot.id, seed, index);
    const rng = itemRng(seed, slot.baseId, def.version, index);
    this.seeded.use(rng);
    const draft = def.generate({
      rng,
      faker: this.seeded.faker,
      config: slot.config,
      index,
      refDate: this.config.ref_date,
      templates: slot.templates,
      profile: this.profile,
    });
    const item: Item = {
      id,
      family: def.family,
      generator: slot.id,
      template: draft.template,
      seed,
      index,
      messages: draft.messages,
      verifier: def.verifier,
      ground_truth: draft.ground_truth,
      answer: draft.answer,
      meta: { profile: def.profile && this.profile ? this.profile.name : null, tags: draft.tags ?? [] },
    };
    const witness = draft.witness ?? draft.answer;
    if (witness === null || witness === undefined) throw new GenerationError(id, 'generator gave neither an answer nor a witness');
    if (this.config.emit_witness) item.witness = witness;
    const verdict = verifyItem(item, witness);
    if (!verdict.pass) {
      const failed = verdict.checks.filter((c) => !c.pass).map((c) => `${c.name}${c.detail ? ` (${c.detail})` : ''}`);
      throw new GenerationError(id, `its own witness fails its verifier: ${failed.join('; ')}`);
    }
    // The answer is usually its own witness: check each distinct target once.
    for (const target of draft.answer === null || draft.answer === witness ? [witness] : [draft.answer, witness]) {
      const findings = checkPurity(target);
      if (findings.length > 0) throw new GenerationError(id, `target fails the purity gate: rule ${findings[0]!.rule} on '${findings[0]!.match}'`);
    }
    if (!this.validate(item)) throw new GenerationError(id, `item fails the schema: ${describeErrors(this.validate.errors)}`);
    return { item, draft };
  }
}


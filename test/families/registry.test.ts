/**
 * One test over the whole registry (as reasoning-gym does): every generator, at every difficulty, makes items whose
 * canonical answer or witness passes its own verifier, whose near misses fail it, whose targets are pure, and which
 * fit the item schema. A new generator is covered by registering it.
 */
import { GENERATORS } from '../../src/core/registry.js';
import { generatorId, resolveConfig } from '../../src/core/generator.js';
import { ItemFactory } from '../../src/core/factory.js';
import { loadTemplateSet } from '../../src/core/render.js';
import { Rng } from '../../src/core/rng.js';
import { validator } from '../../src/core/schema.js';
import { checkPurity } from '../../src/purity/index.js';
import { verifyItem } from '../../src/verify/dispatch.js';
import { buildRunConfig } from '../../src/run/config.js';
import { conversationText } from '../../src/core/item.js';

const ITEMS_PER_DIFFICULTY = 60;
/** The profile for generators that use one (any shipped profile would do; this one has the most facts). */
const TEST_PROFILE = 'llama-3.1-8b-instruct';

describe.each(GENERATORS.map((g) => [generatorId(g), g] as const))('%s', (id, def) => {
  it('has a unique id, a description, valid defaults and at least 3 templates per task', () => {
    expect(GENERATORS.filter((g) => generatorId(g) === id)).toHaveLength(1);
    expect(def.description.length).toBeGreaterThan(10);
    expect(() => resolveConfig(def, {})).not.toThrow();
    const set = loadTemplateSet(def.family, def.name);
    for (const task of set.tasks) {
      expect(set.ids.filter((t) => t.startsWith(`${def.family}/${def.name}/${task}.`)).length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each([1, 2, 3, 4, 5])('difficulty %i: answers pass, near misses fail, targets are pure, items fit the schema', (difficulty) => {
    const factory = new ItemFactory(buildRunConfig({ count: ITEMS_PER_DIFFICULTY, seed: `reg${difficulty}`, family: [id], difficulty, ...(def.profile ? { profile: TEST_PROFILE } : {}) }));
    const validate = validator('item');
    const rng = new Rng(`near-${id}-${difficulty}`);
    const templates = new Set<string>();
    const prompts = new Set<string>();
    for (let i = 0; i < ITEMS_PER_DIFFICULTY; i++) {
      const { item, draft } = factory.build(i); // build() itself refuses a failing witness, an impure target or a schema error
      expect(validate(item)).toBe(true);
      expect(item.generator).toBe(id);
      expect(item.meta.profile).toBe(def.profile ? TEST_PROFILE : null);
      templates.add(item.template);
      prompts.add(conversationText(item));
      const witness = draft.witness ?? item.answer ?? '';
      expect(verifyItem(item, witness).pass).toBe(true);
      expect(checkPurity(witness)).toEqual([]);
      // The canonical answer also passes when wrapped the way models answer.
      const judgedAs = item.verifier === 'confidence' ? (item.ground_truth as { verifier: string }).verifier : item.verifier;
      if (judgedAs !== 'ifeval') expect(verifyItem(item, `<answer>${witness}</answer>`).pass).toBe(true);
      const misses = def.nearMisses(draft, rng);
      expect(misses.length).toBeGreaterThan(0);
      for (const miss of misses) {
        const verdict = verifyItem(item, miss);
        if (verdict.pass) throw new Error(`${item.id}: near miss ${JSON.stringify(miss)} passes for answer ${JSON.stringify(item.answer)}`);
      }
      expect(verifyItem(item, '').pass).toBe(false);
    }
    // A generator bounded by one profile's facts repeats questions by design; the rest must barely repeat.
    expect(prompts.size).toBeGreaterThan(ITEMS_PER_DIFFICULTY * (def.profile === 'required' ? 0.5 : 0.9));
    expect(templates.size).toBeGreaterThan(1);
  });
});

/**
 * instruct.ifeval: every item's witness passes the ifeval verifier strictly, near misses fail, witnesses are pure,
 * rejected combinations are counted, and the configured constraint set is honoured.
 */
import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { instructIfeval as def, type InstructConfig } from '../../../src/families/instruct/generator.js';
import { verifyIfeval } from '../../../src/families/instruct/ifeval.js';
import { IFEVAL_IDS } from '../../../src/families/instruct/constraints/index.js';
import { checkPurity } from '../../../src/purity/index.js';

const templates = loadTemplateSet('instruct', 'ifeval');

function gen(seed: string, config: Partial<InstructConfig> = {}, refDate = '2025-01-01') {
  const sf = createSeededFaker(refDate);
  const rng = new Rng(seed);
  sf.use(rng);
  return def.generate({ rng, faker: sf.faker, config: { ...def.defaults, ...config }, index: 0, refDate, templates, profile: null });
}

describe('instruct.ifeval', () => {
  it('has at least 60 templates, 3 or more per task kind', () => {
    expect(templates.ids.length).toBeGreaterThanOrEqual(60);
    for (const t of templates.tasks) expect(templates.ids.filter((id) => id.startsWith(`instruct/ifeval/${t}.`)).length).toBeGreaterThanOrEqual(3);
  });

  it.each([1, 2, 3, 4, 5])('difficulty %i: witnesses pass strictly, are pure; near misses and the empty string fail', (difficulty) => {
    const seen = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const d = gen(`g${difficulty}-${i}`, { difficulty });
      const v = verifyIfeval(d.ground_truth, d.witness!);
      if (!v.pass) throw new Error(`seed g${difficulty}-${i}: ${JSON.stringify(v.checks)}\n${d.witness}`);
      expect(d.answer).toBeNull();
      expect(checkPurity(d.witness!)).toEqual([]);
      expect(d.tags).toEqual(expect.arrayContaining(d.ground_truth.instruction_id_list));
      const n = d.ground_truth.instruction_id_list.length;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
      for (const miss of def.nearMisses(d, new Rng('nm'))) expect(verifyIfeval(d.ground_truth, miss).pass).toBe(false);
      expect(def.nearMisses(d, new Rng('nm')).length).toBeGreaterThan(1);
      seen.add(d.messages[0]!.content);
    }
    expect(seen.size).toBeGreaterThan(145);
  });

  it('is deterministic for a seed', () => {
    const first = gen('same');
    gen('other'); // the template data is reset between items
    expect(gen('same')).toEqual(first);
  });

  it("dates in prompts fall 1 to 90 days after the run's reference date, whichever reference dates alternate", () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const dateRe = new RegExp(`(${months.join('|')}) (\\d{1,2}), (\\d{4})`);
    const days = new Set<number>();
    for (let i = 0; i < 400; i++) {
      for (const ref of ['2025-01-01', '2031-11-20']) {
        const m = dateRe.exec(gen(`date-${i}`, {}, ref).messages[0]!.content);
        if (!m) continue;
        const [y, mo, d] = ref.split('-').map(Number) as [number, number, number];
        const after = (Date.UTC(Number(m[3]), months.indexOf(m[1]!), Number(m[2])) - Date.UTC(y, mo - 1, d)) / 86_400_000;
        expect([m[0], after >= 1 && after <= 90]).toEqual([m[0], true]);
        days.add(after);
      }
    }
    expect(days.size).toBeGreaterThan(10);
  });

  it('uses every IFEval id over many items, and only IFEval ids in the ifeval set', () => {
    const used = new Set<string>();
    for (let i = 0; i < 400; i++) for (const id of gen(`u${i}`, { difficulty: 5 }).ground_truth.instruction_id_list) used.add(id);
    expect([...used].sort()).toEqual([...IFEVAL_IDS].sort());
  });

  it('honours min and max constraints', () => {
    for (let i = 0; i < 40; i++) {
      const n = gen(`m${i}`, { minConstraints: 2, maxConstraints: 2, difficulty: 5 }).ground_truth.instruction_id_list.length;
      // 2 unless every draw was rejected and the item fell back to a single constraint.
      expect([1, 2]).toContain(n);
    }
  });

  it('refuses bad configs', () => {
    expect(() => def.validateConfig!({ ...def.defaults, minConstraints: 0 })).toThrow(/minConstraints/);
    expect(() => def.validateConfig!({ ...def.defaults, maxConstraints: 0 })).toThrow(/maxConstraints/);
    expect(() => def.validateConfig!({ ...def.defaults, constraints: 'none' as never })).toThrow(/constraints/);
  });
});

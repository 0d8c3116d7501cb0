import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { lexicon } from '../../../src/families/inference/data/lexicon.js';
import { RELATIONS } from '../../../src/families/inference/data/relations.js';
import { closure, ordering as def, planOrdering, type OrderingPlan, type OrderingQuestion } from '../../../src/families/inference/ordering.js';

const sf = createSeededFaker('2025-01-01');
const lex = lexicon(sf.faker);
const templates = loadTemplateSet('inference', def.name);

function plan(seed: string, difficulty: number, maxPeople = def.defaults.maxPeople): OrderingPlan {
  const rng = new Rng(seed);
  sf.use(rng);
  return planOrdering(rng, lex, difficulty, maxPeople);
}

function generate(seed: string, difficulty: number) {
  const rng = new Rng(seed);
  sf.use(rng);
  return def.generate({ rng, faker: sf.faker, config: { ...def.defaults, difficulty }, index: 0, refDate: '2025-01-01', templates, profile: null });
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) {
    for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  }
  return out;
}

/** The question's answer in one concrete order (perm[0] is the top), computed from positions alone. */
function answerIn(perm: number[], q: OrderingQuestion, names: string[]): string {
  const n = perm.length;
  const pos = (x: number) => perm.indexOf(x);
  switch (q.kind) {
    case 'top':
      return names[perm[0]!]!;
    case 'bottom':
      return names[perm[n - 1]!]!;
    case 'nth':
      return names[q.fromTop ? perm[q.k - 1]! : perm[n - q.k]!]!;
    case 'compare':
      return (pos(q.a) < pos(q.b)) === q.askMore ? 'yes' : 'no';
    case 'rank': {
      const list = perm.map((x) => names[x]!);
      return (q.down ? list : list.reverse()).join(', ');
    }
    case 'count':
      return String(q.more ? pos(q.x) : n - 1 - pos(q.x));
  }
}

describe('closure (hand-worked)', () => {
  it('derives transitive comparisons and nothing else', () => {
    // 0 > 1 > 2 and 0 > 3: below[0] = {1,2,3}, below[1] = {2}, above[2] = {0,1}, above[3] = {0}.
    const { below, above } = closure(4, [[0, 1], [1, 2], [0, 3]]);
    expect(below).toEqual([0b1110, 0b0100, 0, 0]);
    expect(above).toEqual([0, 0b0001, 0b0011, 0b0001]);
  });
});

describe('inference.ordering', () => {
  it('asks only questions whose answer is the same in every order the premises allow', () => {
    const perms = new Map<number, number[][]>();
    const kinds = new Set<string>();
    let partial = 0;
    for (let d = 1; d <= 5; d++) {
      for (let i = 0; i < 150; i++) {
        const p = plan(`o${d}-${i}`, d);
        const n = p.names.length;
        if (!perms.has(n)) perms.set(n, permutations(n));
        const consistent = perms.get(n)!.filter((perm) => p.edges.every(([u, v]) => perm.indexOf(u) < perm.indexOf(v)));
        // The hidden order (identity) satisfies the premises.
        expect(consistent.some((perm) => perm.every((x, j) => x === j))).toBe(true);
        if (consistent.length > 1) partial++;
        for (const perm of consistent) expect(answerIn(perm, p.question, p.names)).toBe(p.truth.answer);
        kinds.add(p.question.kind);
      }
    }
    expect([...kinds].sort()).toEqual(['bottom', 'compare', 'count', 'nth', 'rank', 'top']);
    // Partial orders do occur, so the determinacy check is exercised.
    expect(partial).toBeGreaterThan(50);
  });

  it('states every premise, and distractors never use the asked relation', () => {
    for (let i = 0; i < 300; i++) {
      const d = (i % 5) + 1;
      const p = plan(`f${i}`, d);
      const rel = p.relation;
      const facts = (p.data as { facts: string[] }).facts;
      const premiseForms = p.edges.map(([u, v]) => [`${rel.more(p.names[u]!, p.names[v]!)}.`, `${rel.less(p.names[v]!, p.names[u]!)}.`]);
      for (const forms of premiseForms) expect(facts.filter((f) => forms.includes(f)).length).toBe(1);
      const asked = new Set<string>();
      for (const a of p.names) for (const b of p.names) if (a !== b) asked.add(`${rel.more(a, b)}.`).add(`${rel.less(a, b)}.`);
      expect(facts.filter((f) => asked.has(f)).length).toBe(p.edges.length);
      if (d < 4) expect(facts.length).toBe(p.edges.length);
    }
  });

  it('grows the group with difficulty and follows maxPeople', () => {
    expect([1, 2, 3, 4, 5].map((d) => plan(`g${d}`, d).names.length)).toEqual([3, 4, 5, 6, 7]);
    expect(plan('g', 5, 12).names.length).toBe(12);
    expect(plan('g', 1, 12).names.length).toBe(3);
    expect(() => def.validateConfig!({ difficulty: 2, maxPeople: 2 })).toThrow(/maxPeople/);
  });

  it('keeps premises in chain order at difficulty 1 and shuffles them later', () => {
    let shuffled = 0;
    for (let i = 0; i < 50; i++) {
      const p1 = plan(`c1-${i}`, 1);
      expect(p1.edges).toEqual([[0, 1], [1, 2]]);
      expect((p1.data as { facts: string[] }).facts[0]).toContain(p1.names[0]!);
      const p3 = plan(`c3-${i}`, 3);
      const facts = (p3.data as { facts: string[] }).facts;
      const first = `${p3.relation.more(p3.names[p3.edges[0]![0]]!, p3.names[p3.edges[0]![1]]!)}.`;
      if (facts[0] !== first) shuffled++;
    }
    expect(shuffled).toBeGreaterThan(20);
  });

  it('names every person in the prompt and gives 3-6 wrong near misses', () => {
    for (let i = 0; i < 300; i++) {
      const d = (i % 5) + 1;
      const p = plan(`m${i}`, d);
      const draft = generate(`m${i}`, d);
      for (const name of p.names) expect(draft.messages[0]!.content).toContain(name);
      const misses = def.nearMisses(draft, new Rng(`x${i}`));
      expect(misses.length).toBeGreaterThanOrEqual(3);
      expect(misses.length).toBeLessThanOrEqual(6);
      const t = draft.ground_truth;
      for (const m of misses) {
        if (t.type === 'number') expect(Number(m)).not.toBe(Number(t.answer));
        else expect(m.toLowerCase()).not.toBe(t.answer.toLowerCase());
        if (t.type === 'boolean') expect(m === 'true' ? 'yes' : m === 'false' ? 'no' : m).not.toBe(t.answer);
      }
    }
  });

  it('uses every relation', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 200; i++) keys.add(plan(`r${i}`, 2).relation.key);
    expect([...keys].sort()).toEqual(RELATIONS.map((r) => r.key).sort());
  });
});

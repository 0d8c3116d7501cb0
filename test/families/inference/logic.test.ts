import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { lexicon } from '../../../src/families/inference/data/lexicon.js';
import { logic as def } from '../../../src/families/inference/logic.js';
import { entails, planProps, UNDETERMINED, type Clause, type Literal } from '../../../src/families/inference/logic-props.js';
import { planSets, type SetExpr } from '../../../src/families/inference/logic-sets.js';
import { planVenn, renderVenn, type VennPlan } from '../../../src/families/inference/logic-venn.js';

const sf = createSeededFaker('2025-01-01');
const lex = lexicon(sf.faker);
const templates = loadTemplateSet('inference', def.name);

function seeded(seed: string): Rng {
  const rng = new Rng(seed);
  sf.use(rng);
  return rng;
}

describe('venn counting', () => {
  /** One person per member of each region, with membership flags; every count is then a plain filter. */
  function population(p: VennPlan): boolean[][] {
    const people: boolean[][] = [];
    if (p.sets === 2) {
      const flags = [[true, false], [false, true], [true, true], [false, false]];
      p.regions.forEach((size, r) => {
        for (let i = 0; i < size; i++) people.push(flags[r]!);
      });
    } else {
      p.regions.forEach((size, mask) => {
        for (let i = 0; i < size; i++) people.push([(mask & 1) !== 0, (mask & 2) !== 0, (mask & 4) !== 0]);
      });
    }
    return people;
  }
  const count = (people: boolean[][], pred: (f: boolean[]) => boolean) => people.filter(pred).length;
  const inCount = (f: boolean[]) => f.filter(Boolean).length;

  it('states counts that match the population and answers by counting', () => {
    const questions = new Set<string>();
    for (let d = 1; d <= 5; d++) {
      for (let i = 0; i < 200; i++) {
        const p = planVenn(new Rng(`v${d}-${i}`), d);
        const people = population(p);
        const s = p.stated;
        expect(s.total).toBe(people.length);
        expect(s.A).toBe(count(people, (f) => f[0]!));
        expect(s.B).toBe(count(people, (f) => f[1]!));
        if (s.both !== undefined) expect(s.both).toBe(count(people, (f) => f[0]! && f[1]!));
        if (s.neither !== undefined) expect(s.neither).toBe(count(people, (f) => !f[0] && !f[1]));
        if (p.sets === 3) {
          expect(s.C).toBe(count(people, (f) => f[2]!));
          expect(s.AB).toBe(count(people, (f) => f[0]! && f[1]!));
          expect(s.AC).toBe(count(people, (f) => f[0]! && f[2]!));
          expect(s.BC).toBe(count(people, (f) => f[1]! && f[2]!));
          if (s.ABC !== undefined) expect(s.ABC).toBe(count(people, (f) => inCount(f) === 3));
          if (s.none !== undefined) expect(s.none).toBe(count(people, (f) => inCount(f) === 0));
        }
        const byQuestion: Record<string, (f: boolean[]) => boolean> = p.sets === 2
          ? {
              onlyA: (f) => f[0]! && !f[1],
              onlyB: (f) => !f[0] && f[1]!,
              neither: (f) => !f[0] && !f[1],
              union: (f) => f[0]! || f[1]!,
              exactlyOne: (f) => f[0] !== f[1],
              both: (f) => f[0]! && f[1]!,
            }
          : {
              none: (f) => inCount(f) === 0,
              onlyA: (f) => f[0]! && !f[1] && !f[2],
              exactlyOne: (f) => inCount(f) === 1,
              exactlyTwo: (f) => inCount(f) === 2,
              union: (f) => inCount(f) > 0,
              all: (f) => inCount(f) === 3,
            };
        expect(p.answer).toBe(count(people, byQuestion[p.question]!));
        questions.add(`${p.sets}:${p.question}`);
      }
    }
    expect(questions.size).toBe(12);
  });

  it('hides the overlap from difficulty 3 and uses three sets from 4', () => {
    expect(planVenn(new Rng('h1'), 2).stated.both).toBeDefined();
    expect(planVenn(new Rng('h3'), 3).stated.both).toBeUndefined();
    expect(planVenn(new Rng('h4'), 4).sets).toBe(3);
    expect(planVenn(new Rng('h5'), 5).stated.ABC).toBeUndefined();
  });

  it('renders every stated number into the facts', () => {
    for (let i = 0; i < 100; i++) {
      const rng = seeded(`r${i}`);
      const p = planVenn(rng, (i % 5) + 1);
      const r = renderVenn(rng, lex, p);
      const text = `${r.data.intro} ${r.data.prose} ${r.data.question}`;
      for (const v of Object.values(p.stated)) expect(text).toMatch(new RegExp(`\\b${v}\\b`));
      expect(r.truth.answer).toBe(String(p.answer));
    }
  });
});

describe('membership over listed sets', () => {
  function expectedMembers(sets: string[][], expr: SetExpr): Set<string> {
    const [A, B, C] = sets.map((s) => new Set(s)) as [Set<string>, Set<string>, Set<string> | undefined];
    const all = new Set([...A, ...B, ...(C ?? [])]);
    const inC = (x: string) => C?.has(x) ?? false;
    const keep = (pred: (x: string) => boolean) => new Set([...all].filter(pred));
    const k = (x: string) => Number(A.has(x)) + Number(B.has(x)) + Number(inC(x));
    switch (expr) {
      case 'and': return keep((x) => A.has(x) && B.has(x));
      case 'diff': return keep((x) => A.has(x) && !B.has(x));
      case 'xor': return keep((x) => A.has(x) !== B.has(x));
      case 'or': return keep((x) => A.has(x) || B.has(x));
      case 'and3': return keep((x) => k(x) === 3);
      case 'andNot3': return keep((x) => A.has(x) && B.has(x) && !inC(x));
      case 'orNot3': return keep((x) => (A.has(x) || B.has(x)) && !inC(x));
      case 'one3': return keep((x) => k(x) === 1);
      case 'two3': return keep((x) => k(x) === 2);
      case 'or3': return all;
    }
  }

  it('answers list, count and yes/no questions as set operations do', () => {
    const asks = new Set<string>();
    for (let d = 1; d <= 5; d++) {
      for (let i = 0; i < 200; i++) {
        const rng = seeded(`m${d}-${i}`);
        const p = planSets(rng, sf.faker, lex, d);
        const want = expectedMembers(p.sets, p.expr);
        asks.add(p.ask);
        if (p.ask === 'list') {
          expect(new Set(p.truth.answer.split(', '))).toEqual(want);
          expect(p.truth.ordered).toBe(false);
          expect(want.size).toBeGreaterThan(0);
        } else if (p.ask === 'count') {
          expect(p.truth.answer).toBe(String(want.size));
        } else {
          expect(p.truth.answer).toBe(want.has(p.item!) ? 'yes' : 'no');
        }
        for (const s of p.sets) expect(new Set(s).size).toBe(s.length);
        expect(p.sets.length).toBe(d >= 3 ? 3 : 2);
      }
    }
    expect([...asks].sort()).toEqual(['count', 'list', 'member']);
  });
});

describe('propositional arguments', () => {
  const P: Literal = { atom: 0, neg: false };
  const Q: Literal = { atom: 1, neg: false };
  const R: Literal = { atom: 2, neg: false };
  const not = (l: Literal): Literal => ({ atom: l.atom, neg: !l.neg });
  const implies = (a: Literal, b: Literal): Clause => [not(a), b];

  it('decides the classic forms (hand-worked)', () => {
    expect(entails(2, [implies(P, Q), [P]], Q)).toBe('yes'); // modus ponens
    expect(entails(2, [implies(P, Q), [not(Q)]], P)).toBe('no'); // modus tollens
    expect(entails(2, [implies(P, Q), [Q]], P)).toBe(UNDETERMINED); // affirming the consequent
    expect(entails(2, [implies(P, Q), [not(P)]], Q)).toBe(UNDETERMINED); // denying the antecedent
    expect(entails(2, [[P, Q], [not(P)]], Q)).toBe('yes'); // disjunctive syllogism
    expect(entails(3, [implies(P, Q), implies(Q, R), [not(R)]], not(P))).toBe('yes'); // chained tollens
    expect(entails(2, [[P], [not(P)]], Q)).toBeNull(); // no model
    // Atoms beyond the first machine word (index >= 5) are columns of whole words.
    const A6: Literal = { atom: 6, neg: false };
    const A7: Literal = { atom: 7, neg: false };
    expect(entails(8, [implies(A6, A7), [A6]], A7)).toBe('yes');
    expect(entails(8, [implies(A6, A7), [A7]], A6)).toBe(UNDETERMINED);
  });

  /** Truth-table check one assignment at a time. */
  function naive(atoms: number, clauses: readonly Clause[], q: Literal): string {
    let t = 0;
    let f = 0;
    const val = (l: Literal, a: number) => (((a >> l.atom) & 1) === 1) !== l.neg;
    for (let a = 0; a < 1 << atoms; a++) {
      if (!clauses.every((c) => c.some((l) => val(l, a)))) continue;
      if (val(q, a)) t++;
      else f++;
    }
    return f === 0 ? 'yes' : t === 0 ? 'no' : UNDETERMINED;
  }

  it('agrees with a one-assignment-at-a-time truth table, and invalid forms stay undetermined', () => {
    const forms = new Set<string>();
    for (let d = 1; d <= 5; d++) {
      for (let i = 0; i < 200; i++) {
        const p = planProps(seeded(`p${d}-${i}`), lex, d);
        expect(p.answer).toBe(naive(p.atoms.length, p.clauses, p.query));
        if (p.form === 'ac' || p.form === 'da') expect(p.answer).toBe(UNDETERMINED);
        else expect(p.answer).not.toBe(UNDETERMINED);
        expect(p.truth.answer).toBe(p.answer);
        expect(p.truth.type).toBe(p.answer === UNDETERMINED ? 'string' : 'boolean');
        expect((p.data as { statements: string[] }).statements.length).toBe(p.clauses.length);
        forms.add(p.form);
      }
    }
    expect([...forms].sort()).toEqual(['ac', 'da', 'ds', 'mp', 'mt']);
  });
});

describe('inference.logic', () => {
  function generate(seed: string, difficulty: number) {
    const rng = seeded(seed);
    return def.generate({ rng, faker: sf.faker, config: { ...def.defaults, difficulty }, index: 0, refDate: '2025-01-01', templates, profile: null });
  }

  it('declares "cannot be determined" in every prompt whose answer it may be', () => {
    for (let i = 0; i < 300; i++) {
      const draft = generate(`g${i}`, (i % 5) + 1);
      if (draft.tags!.includes('implication')) expect(draft.messages[0]!.content).toContain('cannot be determined');
      else expect(draft.messages[0]!.content).not.toContain('cannot be determined');
    }
  });

  it('gives 3-6 near misses, all wrong', () => {
    for (let i = 0; i < 400; i++) {
      const draft = generate(`n${i}`, (i % 5) + 1);
      const t = draft.ground_truth;
      const misses = def.nearMisses(draft, new Rng(`x${i}`));
      expect(misses.length).toBeGreaterThanOrEqual(3);
      expect(misses.length).toBeLessThanOrEqual(6);
      for (const m of misses) {
        if (t.type === 'number') expect(Number(m)).not.toBe(Number(t.answer));
        else if (t.type === 'list') expect(m.split(', ').sort().join('|')).not.toBe(t.answer.split(', ').sort().join('|'));
        else expect(m.toLowerCase()).not.toBe(t.answer.toLowerCase());
      }
    }
  });

  it('validates its weights', () => {
    expect(() => def.validateConfig!({ difficulty: 2, weights: [0, 0, 0] })).toThrow(/weights/);
    expect(() => def.validateConfig!({ difficulty: 2, weights: [1, 2] })).toThrow(/weights/);
    const only = generate('w', 2);
    expect(only.template).toMatch(/^inference\/logic\/(venn|members|implication)\.[a-z]$/);
    const rng = seeded('w2');
    const venn = def.generate({ rng, faker: sf.faker, config: { difficulty: 2, weights: [1, 0, 0] }, index: 0, refDate: '2025-01-01', templates, profile: null });
    expect(venn.tags).toContain('venn');
  });
});

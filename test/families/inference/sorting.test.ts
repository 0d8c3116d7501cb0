import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { drawSortProblem, itemNames, listMisses, sorting } from '../../../src/families/inference/sorting.js';
import { verifyAnswer } from '../../../src/verify/answer.js';

const REF = '2025-01-01';
const sf = createSeededFaker(REF);
const templates = loadTemplateSet('inference', 'sorting');

function gen(seed: string, difficulty = 2) {
  const rng = new Rng(seed);
  sf.use(rng);
  return sorting.generate({ rng, faker: sf.faker, config: { ...sorting.defaults, difficulty }, index: 0, refDate: REF, templates, profile: null });
}

function problem(seed: string, difficulty: number) {
  const rng = new Rng(seed);
  sf.use(rng);
  return drawSortProblem(rng, sf.faker, difficulty, 12);
}

/** A displayed value in the kind's base unit: "2400 g" → 2.4, "1 min 15.3 s" → 75.3, "$12.50" → 12.5. */
function readValue(text: string): number {
  const minSec = /^(\d+) min ([\d.]+) s$/.exec(text);
  if (minSec) return Number(minSec[1]) * 60 + Number(minSec[2]);
  const grams = /^(\d+) g$/.exec(text);
  if (grams) return Number(grams[1]) / 1000;
  return Number(text.replace(/^\$/, '').replace(/ (points|residents|kg|s)$/, ''));
}

/** name → value, read from whichever layout the prompt uses. */
function readItems(prompt: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of prompt.split('\n')) {
    const bullet = /^- (.+): (.+)$/.exec(line);
    if (bullet) out.set(bullet[1]!, readValue(bullet[2]!));
    const row = /^\| (.+) \| (.+) \|$/.exec(line);
    if (row && !row[1]!.startsWith('---') && !/^(Student|Product|Town|Runner|Destination)$/.test(row[1]!)) out.set(row[1]!, readValue(row[2]!));
  }
  for (const m of prompt.matchAll(/(?:: |, | and )([^,():\n]+?) \(([\d$][^)]*)\)/g)) out.set(m[1]!, readValue(m[2]!));
  return out;
}

describe('inference.sorting answers', () => {
  it('match an order recomputed from the values printed in the prompt', () => {
    let checked = 0;
    for (let i = 0; i < 800; i++) {
      const difficulty = (i % 5) + 1;
      const { task, items, question: qn } = problem(`s${i}`, difficulty);
      const d = gen(`s${i}`, difficulty);
      if (task === 'sort-alpha') {
        // Case-insensitive order agrees with code-unit order on plain capitalised names.
        const expected = [...items.names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
        if (qn.desc) expected.reverse();
        expect(d.answer).toBe(expected.join(', '));
        for (const n of items.names) expect(n).toMatch(/^[A-Z][a-z]+$/);
        continue;
      }
      const values = readItems(d.messages[0]!.content);
      expect([...values.keys()].sort()).toEqual([...items.names].sort());
      // The rank of a name is one plus the number of values beyond it, which needs no sort at all.
      const rank = (name: string) => 1 + [...values.values()].filter((x) => (qn.desc ? x > values.get(name)! : x < values.get(name)!)).length;
      const byRank = [...values.keys()].sort((a, b) => rank(a) - rank(b));
      expect(new Set([...values.keys()].map(rank)).size).toBe(values.size);
      const expected =
        task === 'sort-values'
          ? byRank.join(', ')
          : task === 'top-k'
            ? byRank.slice(0, qn.k).join(', ')
            : task === 'kth'
              ? byRank[qn.k - 1]
              : String(rank(items.names[qn.target]!));
      expect(d.answer).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('orders by code unit, which is the alphabetical order of plain names', () => {
    const names = ['Anna', 'Ann', 'Zoe', 'Bob', 'Abe'];
    const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sorted).toEqual(['Abe', 'Ann', 'Anna', 'Bob', 'Zoe']);
  });
});

describe('inference.sorting difficulty', () => {
  it('lists more items, closer together, with shared initials and mixed units at the top', () => {
    const stats = (difficulty: number) => {
      let count = 0;
      let spread = 0;
      let sameInitial = 0;
      let alpha = 0;
      let mixed = 0;
      for (let i = 0; i < 300; i++) {
        const { task, items } = problem(`d${difficulty}-${i}`, difficulty);
        count += items.names.length;
        const range = items.kind.hi - items.kind.lo;
        spread += (Math.max(...items.values) - Math.min(...items.values)) / range;
        if (task === 'sort-alpha') {
          alpha++;
          if (new Set(items.names.map((n) => n[0])).size === 1) sameInitial++;
        }
        if (items.alt.some(Boolean)) mixed++;
      }
      return { count: count / 300, spread: spread / 300, sameInitial: sameInitial / Math.max(1, alpha), mixed };
    };
    const [s1, s3, s5] = [stats(1), stats(3), stats(5)];
    expect(s1.count).toBe(4);
    expect(s5.count).toBe(12);
    expect(s5.spread).toBeLessThan(s3.spread);
    expect(s3.spread).toBeLessThan(s1.spread);
    expect(s1.sameInitial).toBeLessThan(0.2);
    expect(s5.sameInitial).toBeGreaterThan(0.8);
    expect(s1.mixed).toBe(0);
    expect(s5.mixed).toBeGreaterThan(50);
  });
});

describe('inference.sorting config', () => {
  it('rejects a bad maxItems and caps the items', () => {
    expect(() => sorting.validateConfig!({ difficulty: 2, maxItems: 2 })).toThrow(/maxItems/);
    for (let i = 0; i < 50; i++) {
      const rng = new Rng(`cap${i}`);
      sf.use(rng);
      expect(drawSortProblem(rng, sf.faker, 5, 6).items.names.length).toBe(6);
    }
  });
});

describe('inference.sorting items', () => {
  it('verify their own answer and reject every near miss', () => {
    for (let i = 0; i < 400; i++) {
      const d = gen(`v${i}`, (i % 5) + 1);
      expect(verifyAnswer(d.ground_truth, d.answer!).pass).toBe(true);
      const misses = sorting.nearMisses(d, new Rng(`nm${i}`));
      expect(misses.length).toBeGreaterThanOrEqual(3);
      for (const m of misses) {
        if (verifyAnswer(d.ground_truth, m).pass) throw new Error(`near miss '${m}' passes for '${d.answer}'`);
      }
    }
  });

  it('builds wrong orders that differ from the right one', () => {
    const misses = listMisses(['A', 'B', 'C'], new Rng('x'));
    expect(misses).not.toContain('A, B, C');
    expect(misses).toContain('C, B, A');
    expect(misses).toContain('A, B');
    expect(misses).toContain('B, C, A');
  });

  it('reads item names from each layout', () => {
    expect(itemNames('Scores:\n- Ann: 3 points\n- Bo: 5 points')).toEqual(['Ann', 'Bo']);
    expect(itemNames('| Student | Score |\n| --- | --- |\n| Ann | 3 points |')).toEqual(['Ann']);
    expect(itemNames('Prices at X LLC: Sleek Chair ($3.00), Soft Hat ($2.50) and Red Car ($9.99).')).toEqual(['Sleek Chair', 'Soft Hat', 'Red Car']);
  });

  it('are reproducible and say how to format the answer', () => {
    expect(gen('same', 5)).toEqual(gen('same', 5));
    for (let i = 0; i < 100; i++) expect(gen(`f${i}`, (i % 5) + 1).messages[0]!.content).toMatch(/comma|name only|just its name|only the name|Give only the name|number/i);
  });
});

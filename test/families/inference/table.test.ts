import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { drawTableProblem, rowNames, table } from '../../../src/families/inference/table.js';
import { verifyAnswer } from '../../../src/verify/answer.js';

const REF = '2025-01-01';
const sf = createSeededFaker(REF);
const templates = loadTemplateSet('inference', 'table');

function gen(seed: string, difficulty = 2) {
  const rng = new Rng(seed);
  sf.use(rng);
  return table.generate({ rng, faker: sf.faker, config: { ...table.defaults, difficulty }, index: 0, refDate: REF, templates, profile: null });
}

function problem(seed: string, difficulty: number) {
  const rng = new Rng(seed);
  sf.use(rng);
  return drawTableProblem(rng, sf.faker, difficulty, 15);
}

/** The header and rows of the markdown or CSV table in a prompt, read back from the text. */
function parseTable(prompt: string): { header: string[]; rows: string[][] } {
  const lines = prompt.split('\n');
  const md = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
  if (md.length > 0) {
    const cells = md.map((l) => l.slice(2, -2).split(' | '));
    return { header: cells[0]!, rows: cells.slice(1) };
  }
  // CSV: the block of comma-separated lines (no cell in these tables needs quoting).
  const start = lines.findIndex((l) => l.split(',').length >= 3);
  const block: string[] = [];
  for (let i = start; i < lines.length && lines[i]!.includes(','); i++) block.push(lines[i]!);
  const cells = block.map((l) => l.split(','));
  return { header: cells[0]!, rows: cells.slice(1) };
}

/**
 * Recomputes an answer from the table as printed in the prompt and the question's parameters, with plain floating
 * point over the printed cells (the generator works on scaled integers).
 */
function fromPrompt(seed: string, difficulty: number): { expected: string | number; kind: string } {
  const { table: t, question: qn } = problem(seed, difficulty);
  const d = gen(seed, difficulty);
  const { header, rows } = parseTable(d.messages[0]!.content);
  const colIndex = (c: number) => header.indexOf(t.cols[c]!.header);
  const catIndex = t.cats ? header.indexOf(t.kind.catHeader) : -1;
  const keep = rows.filter((row) => {
    if (qn.filter.cat !== undefined && row[catIndex] !== qn.filter.cat) return false;
    const th = qn.filter.threshold;
    if (th) {
      const x = Number(row[colIndex(th.col)]);
      const limit = th.value / 10 ** t.cols[th.col]!.places;
      if (th.above ? !(x > limit) : !(x < limit)) return false;
    }
    return true;
  });
  // The question states the filter it was solved with.
  const text = d.messages[0]!.content;
  if (qn.filter.cat !== undefined) expect(text).toContain(t.kind.inCategory(qn.filter.cat));
  if (qn.filter.threshold) {
    const th = qn.filter.threshold;
    const c = t.cols[th.col]!;
    const shown = (th.value / 10 ** c.places).toFixed(c.places);
    expect(text).toContain(`${c.noun} is ${th.above ? 'above' : 'below'} ${c.money ? '$' : ''}${shown}`);
  }
  const col = colIndex(qn.col);
  const nums = keep.map((row) => Number(row[col]));
  const byName = (name: string) => Number(rows.find((row) => row[0] === name)![col]);
  switch (qn.task) {
    case 'lookup':
      return { expected: byName(t.names[qn.rows[0]!]!), kind: 'number' };
    case 'difference':
      return { expected: byName(t.names[qn.rows[0]!]!) - byName(t.names[qn.rows[1]!]!), kind: 'number' };
    case 'count':
      return { expected: keep.length, kind: 'number' };
    case 'sum':
      return { expected: nums.reduce((a, b) => a + b, 0), kind: 'number' };
    case 'average':
      return { expected: nums.reduce((a, b) => a + b, 0) / nums.length, kind: 'average' };
    case 'extreme':
      return { expected: qn.highest ? Math.max(...nums) : Math.min(...nums), kind: 'number' };
    default: {
      const best = qn.highest ? Math.max(...nums) : Math.min(...nums);
      const winners = keep.filter((row) => Number(row[col]) === best);
      if (winners.length !== 1) throw new Error(`tie for ${seed}`);
      return { expected: winners[0]![0]!, kind: 'name' };
    }
  }
}

describe('inference.table answers', () => {
  it('match a recomputation from the table printed in the prompt', () => {
    for (let i = 0; i < 600; i++) {
      const difficulty = (i % 5) + 1;
      const seed = `t${i}`;
      const { expected, kind } = fromPrompt(seed, difficulty);
      const answer = gen(seed, difficulty).answer!;
      if (kind === 'name') expect(answer).toBe(expected);
      else if (kind === 'average') expect(Math.abs(Number(answer) - (expected as number))).toBeLessThanOrEqual(0.005 + 1e-9);
      else expect(Number(answer)).toBeCloseTo(expected as number, 6);
    }
  });

  it('prints every row and value of the drawn table', () => {
    for (let i = 0; i < 100; i++) {
      const { table: t } = problem(`p${i}`, (i % 5) + 1);
      const { header, rows } = parseTable(gen(`p${i}`, (i % 5) + 1).messages[0]!.content);
      expect(rows.map((r) => r[0])).toEqual(t.names);
      t.cols.forEach((c, ci) => {
        const col = header.indexOf(c.header);
        expect(rows.map((r) => Math.round(Number(r[col]) * 10 ** c.places))).toEqual(t.values[ci]);
      });
    }
  });

  it('formats cells like the exact formatter does', async () => {
    const X = await import('../../../src/families/inference/util/exact.js');
    for (const k of [0, 5, 7, 12, 99, 100, 1234, 50000, -3, -120]) {
      for (const places of [0, 1, 2]) expect(X.formatInt(k, places)).toBe(X.formatScaled(BigInt(k), places));
    }
    expect(X.formatInt(5, 2)).toBe('0.05');
    expect(X.formatInt(-120, 1)).toBe('-12.0');
  });

  it('solves a hand-made table', async () => {
    const { solveTable } = await import('../../../src/families/inference/table.js');
    const { TABLE_KINDS } = await import('../../../src/families/inference/data/table-kinds.js');
    const kind = TABLE_KINDS.find((k) => k.id === 'students')!;
    const t = {
      kind,
      names: ['Ann', 'Ben', 'Cleo', 'Dev'],
      cats: ['7A', '7B', '7A', '7A'],
      cols: [kind.columns[0]!, kind.columns[4]!],
      values: [
        [90, 45, 71, 88],
        [3, 10, 0, 7],
      ],
    };
    const ask = (q: object) => solveTable(t, { col: 0, highest: true, filter: {}, rows: [], ...q } as never).answer;
    expect(ask({ task: 'sum', filter: { cat: '7A' } })).toBe('249');
    // (90 + 71 + 88) / 3 = 83 exactly; (90 + 45 + 71 + 88) / 4 = 73.5.
    expect(ask({ task: 'average', filter: { cat: '7A' } })).toBe('83.00');
    expect(ask({ task: 'average' })).toBe('73.50');
    expect(ask({ task: 'argmax', highest: false, filter: { cat: '7A', threshold: { col: 1, value: 5, above: true } } })).toBe('Dev');
    expect(ask({ task: 'count', col: 1, filter: { threshold: { col: 1, value: 5, above: false } } })).toBe('2');
    expect(ask({ task: 'difference', rows: [0, 1] })).toBe('45');
    expect(ask({ task: 'lookup', col: 1, rows: [2] })).toBe('0');
  });
});

describe('inference.table difficulty', () => {
  it('grows the table, adds a category column and then filters', () => {
    const stats = (difficulty: number) => {
      let rows = 0;
      let cols = 0;
      let filtered = 0;
      for (let i = 0; i < 200; i++) {
        const { table: t, question: qn } = problem(`d${difficulty}-${i}`, difficulty);
        rows += t.names.length;
        cols += t.cols.length + (t.cats ? 1 : 0);
        if (qn.filter.cat !== undefined || qn.filter.threshold) filtered++;
      }
      return { rows: rows / 200, cols: cols / 200, filtered: filtered / 200 };
    };
    const [s1, s3, s5] = [stats(1), stats(3), stats(5)];
    expect(s1.rows).toBeLessThan(s3.rows);
    expect(s3.rows).toBeLessThan(s5.rows);
    expect(s1.cols).toBeLessThan(s5.cols);
    expect(s1.filtered).toBe(0);
    expect(s5.filtered).toBeGreaterThan(s3.filtered * 0.9);
    expect(s5.filtered).toBeGreaterThan(0.5);
  });
});

describe('inference.table config', () => {
  it('rejects a bad maxRows and caps the rows', () => {
    expect(() => table.validateConfig!({ difficulty: 2, maxRows: 3 })).toThrow(/maxRows/);
    for (let i = 0; i < 50; i++) {
      const rng = new Rng(`cap${i}`);
      sf.use(rng);
      expect(drawTableProblem(rng, sf.faker, 5, 6).table.names.length).toBe(6);
    }
  });
});

describe('inference.table items', () => {
  it('verify their own answer and reject every near miss, including other rows', () => {
    for (let i = 0; i < 400; i++) {
      const d = gen(`v${i}`, (i % 5) + 1);
      expect(verifyAnswer(d.ground_truth, d.answer!).pass).toBe(true);
      const misses = table.nearMisses(d, new Rng(`nm${i}`));
      expect(misses.length).toBeGreaterThanOrEqual(3);
      for (const m of misses) {
        if (verifyAnswer(d.ground_truth, m).pass) throw new Error(`near miss '${m}' passes for '${d.answer}'`);
      }
    }
  });

  it('finds the row names of markdown and CSV tables', () => {
    expect(rowNames('x\n\n| Name | Age |\n| --- | --- |\n| Ann Lee | 30 |\n| Bo Park | 41 |\n\nWhich?')).toEqual(['Ann Lee', 'Bo Park']);
    expect(rowNames('Q\n\nStudent,Math\nAnn,30\nBo,41\n\nA:')).toEqual(['Ann', 'Bo']);
  });

  it('are reproducible and come in both formats', () => {
    expect(gen('same', 4)).toEqual(gen('same', 4));
    const tags = new Set(Array.from({ length: 60 }, (_, i) => gen(`f${i}`).tags![2]));
    expect([...tags].sort()).toEqual(['csv', 'markdown']);
  });
});

/**
 * inference.table: lookups and aggregates over a small generated table (employees, products, towns, students)
 * shown as markdown or CSV: a cell, the row with the largest or smallest value, a total, an average, an extreme,
 * a count, a difference between two rows. Values in a column are distinct, so the asked row is always unique.
 * Difficulty: 4 to 15 rows, 2 to 5 numeric columns (the unasked ones are distractors), a category column from 2,
 * category filters from 3, threshold filters from 4 and both at once at 5.
 */
import type { Faker } from '@faker-js/faker';
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import { csvTable, markdownTable } from '../../core/render.js';
import type { AnswerTruth } from './answer-truth.js';
import { TABLE_KINDS } from './data/table-kinds.js';
import * as X from './util/exact.js';
import { drawQuestion, drawTable, selectedRows, type Filter, type Table, type TableQuestion } from './util/table-problems.js';

export interface TableConfig extends BaseConfig {
  /** Upper bound on the rows of a table (difficulty asks for 4 to 15). */
  maxRows: number;
}

/** The answer to a question, as its canonical string. */
export function solveTable(t: Table, qn: TableQuestion): { answer: string; type: 'string' | 'number'; exact?: X.Q } {
  const col = t.cols[qn.col]!;
  const vals = t.values[qn.col]!;
  const fmt = (v: number) => X.formatInt(v, col.places);
  const rows = selectedRows(t, qn.filter);
  switch (qn.task) {
    case 'lookup':
      return { answer: fmt(vals[qn.rows[0]!]!), type: 'number' };
    case 'difference':
      return { answer: fmt(vals[qn.rows[0]!]! - vals[qn.rows[1]!]!), type: 'number' };
    case 'count':
      return { answer: String(rows.length), type: 'number' };
    case 'sum':
      return { answer: fmt(rows.reduce((s, r) => s + vals[r]!, 0)), type: 'number' };
    case 'average': {
      const exact = X.q(rows.reduce((s, r) => s + vals[r]!, 0), rows.length * 10 ** col.places);
      return { answer: X.formatScaled(X.round(exact, 2).scaled, 2), type: 'number', exact };
    }
    default: {
      let best = rows[0]!;
      for (const r of rows) if (qn.highest ? vals[r]! > vals[best]! : vals[r]! < vals[best]!) best = r;
      return qn.task === 'argmax' ? { answer: t.names[best]!, type: 'string' } : { answer: fmt(vals[best]!), type: 'number' };
    }
  }
}

function valueText(t: Table, col: number, v: number): string {
  const c = t.cols[col]!;
  const s = X.formatInt(v, c.places);
  return c.money ? `$${s}` : s;
}

/** " in the Sales department whose age is above 40" */
function filterText(t: Table, f: Filter): string {
  let s = f.cat !== undefined ? t.kind.inCategory(f.cat) : '';
  if (f.threshold) {
    const th = f.threshold;
    s += ` whose ${t.cols[th.col]!.noun} is ${th.above ? 'above' : 'below'} ${valueText(t, th.col, th.value)}`;
  }
  return s;
}

function renderTable(t: Table, csv: boolean): string {
  const header = [t.kind.nameHeader, ...(t.cats ? [t.kind.catHeader] : []), ...t.cols.map((c) => c.header)];
  const rows = t.names.map((name, r) => [
    name,
    ...(t.cats ? [t.cats[r]!] : []),
    ...t.cols.map((c, i) => X.formatInt(t.values[i]![r]!, c.places)),
  ]);
  return csv ? csvTable(header, rows) : markdownTable(header, rows);
}

/** The table, the question and its solution: the first draws of an item. */
export function drawTableProblem(rng: Rng, faker: Faker, difficulty: number, maxRows: number) {
  const t = drawTable(rng, faker, difficulty, maxRows);
  let qn = drawQuestion(rng, t, difficulty);
  let sol = solveTable(t, qn);
  // An average exactly halfway between two cents has no single rounding; ask another question.
  for (let i = 0; i < 8 && sol.exact && X.round(sol.exact, 2).tie; i++) {
    qn = drawQuestion(rng, t, difficulty);
    sol = solveTable(t, qn);
  }
  if (sol.exact && X.round(sol.exact, 2).tie) {
    qn = { task: 'argmax', col: qn.col, highest: true, filter: {}, rows: [] };
    sol = solveTable(t, qn);
  }
  return { table: t, question: qn, solution: sol };
}

export const table: GeneratorDef<TableConfig, AnswerTruth> = {
  family: 'inference',
  name: 'table',
  version: 1,
  verifier: 'answer',
  description: 'Lookups, filters and aggregates over a small markdown or CSV table.',
  defaults: { difficulty: 2, maxRows: 15 },
  validateConfig(c) {
    if (!Number.isInteger(c.maxRows) || c.maxRows < 4 || c.maxRows > 50) throw new Error('inference.table@1: maxRows must be an integer from 4 to 50');
    return c;
  },
  generate({ rng, faker, config, templates }): Draft<AnswerTruth> {
    const { table: t, question: qn, solution: sol } = drawTableProblem(rng, faker, config.difficulty, config.maxRows);
    const csv = rng.bool(0.4);
    const col = t.cols[qn.col]!;
    const cond = filterText(t, qn.filter);
    const k = t.kind;
    const data = {
      table: renderTable(t, csv),
      format: csv ? 'CSV data' : 'table',
      entity: k.entity,
      entities: k.entities,
      nameWord: k.id === 'employees' || k.id === 'students' ? 'name' : `${k.entity} name`,
      header: col.header,
      noun: col.noun,
      most: qn.highest ? 'highest' : 'lowest',
      size: qn.highest ? 'largest' : 'smallest',
      cond,
      one: `${k.entity}${cond}`,
      scope: cond === '' ? `all ${k.entities}` : `the ${k.entities}${cond}`,
      countNoun: `${k.entities}${cond}`,
      name: t.names[qn.rows[0] ?? 0],
      other: t.names[qn.rows[1] ?? 0],
      money: col.money === true,
    };
    const r = templates.render(qn.task, data, rng);
    let truth: AnswerTruth;
    if (sol.type === 'string') truth = { answer: sol.answer, type: 'string' };
    else if (qn.task === 'count') truth = { answer: sol.answer, type: 'number', units: [k.entities, k.entity] };
    else truth = { answer: sol.answer, type: 'number', units: [...col.units] };
    if (qn.task === 'average') truth.tolerance = 0.005;
    return {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: truth,
      answer: truth.answer,
      tags: ['table', qn.task, csv ? 'csv' : 'markdown'],
    };
  },
  nearMisses(draft, rng) {
    const t = draft.ground_truth;
    if (t.type === 'string') {
      const others = rowNames(draft.messages[draft.messages.length - 1]!.content).filter((n) => n.toLowerCase() !== t.answer.toLowerCase());
      const picks = rng.sample(others, Math.min(3, others.length));
      return [...picks, `${t.answer} or ${picks[0] ?? 'none'}`];
    }
    const a = t.answer;
    const places = a.includes('.') ? a.length - a.indexOf('.') - 1 : 0;
    const k = X.round(X.dec(a), places).scaled;
    const unit = 10n ** BigInt(places);
    const f = (x: bigint) => X.formatScaled(x, places);
    return [f(k + unit), f(k - unit), f(k + 10n * unit), `${a} or ${f(k + unit)}`];
  },
};

const NAME_HEADERS = new Set(TABLE_KINDS.map((k) => k.nameHeader));

/** The first-column cells of the markdown or CSV table in a prompt (the candidate wrong rows). */
export function rowNames(prompt: string): string[] {
  const out: string[] = [];
  let inCsv = false;
  for (const line of prompt.split('\n')) {
    if (line.startsWith('| ')) {
      const cell = line.slice(2, line.indexOf(' |'));
      if (!NAME_HEADERS.has(cell) && !cell.startsWith('---')) out.push(cell);
    } else if (inCsv) {
      if (line.trim() === '') break;
      out.push(line.slice(0, line.indexOf(',')));
    } else if (NAME_HEADERS.has(line.slice(0, line.indexOf(',')))) {
      inCsv = true;
    }
  }
  return out;
}

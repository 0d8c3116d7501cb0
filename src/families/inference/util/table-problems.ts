/**
 * The tables and questions of inference.table as data: a table of distinct names and distinct values per column
 * (so "which row has the most" never ties), a question over it, and a row filter, before any wording.
 */
import type { Faker } from '@faker-js/faker';
import type { Rng } from '../../../core/rng.js';
import { TABLE_KINDS, type NumericColumn, type TableKind } from '../data/table-kinds.js';
import { distinct } from '../../shared/entities.js';

export interface Table {
  kind: TableKind;
  names: string[];
  /** One category per row, or null when the table has no category column. */
  cats: string[] | null;
  cols: NumericColumn[];
  /** values[c][r]: column c, row r, as scaled integers. */
  values: number[][];
}

/** Rows kept by a question: a category, a threshold on one column, or both. */
export interface Filter {
  cat?: string;
  threshold?: { col: number; value: number; above: boolean };
}

export type TableTask = 'lookup' | 'argmax' | 'sum' | 'average' | 'extreme' | 'count' | 'difference';

export interface TableQuestion {
  task: TableTask;
  /** The asked column (every task but count). */
  col: number;
  /** argmax / extreme: largest (true) or smallest. */
  highest: boolean;
  filter: Filter;
  /** lookup: the row; difference: the larger row and the smaller row. */
  rows: number[];
}

const ROWS = [4, 6, 8, 11, 15];
const COLUMNS = [2, 3, 3, 4, 5];

/** `n` distinct integers in [lo, hi] (the ranges are far wider than any table). */
function distinctInts(rng: Rng, n: number, lo: number, hi: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < n) {
    const v = rng.int(lo, hi);
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

export function drawTable(rng: Rng, faker: Faker, difficulty: number, maxRows: number): Table {
  const kind = rng.pick(TABLE_KINDS);
  const n = Math.min(maxRows, ROWS[difficulty - 1]!);
  let names = distinct(n, () => kind.name(faker));
  // A name pool can run dry only with absurd maxRows; numbered names keep rows distinct.
  for (let i = names.length; i < n; i++) names.push(`${kind.entity} ${i + 1}`);
  names = names.slice(0, n);
  const picked = new Set(rng.sample(kind.columns.map((_, i) => i), COLUMNS[difficulty - 1]!));
  const cols = kind.columns.filter((_, i) => picked.has(i));
  let cats: string[] | null = null;
  if (difficulty >= 2) {
    // Fewer categories than rows, so that some category holds two rows or more.
    const pool = rng.sample(kind.categories(faker), Math.max(2, Math.round(n / 3)));
    cats = names.map(() => rng.pick(pool));
  }
  const values = cols.map((c) => distinctInts(rng, n, c.lo, c.hi));
  return { kind, names, cats, cols, values };
}

export function matches(t: Table, f: Filter, r: number): boolean {
  if (f.cat !== undefined && t.cats?.[r] !== f.cat) return false;
  if (f.threshold) {
    const v = t.values[f.threshold.col]![r]!;
    if (f.threshold.above ? v <= f.threshold.value : v >= f.threshold.value) return false;
  }
  return true;
}

export function selectedRows(t: Table, f: Filter): number[] {
  const out: number[] = [];
  for (let r = 0; r < t.names.length; r++) if (matches(t, f, r)) out.push(r);
  return out;
}

/** A threshold strictly between two neighbouring values of a column, as round as fits ("above 40", not "above 37"). */
function drawThreshold(rng: Rng, t: Table, col: number, rows: number[]): Filter['threshold'] | undefined {
  const sorted = rows.map((r) => t.values[col]![r]!).sort((a, b) => a - b);
  if (sorted.length < 3) return undefined;
  const above = rng.bool(0.5);
  // Split so that at least two rows pass and at least one fails.
  const i = above ? rng.int(1, sorted.length - 2) : rng.int(2, sorted.length - 1);
  const lo = sorted[i - 1]!;
  const hi = sorted[i]!;
  for (let step = 10 ** (t.cols[col]!.places + 3); step >= 1; step /= 10) {
    const v = Math.ceil((lo + 1) / step) * step;
    if (v < hi) return { col, value: v, above };
  }
  return undefined;
}

function drawFilter(rng: Rng, t: Table, difficulty: number, asked: number): Filter {
  const all = t.names.map((_, r) => r);
  const useCat = t.cats !== null && difficulty >= 3 && rng.bool(difficulty === 3 ? 0.6 : 0.7);
  const f: Filter = {};
  if (useCat) {
    // A category that holds at least two rows.
    const counts = new Map<string, number>();
    for (const c of t.cats!) counts.set(c, (counts.get(c) ?? 0) + 1);
    const big = [...counts.keys()].filter((c) => counts.get(c)! >= 2);
    if (big.length > 0) f.cat = rng.pick(big);
  }
  const wantThreshold = difficulty >= 4 && (f.cat === undefined ? rng.bool(0.7) : difficulty === 5 && rng.bool(0.5));
  if (wantThreshold && t.cols.length > 1) {
    const others = t.cols.map((_, i) => i).filter((i) => i !== asked);
    const th = drawThreshold(rng, t, rng.pick(others), f.cat === undefined ? all : selectedRows(t, f));
    if (th) f.threshold = th;
  }
  return f;
}

const TASKS: readonly (readonly TableTask[])[] = [
  ['lookup', 'argmax', 'sum', 'extreme'],
  ['lookup', 'argmax', 'sum', 'extreme', 'count', 'average'],
  ['lookup', 'argmax', 'sum', 'extreme', 'count', 'average', 'difference'],
];

export function drawQuestion(rng: Rng, t: Table, difficulty: number): TableQuestion {
  let task = rng.pick(TASKS[Math.min(difficulty, 3) - 1]!);
  const usable = (i: number) =>
    task === 'sum' ? t.cols[i]!.aggregate === 'sum' : task === 'average' || task === 'difference' ? t.cols[i]!.aggregate !== 'none' : true;
  let choices = t.cols.map((_, i) => i).filter(usable);
  if (choices.length === 0) {
    task = 'argmax';
    choices = t.cols.map((_, i) => i);
  }
  const col = rng.pick(choices);
  const highest = rng.bool(0.5);
  const n = t.names.length;
  if (task === 'lookup') return { task, col, highest, filter: {}, rows: [rng.int(0, n - 1)] };
  if (task === 'difference') {
    const [a, b] = rng.sample(t.names.map((_, r) => r), 2) as [number, number];
    const va = t.values[col]![a]!;
    const vb = t.values[col]![b]!;
    return { task, col, highest, filter: {}, rows: va > vb ? [a, b] : [b, a] };
  }
  if (task === 'count') {
    // A count always has a threshold; from difficulty 3 sometimes a category as well.
    const f = difficulty >= 3 ? drawFilter(rng, t, 5, -1) : {};
    const th = f.threshold ?? drawThreshold(rng, t, col, selectedRows(t, { cat: f.cat }));
    if (th) return { task, col: th.col, highest, filter: { cat: f.cat, threshold: th }, rows: [] };
    return { task: 'argmax', col, highest, filter: {}, rows: [] };
  }
  return { task, col, highest, filter: drawFilter(rng, t, difficulty, col), rows: [] };
}

/**
 * `verigen compare A B`: the change of each metric from eval report A to eval report B (e.g. before and after
 * training), over the items both answered, with a paired bootstrap interval (the same resampled items for both), and
 * whether that interval excludes zero.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { auroc } from '../metrics/rank.js';
import { calibration } from '../metrics/calibration.js';
import { bootstrap, type Interval } from './bootstrap.js';
import { EVAL_FILE, type EvalReport, type PerItem } from './evaluate.js';
import { RELIABILITY_BINS, singleClassNote } from './metrics.js';
import { ci, f3 } from './markdown.js';

export interface MetricChange {
  metric: 'accuracy' | 'auroc' | 'ece' | 'brier';
  /** Over the paired items (and, for the confidence metrics, those where both state a confidence). */
  n: number;
  a: number | null;
  b: number | null;
  delta: number | null;
  ci95: Interval | null;
  /** True when the interval lies wholly above or below zero; null without an interval. */
  excludes_zero: boolean | null;
  note?: string;
}

export interface Comparison {
  a: string;
  b: string;
  paired: number;
  only_a: number;
  only_b: number;
  changes: MetricChange[];
  bootstrap: { resamples: number; seed: string };
}

function loadEval(arg: string): { file: string; report: EvalReport; rows: Map<string, PerItem> } {
  const file = fs.existsSync(arg) && fs.statSync(arg).isDirectory() ? path.join(arg, EVAL_FILE) : arg;
  let report: EvalReport;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8')) as EvalReport;
  } catch (e) {
    throw new UsageError(`${file}: not a verigen eval report: ${(e as Error).message}`);
  }
  if (report.format_version !== 1 || typeof report.per_item_file !== 'string') throw new UsageError(`${file}: not a verigen eval report (format_version 1 with per_item_file)`);
  const perItem = path.join(path.dirname(file), report.per_item_file);
  const rows = new Map<string, PerItem>();
  let text: string;
  try {
    text = fs.readFileSync(perItem, 'utf8');
  } catch (e) {
    throw new UsageError(`${perItem}: cannot read the report's per-item file: ${(e as Error).message}`);
  }
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    let row: PerItem;
    try {
      row = JSON.parse(line) as PerItem;
    } catch {
      throw new UsageError(`${perItem}:${i + 1}: not JSON`);
    }
    if (typeof row.id !== 'string' || typeof row.pass !== 'boolean') throw new UsageError(`${perItem}:${i + 1}: needs id (string) and pass (boolean)`);
    rows.set(row.id, row);
  });
  return { file, report, rows };
}

type Stat = (y: Float64Array, c: Float64Array) => number | null;
const STATS: Record<'auroc' | 'ece' | 'brier', Stat> = {
  auroc: (y, c) => auroc(c, y),
  ece: (y, c) => calibration(c, y, undefined, RELIABILITY_BINS).ece,
  brier: (y, c) => calibration(c, y, undefined, RELIABILITY_BINS).brier,
};

export function compareReports(aArg: string, bArg: string, opts: { resamples?: number; seed?: string } = {}): Comparison {
  const A = loadEval(aArg);
  const B = loadEval(bArg);
  const resamples = opts.resamples ?? 1000;
  const seed = opts.seed ?? '0';
  const ids = [...A.rows.keys()].filter((id) => B.rows.has(id));
  const changes: MetricChange[] = [];
  const change = (metric: MetricChange['metric'], n: number, stat: (which: 'a' | 'b', idx: Uint32Array | null) => number | null, note?: string): void => {
    const a = n ? stat('a', null) : null;
    const b = n ? stat('b', null) : null;
    const delta = a !== null && b !== null ? b - a : null;
    const interval =
      delta === null
        ? null
        : bootstrap(
            n,
            (idx) => {
              const x = stat('a', idx);
              const y = stat('b', idx);
              return x === null || y === null ? null : y - x;
            },
            { resamples, seed: `${seed}:${metric}` },
          );
    changes.push({ metric, n, a, b, delta, ci95: interval, excludes_zero: interval ? interval.lo > 0 || interval.hi < 0 : null, ...(note ? { note } : {}) });
  };

  const passA = Float64Array.from(ids, (id) => (A.rows.get(id)!.pass ? 1 : 0));
  const passB = Float64Array.from(ids, (id) => (B.rows.get(id)!.pass ? 1 : 0));
  change('accuracy', ids.length, (which, idx) => {
    const p = which === 'a' ? passA : passB;
    let s = 0;
    const n = idx ? idx.length : p.length;
    for (let i = 0; i < n; i++) s += p[idx ? idx[i]! : i]!;
    return s / n;
  });

  const both = ids.filter((id) => A.rows.get(id)!.confidence !== null && B.rows.get(id)!.confidence !== null);
  const yA = Float64Array.from(both, (id) => (A.rows.get(id)!.pass ? 1 : 0));
  const yB = Float64Array.from(both, (id) => (B.rows.get(id)!.pass ? 1 : 0));
  const cA = Float64Array.from(both, (id) => A.rows.get(id)!.confidence!);
  const cB = Float64Array.from(both, (id) => B.rows.get(id)!.confidence!);
  const take = (v: Float64Array, idx: Uint32Array | null) => (idx ? Float64Array.from(idx, (i) => v[i]!) : v);
  for (const metric of ['auroc', 'ece', 'brier'] as const) {
    let note: string | undefined;
    if (metric === 'auroc') {
      const sa = yA.reduce((s, v) => s + v, 0);
      const sb = yB.reduce((s, v) => s + v, 0);
      const na = singleClassNote(sa, both.length);
      const nb = singleClassNote(sb, both.length);
      note = na ? `A: ${na}` : nb ? `B: ${nb}` : undefined;
    }
    change(metric, both.length, (which, idx) => (which === 'a' ? STATS[metric](take(yA, idx), take(cA, idx)) : STATS[metric](take(yB, idx), take(cB, idx))), note);
  }
  return { a: A.file, b: B.file, paired: ids.length, only_a: A.rows.size - ids.length, only_b: B.rows.size - ids.length, changes, bootstrap: { resamples, seed } };
}

export function comparisonMarkdown(c: Comparison): string {
  const out = [
    '# verigen compare',
    '',
    `A: \`${c.a}\`; B: \`${c.b}\`. ${c.paired} items in both (${c.only_a} only in A, ${c.only_b} only in B). Paired percentile bootstrap, ${c.bootstrap.resamples} resamples.`,
    '',
    '| metric | n | A | B | B - A | 95% interval | excludes 0 |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const m of c.changes) {
    const sign = m.delta === null ? 'n/a' : `${m.delta >= 0 ? '+' : ''}${m.delta.toFixed(3)}`;
    out.push(`| ${m.metric} | ${m.n} | ${f3(m.a)} | ${f3(m.b)} | ${sign} | ${ci(m.ci95)} | ${m.excludes_zero === null ? 'n/a' : m.excludes_zero ? 'yes' : 'no'} |${m.note ? ` ${m.note}` : ''}`);
  }
  return out.join('\n') + '\n';
}

/**
 * The purity gate against labelled corpora: corpus.tsv (the rules were tuned on it) and heldout.tsv (written after
 * tuning, never used to tune). Targets from the issue: recall >= 0.95 and false-positive rate <= 0.03.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkPurity, checkPurityAllRules } from '../../src/purity/index.js';

interface Row {
  line: number;
  flag: boolean;
  category: string;
  text: string;
}

function load(file: string): Row[] {
  const rows: Row[] = [];
  fs.readFileSync(path.resolve('test/purity', file), 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw === '' || raw.startsWith('#')) return;
      const [label, category, ...rest] = raw.split('\t');
      if ((label !== '0' && label !== '1') || !category || rest.length === 0) throw new Error(`${file}:${i + 1}: bad row`);
      rows.push({ line: i + 1, flag: label === '1', category, text: rest.join('\t').replace(/\\n/g, '\n') });
    });
  return rows;
}

interface Metrics {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  fpr: number;
  misses: string[];
  falseAlarms: string[];
}

function measure(rows: Row[]): Metrics {
  const m: Metrics = { n: rows.length, tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0, fpr: 0, misses: [], falseAlarms: [] };
  for (const row of rows) {
    const flagged = checkPurity(row.text).length > 0;
    if (row.flag && flagged) m.tp++;
    else if (row.flag) {
      m.fn++;
      m.misses.push(`${row.line} [${row.category}] ${row.text}`);
    } else if (flagged) {
      m.fp++;
      m.falseAlarms.push(`${row.line} [${row.category}] ${row.text}`);
    } else m.tn++;
  }
  m.precision = m.tp / Math.max(1, m.tp + m.fp);
  m.recall = m.tp / Math.max(1, m.tp + m.fn);
  m.fpr = m.fp / Math.max(1, m.fp + m.tn);
  return m;
}

function report(name: string, m: Metrics): string {
  const f = (x: number) => x.toFixed(3);
  return `${name}: n=${m.n} precision=${f(m.precision)} recall=${f(m.recall)} FPR=${f(m.fpr)} (tp ${m.tp}, fn ${m.fn}, fp ${m.fp}, tn ${m.tn})`;
}

const CATEGORIES = ['emotion', 'preference', 'opinion', 'experience', 'desire', 'relationship', 'consciousness', 'boilerplate'];

describe.each([
  ['corpus.tsv (tuned)', 'corpus.tsv', 400],
  ['heldout.tsv (held out)', 'heldout.tsv', 150],
])('%s', (name, file, minimum) => {
  const rows = load(file);
  const metrics = measure(rows);

  it('is large enough, about half to flag, and covers every category', () => {
    expect(rows.length).toBeGreaterThanOrEqual(minimum);
    const share = rows.filter((r) => r.flag).length / rows.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    for (const c of CATEGORIES) expect(rows.filter((r) => r.flag && r.category === c).length).toBeGreaterThanOrEqual(10);
  });

  it('meets recall >= 0.95 and false-positive rate <= 0.03', () => {
    // Printed so the numbers are visible in the test log; misses and false alarms name their corpus line.
    console.log([report(name, metrics), ...metrics.misses.map((s) => `  miss ${s}`), ...metrics.falseAlarms.map((s) => `  false alarm ${s}`)].join('\n'));
    expect(metrics.recall).toBeGreaterThanOrEqual(0.95);
    expect(metrics.fpr).toBeLessThanOrEqual(0.03);
  });

  it('the trigger stage loses no finding on any row', () => {
    for (const row of rows) expect(checkPurity(row.text)).toEqual(checkPurityAllRules(row.text));
  });
});

describe('the two corpora are disjoint', () => {
  it('no held-out sentence is in the tuned corpus', () => {
    const tuned = new Set(load('corpus.tsv').map((r) => r.text));
    expect(load('heldout.tsv').filter((r) => tuned.has(r.text))).toEqual([]);
  });
});

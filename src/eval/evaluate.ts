/**
 * `verigen eval`: verify a response file against a run (or any items `verify` reads) and report what the project
 * exists to measure: accuracy per family, generator and constraint (IFEval's four scores for instruct items) and,
 * where responses state a confidence, how well it separates right from wrong answers (AUROC), how calibrated it is
 * (ECE, Brier), each with a seeded bootstrap interval, plus a reliability diagram.
 *
 * Writes OUT/eval.json, OUT/eval.md, OUT/reliability.svg (when there are confidences) and OUT/per-item.jsonl
 * ({id, family, generator, pass, confidence}), which `verigen compare` pairs by id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import { verifyRun, type GroupScore, type ResponseEntry, type VerdictLine } from '../verify/run.js';
import type { IfevalScores } from '../families/instruct/ifeval-report.js';
import { bootstrap, type Interval } from './bootstrap.js';
import { signalMetrics, type SignalMetrics } from './metrics.js';
import { reliabilitySvg } from './reliability-svg.js';
import { evalMarkdown } from './markdown.js';
import { baselines, SELFPREDICT_GENERATOR } from '../selfpredict/build.js';

export type ConfidenceSource = { kind: 'tag' } | { kind: 'field'; name: string } | { kind: 'logprob'; name: string };

/** `tag` (confidence items' own tag, the default), `field:NAME` (a probability), `logprob:NAME` (mean token log-prob). */
export function parseConfidenceSource(text: string): ConfidenceSource {
  if (text === 'tag') return { kind: 'tag' };
  const m = /^(field|logprob):([A-Za-z_][A-Za-z0-9_]*)$/.exec(text);
  if (!m) throw new UsageError(`--confidence must be tag, field:NAME or logprob:NAME, got '${text}'`);
  return { kind: m[1] as 'field' | 'logprob', name: m[2]! };
}

export function describeSource(s: ConfidenceSource): string {
  return s.kind === 'tag' ? 'tag' : `${s.kind}:${s.name}`;
}

export interface EvalOptions {
  items: string;
  responses: string;
  out: string;
  confidence?: string;
  resamples?: number;
  seed?: string;
  skipMissing?: boolean;
}

export interface PerItem {
  id: string;
  family: string;
  generator: string;
  pass: boolean;
  confidence: number | null;
}

export interface EvalReport {
  format_version: 1;
  items: string;
  responses: string;
  n_items: number;
  answered: number;
  missing: number;
  accuracy: { value: number; ci95: Interval | null };
  by_family: Record<string, GroupScore>;
  by_generator: Record<string, GroupScore>;
  /** Per instruction id, over the instructions of instruct items (wrapped ones included): followed / given. */
  by_constraint: Record<string, { given: number; followed: number; accuracy: number }>;
  ifeval?: IfevalScores;
  confidence: { source: string; stated: number; not_stated: number; metrics: SignalMetrics | null };
  /** Self-prediction items, per property: accuracy beside the score of always giving the most common answer. */
  selfpredict?: { property: string; items: number; accuracy: number; baseline: number; most_common: string }[];
  bootstrap: { resamples: number; seed: string };
  per_item_file: string;
}

export const EVAL_FILE = 'eval.json';
export const PER_ITEM_FILE = 'per-item.jsonl';

/** The confidence a response states under `source`, null when it states none; a malformed one is a usage error. */
function confidenceOf(source: ConfidenceSource, verdict: VerdictLine, entry: ResponseEntry | undefined, file: string): number | null {
  if (source.kind === 'tag') {
    const c = (verdict as { confidence?: number | null }).confidence;
    return typeof c === 'number' ? c : null;
  }
  const raw = entry?.fields?.[source.name];
  if (raw === undefined || raw === null) return null;
  const where = `${file}:${entry!.line}: ${source.name}`;
  if (source.kind === 'field') {
    if (typeof raw !== 'number' || !(raw >= 0 && raw <= 1)) throw new UsageError(`${where}: must be a probability from 0 to 1, got ${JSON.stringify(raw)}`);
    return raw;
  }
  // A mean token log-probability, or the token log-probabilities themselves: exp(mean) is the geometric-mean token
  // probability, a confidence in [0, 1].
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0 || values.some((v) => typeof v !== 'number' || !(v <= 0))) {
    throw new UsageError(`${where}: must be a log-probability (a number <= 0) or a list of them, got ${JSON.stringify(raw).slice(0, 80)}`);
  }
  const mean = (values as number[]).reduce((s, v) => s + v, 0) / values.length;
  return Math.exp(mean);
}

export async function evaluateResponses(opts: EvalOptions): Promise<EvalReport> {
  const source = parseConfidenceSource(opts.confidence ?? 'tag');
  const resamples = opts.resamples ?? 1000;
  if (!Number.isSafeInteger(resamples) || resamples < 0) throw new UsageError(`--bootstrap must be a non-negative integer, got ${opts.resamples}`);
  const seed = opts.seed ?? '0';
  const evalFile = path.join(opts.out, EVAL_FILE);
  if (fs.existsSync(evalFile)) throw new UsageError(`${evalFile} exists: choose another --out or remove it (nothing is overwritten)`);
  fs.mkdirSync(opts.out, { recursive: true });

  const rows: PerItem[] = [];
  const byConstraint: EvalReport['by_constraint'] = {};
  const predictions: { property: string; answer: string; pass: boolean }[] = [];
  const summary = await verifyRun({
    items: opts.items,
    responses: opts.responses,
    ...(opts.skipMissing ? { skipMissing: true } : {}),
    keepFields: source.kind === 'tag' ? [] : [source.name],
    onVerdict(t, verdict, entry) {
      rows.push({ id: t.id, family: t.family, generator: t.generator, pass: verdict.pass, confidence: entry ? confidenceOf(source, verdict, entry, opts.responses) : null });
      if (t.generator === SELFPREDICT_GENERATOR && t.template) {
        predictions.push({ property: t.template.split('/').pop()!, answer: String((t.ground_truth as { answer: unknown }).answer), pass: verdict.pass });
      }
      const checks = (verdict as { inner?: { checks: { name: string; pass: boolean }[] } }).inner?.checks ?? verdict.checks;
      const truth = t.ground_truth as { verifier?: string };
      if (t.verifier === 'ifeval' || (t.verifier === 'confidence' && truth?.verifier === 'ifeval')) {
        for (const c of checks) {
          if (!c.name.includes(':')) continue;
          const g = (byConstraint[c.name] ??= { given: 0, followed: 0, accuracy: 0 });
          g.given++;
          if (c.pass) g.followed++;
        }
      }
    },
  });
  for (const g of Object.values(byConstraint)) g.accuracy = g.followed / g.given;

  const passes = Float64Array.from(rows, (r) => (r.pass ? 1 : 0));
  const accuracyCi = bootstrap(
    passes.length,
    (idx) => {
      let s = 0;
      for (let i = 0; i < idx.length; i++) s += passes[idx[i]!]!;
      return s / idx.length;
    },
    { resamples, seed: `${seed}:accuracy` },
  );
  const stated = rows.filter((r) => r.confidence !== null);
  const metrics = stated.length
    ? signalMetrics(
        Float64Array.from(stated, (r) => (r.pass ? 1 : 0)),
        Float64Array.from(stated, (r) => r.confidence!),
        { resamples, seed },
      )
    : null;
  const report: EvalReport = {
    format_version: 1,
    items: opts.items,
    responses: opts.responses,
    n_items: summary.items,
    answered: summary.answered,
    missing: summary.missing,
    accuracy: { value: summary.accuracy, ci95: accuracyCi },
    by_family: summary.by_family,
    by_generator: summary.by_generator,
    by_constraint: Object.fromEntries(Object.entries(byConstraint).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ...(summary.ifeval ? { ifeval: summary.ifeval } : {}),
    confidence: { source: describeSource(source), stated: stated.length, not_stated: rows.length - stated.length, metrics },
    ...(predictions.length
      ? {
          selfpredict: baselines(predictions).map((b) => {
            const of = predictions.filter((p) => p.property === b.property);
            return { property: b.property, items: b.items, accuracy: of.filter((p) => p.pass).length / of.length, baseline: b.baseline, most_common: b.most_common };
          }),
        }
      : {}),
    bootstrap: { resamples, seed },
    per_item_file: PER_ITEM_FILE,
  };
  writeFileAtomicSync(path.join(opts.out, PER_ITEM_FILE), rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
  if (metrics) writeFileAtomicSync(path.join(opts.out, 'reliability.svg'), reliabilitySvg(metrics.bins, `Reliability (${describeSource(source)}, n=${metrics.n})`));
  writeFileAtomicSync(path.join(opts.out, 'eval.md'), evalMarkdown(report));
  writeFileAtomicSync(evalFile, JSON.stringify(report, null, 2) + '\n');
  return report;
}

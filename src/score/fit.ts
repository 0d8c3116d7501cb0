/**
 * `score fit`: learn the difficulty predictor (src/score/predictor.ts) from pass@k labels with tfjs, and report how it
 * does on held-out items beside the per-generator mean pass rate of the training split.
 *
 * Items are split by a hash of (seed, id), so an item's side does not depend on the order or the other items. The
 * vocabulary is the buckets present in at least `minCount` training items, the `maxVocab` most frequent. The loss is
 * the cross-entropy of the predicted rate against n_pass / k (the log-likelihood of the k responses, over k).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import { readJsonLines, sourceFiles } from '../shards/reader.js';
import { evaluate, evaluationTable, reliabilityTable, type Evaluation } from '../metrics/evaluate.js';
import { DEFAULT_BUCKETS, FeatureExtractor, hashString } from './features.js';
import { readLabels } from './labels.js';
import { Predictor, saveModel, type PredictorSpec } from './predictor.js';
import { trainModel, type Examples, type TrainOptions } from './train.js';

export interface FitOptions extends Partial<TrainOptions> {
  items: string;
  labels: string;
  out: string;
  /** Which reference model's labels (needed when the labels file holds several). */
  model?: string;
  holdout?: number;
  seed?: string;
  buckets?: number;
  onEpoch?: (epoch: number, loss: number) => void;
}

export interface FitReport {
  label_model: string;
  k: number;
  items: { labelled: number; train: number; holdout: number };
  vocab: number;
  hidden: number;
  epochs: number;
  final_train_loss: number;
  seconds: number;
  backend: string;
  /** Held-out items: the predictor and the baseline (per-generator mean pass rate of the training split). */
  holdout: { model: Evaluation; baseline: Evaluation } | null;
  auroc_note: string;
}

/** True when the item goes to the held-out split: a hash of (seed, id) under the fraction. */
export function isHoldout(seed: string, id: string, fraction: number): boolean {
  return hashString(`${seed}\u0000${id}`) / 2 ** 32 < fraction;
}

class Growable {
  idx = new Int32Array(1 << 16);
  val = new Float32Array(1 << 16);
  n = 0;
  append(idx: Int32Array, val: Float32Array, m: number): void {
    if (this.n + m > this.idx.length) {
      let cap = this.idx.length * 2;
      while (cap < this.n + m) cap *= 2;
      const i2 = new Int32Array(cap);
      i2.set(this.idx.subarray(0, this.n));
      this.idx = i2;
      const v2 = new Float32Array(cap);
      v2.set(this.val.subarray(0, this.n));
      this.val = v2;
    }
    this.idx.set(idx.subarray(0, m), this.n);
    this.val.set(val.subarray(0, m), this.n);
    this.n += m;
  }
}

interface Collected {
  generator: string;
  nPass: number;
  k: number;
  start: number;
  end: number;
}

/** Vocabulary: buckets in ≥ minCount training items, the maxVocab most frequent (ties by bucket), sorted by bucket. */
export function buildVocab(feats: Growable, rows: readonly Collected[], buckets: number, minCount: number, maxVocab: number): Int32Array {
  const df = new Int32Array(buckets);
  const last = new Int32Array(buckets).fill(-1);
  rows.forEach((r, i) => {
    for (let j = r.start; j < r.end; j++) {
      const b = feats.idx[j]!;
      if (last[b] !== i) {
        last[b] = i;
        df[b]!++;
      }
    }
  });
  const kept: number[] = [];
  for (let b = 0; b < buckets; b++) if (df[b]! >= minCount) kept.push(b);
  kept.sort((a, b) => df[b]! - df[a]! || a - b);
  return Int32Array.from(kept.slice(0, maxVocab)).sort();
}

export async function fitPredictor(opts: FitOptions): Promise<FitReport> {
  const t0 = process.hrtime.bigint();
  const seed = opts.seed ?? '0';
  const holdout = opts.holdout ?? 0.2;
  if (!(holdout >= 0 && holdout < 1)) throw new UsageError(`--holdout must be in [0, 1), got ${holdout}`);
  const buckets = opts.buckets ?? DEFAULT_BUCKETS;
  const { model: labelModel, labels } = await readLabels(opts.labels, opts.model);
  const extractor = new FeatureExtractor(buckets);
  const feats = new Growable();
  const train: Collected[] = [];
  const test: Collected[] = [];
  const matched = new Set<string>();
  let k = 0;
  for await (const { value, file, line } of readJsonLines(sourceFiles(opts.items).files)) {
    if (typeof value.id !== 'string') throw new UsageError(`${file}:${line}: id: missing or not a string`);
    const l = labels.get(value.id);
    if (!l) continue;
    matched.add(value.id);
    k = Math.max(k, l.k);
    const m = extractor.extract(value);
    const start = feats.n;
    feats.append(extractor.idx, extractor.val, m);
    const row = { generator: typeof value.generator === 'string' ? value.generator : '', nPass: l.n_pass, k: l.k, start, end: feats.n };
    (isHoldout(seed, value.id, holdout) ? test : train).push(row);
  }
  if (matched.size < labels.size) {
    const unknown = [...labels.keys()].filter((id) => !matched.has(id));
    throw new UsageError(`${opts.labels}: id: '${unknown[0]}' names no item of ${opts.items} (${unknown.length} unknown id(s) in all)`);
  }
  if (train.length === 0) throw new UsageError(`${opts.labels}: no labelled item falls in the training split (${labels.size} labels, --holdout ${holdout})`);

  const minCount = opts.minCount ?? 2;
  const maxVocab = opts.maxVocab ?? 1 << 16;
  const vocab = buildVocab(feats, train, buckets, minCount, maxVocab);
  const rowOf = new Int32Array(buckets).fill(-1);
  vocab.forEach((b, r) => (rowOf[b] = r));
  // Training examples over vocabulary rows; features outside the vocabulary are dropped (the predictor ignores them).
  const ex: Examples = { offsets: new Int32Array(train.length + 1), rows: new Int32Array(0), vals: new Float32Array(0), nPass: new Float32Array(train.length), k: new Float32Array(train.length) };
  const rowsTmp: number[] = [];
  const valsTmp: number[] = [];
  train.forEach((r, i) => {
    for (let j = r.start; j < r.end; j++) {
      const row = rowOf[feats.idx[j]!]!;
      if (row >= 0) {
        rowsTmp.push(row);
        valsTmp.push(feats.val[j]!);
      }
    }
    ex.offsets[i + 1] = rowsTmp.length;
    ex.nPass[i] = r.nPass;
    ex.k[i] = r.k;
  });
  ex.rows = Int32Array.from(rowsTmp);
  ex.vals = Float32Array.from(valsTmp);

  const trained = await trainModel(ex, vocab.length, { ...opts, seed });
  const weights = { ...trained.weights, rows: vocab };
  const specBase: Omit<PredictorSpec, 'format' | 'feature_version' | 'vocab' | 'weights'> = { buckets, hidden: trained.hidden, label_model: labelModel, k, train_items: train.length, seed };
  saveModel(opts.out, specBase, weights);

  let holdoutEval: FitReport['holdout'] = null;
  if (test.length > 0) {
    const predictor = new Predictor({ buckets, hidden: trained.hidden }, weights);
    const base = new Map<string, { s: number; n: number }>();
    let globalS = 0;
    for (const r of train) {
      const g = base.get(r.generator) ?? { s: 0, n: 0 };
      g.s += r.nPass / r.k;
      g.n++;
      base.set(r.generator, g);
      globalS += r.nPass / r.k;
    }
    const pm = new Float64Array(test.length);
    const pb = new Float64Array(test.length);
    test.forEach((r, i) => {
      pm[i] = predictor.predictFeatures(feats.idx.subarray(r.start, r.end), feats.val.subarray(r.start, r.end), r.end - r.start);
      const g = base.get(r.generator);
      pb[i] = g ? g.s / g.n : globalS / train.length;
    });
    const nPass = test.map((r) => r.nPass);
    const ks = test.map((r) => r.k);
    holdoutEval = { model: evaluate(pm, nPass, ks), baseline: evaluate(pb, nPass, ks) };
  }
  const report: FitReport = {
    label_model: labelModel,
    k,
    items: { labelled: labels.size, train: train.length, holdout: test.length },
    vocab: vocab.length,
    hidden: trained.hidden,
    epochs: trained.epochs,
    final_train_loss: trained.loss,
    seconds: Number(process.hrtime.bigint() - t0) / 1e9,
    backend: trained.backend,
    holdout: holdoutEval,
    auroc_note: 'auroc_responses: every response is a sample (a pass is a positive) scored with its item\'s prediction; auroc_items: items, positive when n_pass / k >= 0.5',
  };
  writeFileAtomicSync(path.join(opts.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileAtomicSync(path.join(opts.out, 'report.md'), reportMarkdown(report, opts));
  return report;
}

function reportMarkdown(r: FitReport, opts: FitOptions): string {
  const lines = [
    '# Difficulty predictor',
    '',
    `Fit on ${r.items.train} items labelled by \`${r.label_model}\` (k = ${r.k}) from \`${path.basename(opts.labels)}\`; ${r.items.holdout} held out.`,
    `Vocabulary ${r.vocab} buckets, hidden ${r.hidden}, ${r.epochs} epochs (final training loss ${r.final_train_loss.toFixed(4)}), ${r.seconds.toFixed(1)} s on ${r.backend}.`,
    '',
  ];
  if (r.holdout) {
    lines.push('## Held-out items', '', evaluationTable([
      { name: 'predictor', evaluation: r.holdout.model },
      { name: 'baseline: per-generator mean', evaluation: r.holdout.baseline },
    ]), '');
    lines.push(`AUROC (responses): every one of the ${r.holdout.model.responses} responses is a sample, a pass a positive, scored with its item's prediction. AUROC (items): an item is positive when n_pass / k ≥ 0.5.`, '');
    lines.push('### Reliability (predictor)', '', reliabilityTable(r.holdout.model), '');
  } else {
    lines.push('No held-out items (--holdout 0): no evaluation.', '');
  }
  return lines.join('\n');
}

/** Refuses an --out that exists and is not a model folder (so a fit never scribbles over unrelated files). */
export function checkModelOut(out: string): void {
  if (!fs.existsSync(out)) return;
  const entries = fs.readdirSync(out);
  const ours = new Set(['model.json', 'weights.bin', 'report.json', 'report.md']);
  const foreign = entries.filter((e) => !ours.has(e));
  if (foreign.length > 0) throw new UsageError(`--out ${out} holds other files (${foreign.slice(0, 3).join(', ')}); use an empty or new folder`);
}

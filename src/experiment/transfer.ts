/**
 * `verigen experiment transfer`: the project's question in miniature, with the embedded reference model. Two models
 * of the same shape, seed and number of steps are trained: A on inference items only, B on the same inference items
 * plus self-fact items about the embedded model itself. Each answers the same held-out inference items greedily; its
 * confidence in an answer is the geometric-mean probability of the answer's bytes (the model's own token
 * probabilities); AUROC of that confidence against correctness, with bootstrap intervals, is compared between A and
 * B with a paired bootstrap.
 *
 * It demonstrates the measuring harness end to end at a scale this machine trains in minutes. A byte-level model of
 * about a million parameters says nothing about large models: the numbers are no evidence either way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { generate } from '../run/generate.js';
import { verifyItem } from '../verify/dispatch.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import { useBackend, type BackendChoice } from '../score/backend.js';
import { resolveModelConfig, parameterCount } from '../score/model/config.js';
import { promptOf, readItems, readPairs } from '../score/model/data.js';
import { train } from '../score/model/train.js';
import { loadReferenceModel } from '../score/ref.js';
import { signalMetrics, type SignalMetrics } from '../eval/metrics.js';
import { compareReports, comparisonMarkdown, type Comparison } from '../eval/compare.js';
import { EVAL_FILE, PER_ITEM_FILE, type PerItem } from '../eval/evaluate.js';
import { ci, f3 } from '../eval/markdown.js';
import type { Item } from '../core/item.js';

export interface TransferOptions {
  out: string;
  steps?: number;
  /** tiny, default, or a config JSON file. */
  config?: string;
  /** Inference items to train on (B also gets half as many self-fact items). */
  trainItems?: number;
  heldOut?: number;
  seed?: string;
  batch?: number;
  lr?: number;
  backend?: BackendChoice;
  resamples?: number;
  /** Longest answer each model writes, in bytes (inference answers are short). */
  maxNewBytes?: number;
  log?: (line: string) => void;
}

export interface ArmResult {
  name: 'A' | 'B';
  trained_on: string;
  accuracy: number;
  signal: SignalMetrics;
}

export interface TransferResult {
  parameters: number;
  steps: number;
  held_out: number;
  arms: [ArmResult, ArmResult];
  comparison: Comparison;
  caveat: string;
}

export const CAVEAT =
  'This run demonstrates the harness at small scale (a byte-level model of about a million parameters, trained for minutes). It is no evidence about large models either way.';

const REF_PROFILE = path.join(PACKAGE_ROOT, 'profiles', 'verigen-ref.json');

async function makeRun(out: string, count: number, seed: string, family: string[], extra: { profile?: string; difficulty?: number } = {}): Promise<void> {
  if (fs.existsSync(path.join(out, 'manifest.json'))) return; // made by an earlier, interrupted experiment: resume uses it
  await generate({ out, count, seed, family, workers: 1, compress: 'none', difficulty: extra.difficulty ?? 1, ...(extra.profile ? { profile: extra.profile } : {}) });
}

/** Answers each held-out item greedily and reads its confidence from the model's own byte probabilities. */
async function answer(modelDir: string, items: readonly Item[], maxNewBytes: number): Promise<PerItem[]> {
  const model = await loadReferenceModel(modelDir);
  try {
    const prompts = items.map((it) => promptOf(it));
    const responses = await model.generate(prompts, { k: 1, temperature: 0, maxNewBytes, seed: '0' });
    const rows: PerItem[] = [];
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const response = responses[i]![0]!;
      const logProb = await model.logProbOfAnswer(prompts[i]!, response);
      // The answer's bytes and its end token: the geometric mean of their probabilities.
      const confidence = Math.exp(logProb / (Buffer.byteLength(response, 'utf8') + 1));
      rows.push({ id: it.id, family: it.family, generator: it.generator, pass: verifyItem(it, response).pass, confidence: Math.min(1, Math.max(0, confidence)) });
    }
    return rows;
  } finally {
    model.dispose();
  }
}

function writeArm(dir: string, rows: readonly PerItem[], signal: SignalMetrics, trainedOn: string): void {
  fs.mkdirSync(dir, { recursive: true });
  writeFileAtomicSync(path.join(dir, PER_ITEM_FILE), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const accuracy = rows.filter((r) => r.pass).length / rows.length;
  // The fields `verigen compare` reads, plus what this arm was.
  writeFileAtomicSync(path.join(dir, EVAL_FILE), JSON.stringify({ format_version: 1, trained_on: trainedOn, n_items: rows.length, accuracy: { value: accuracy, ci95: null }, confidence: { source: 'token-probabilities', stated: rows.length, not_stated: 0, metrics: signal }, per_item_file: PER_ITEM_FILE }, null, 2) + '\n');
}

export async function transferExperiment(opts: TransferOptions): Promise<TransferResult> {
  const log = opts.log ?? (() => {});
  const steps = opts.steps ?? 400;
  const trainItems = opts.trainItems ?? 3000;
  const heldOut = opts.heldOut ?? 300;
  const seed = opts.seed ?? '0';
  const resamples = opts.resamples ?? 1000;
  for (const [flag, v] of [['--steps', steps], ['--train-items', trainItems], ['--held-out', heldOut]] as const) {
    if (!(Number.isSafeInteger(v) && v >= 1)) throw new UsageError(`${flag} must be a positive integer, got ${v}`);
  }
  if (!fs.existsSync(REF_PROFILE)) throw new UsageError(`${REF_PROFILE}: the embedded model's profile is missing (it ships with verigen)`);
  const config = resolveModelConfig(opts.config ?? 'default', (f) => fs.readFileSync(f, 'utf8'));
  const backend = await useBackend(opts.backend ?? 'auto');
  log(backend.notice);
  const out = path.resolve(opts.out);
  fs.mkdirSync(out, { recursive: true });

  const runs = { inference: path.join(out, 'data', 'inference'), selffact: path.join(out, 'data', 'selffact'), heldOut: path.join(out, 'data', 'held-out') };
  await makeRun(runs.inference, trainItems, `${seed}-train`, ['inference']);
  await makeRun(runs.selffact, Math.max(1, Math.floor(trainItems / 2)), `${seed}-self`, ['selffact'], { profile: REF_PROFILE });
  await makeRun(runs.heldOut, heldOut, `${seed}-held-out`, ['inference']);
  const inferencePairs = await readPairs(runs.inference);
  const selfPairs = await readPairs(runs.selffact);
  const held: Item[] = [];
  for await (const it of readItems(runs.heldOut)) held.push(it);

  const arms: { name: 'A' | 'B'; trainedOn: string; pairs: typeof inferencePairs }[] = [
    { name: 'A', trainedOn: `${inferencePairs.length} inference items`, pairs: inferencePairs },
    { name: 'B', trainedOn: `${inferencePairs.length} inference items + ${selfPairs.length} self-fact items about the model`, pairs: [...inferencePairs, ...selfPairs] },
  ];
  const results: ArmResult[] = [];
  for (const arm of arms) {
    const modelDir = path.join(out, `model-${arm.name}`);
    log(`arm ${arm.name}: training on ${arm.trainedOn}, ${steps} steps`);
    await train({ pairs: arm.pairs, out: modelDir, steps, config, seed, batch: opts.batch ?? 8, lr: opts.lr ?? 3e-3, log, provenance: { experiment: 'transfer', arm: arm.name } });
    log(`arm ${arm.name}: answering ${held.length} held-out inference items`);
    const rows = await answer(modelDir, held, opts.maxNewBytes ?? 64);
    const signal = signalMetrics(
      Float64Array.from(rows, (r) => (r.pass ? 1 : 0)),
      Float64Array.from(rows, (r) => r.confidence!),
      { resamples, seed: `${seed}:${arm.name}` },
    );
    writeArm(path.join(out, arm.name), rows, signal, arm.trainedOn);
    results.push({ name: arm.name, trained_on: arm.trainedOn, accuracy: rows.filter((r) => r.pass).length / rows.length, signal });
  }
  const comparison = compareReports(path.join(out, 'A'), path.join(out, 'B'), { resamples, seed });
  const result: TransferResult = { parameters: parameterCount(config), steps, held_out: held.length, arms: [results[0]!, results[1]!], comparison, caveat: CAVEAT };
  writeFileAtomicSync(path.join(out, 'transfer.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileAtomicSync(path.join(out, 'transfer.md'), transferMarkdown(result));
  return result;
}

export function transferMarkdown(r: TransferResult): string {
  const lines = [
    '# verigen experiment transfer',
    '',
    `> ${r.caveat}`,
    '',
    `Two models of ${r.parameters} parameters, ${r.steps} steps each, answer the same ${r.held_out} held-out inference items; confidence is the geometric-mean probability of each answer's bytes.`,
    '',
    '| arm | trained on | accuracy | AUROC | 95% interval |',
    '| --- | --- | ---: | ---: | --- |',
    ...r.arms.map((a) => `| ${a.name} | ${a.trained_on} | ${f3(a.accuracy)} | ${f3(a.signal.auroc.value)} | ${ci(a.signal.auroc.ci95)} |${a.signal.auroc.note ? ` ${a.signal.auroc.note}` : ''}`),
    '',
    comparisonMarkdown(r.comparison),
  ];
  return lines.join('\n');
}

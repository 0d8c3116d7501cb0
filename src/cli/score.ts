/** `verigen score label|fit|predict|filter`: difficulty labels, the learned predictor, and the filter. */
import fs from 'node:fs';
import os from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../core/errors.js';
import { useBackend, type BackendChoice } from '../score/backend.js';
import { bandFromMinMax, DEFAULT_BAND, parseKeep } from '../score/band.js';
import { checkModelOut, fitPredictor } from '../score/fit.js';
import { filterRun, HISTOGRAM_FILE } from '../score/filter.js';
import { labelRun } from '../score/labels.js';
import { predictRun } from '../score/predict.js';
import { openSource } from '../score/sources/index.js';
import { TRAIN_DEFAULTS } from '../score/train.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

function positiveInt(flag: string, v: number | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!Number.isSafeInteger(v) || v < 1) throw new UsageError(`${flag} must be a positive integer, got ${v}`);
  return v;
}

function say(args: GlobalArgs, line: string): void {
  if (!args.quiet && !args.json) process.stderr.write(`verigen: ${line}\n`);
}

interface LabelArgs extends GlobalArgs {
  items: string;
  responses: string;
  k: number;
  out: string;
  model?: string;
  temperature: number;
  'max-new-bytes': number;
  seed: string;
  concurrency: number;
  retries: number;
  limit?: number;
  backend: BackendChoice;
}

const labelCommand: CommandModule<GlobalArgs, LabelArgs> = {
  command: 'label',
  describe: 'Label items with pass@k: k responses per item, each checked by the item\'s own verifier',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('items', { type: 'string', demandOption: true, describe: 'a run folder or a JSONL file of items' })
      .option('responses', { type: 'string', demandOption: true, describe: 'embedded[:DIR], an http(s):// completions endpoint, or a JSONL file of k responses per item' })
      .option('k', { type: 'number', default: 8, describe: 'responses per item' })
      .option('out', { type: 'string', demandOption: true, describe: 'labels JSONL (appended; a rerun resumes)' })
      .option('model', { type: 'string', describe: 'model name in the labels (an endpoint also gets it as the request\'s model)' })
      .option('temperature', { type: 'number', default: 1, describe: 'sampling temperature (embedded model, endpoint)' })
      .option('max-new-bytes', { type: 'number', default: 256, describe: 'response length: bytes for the embedded model, max_tokens for an endpoint' })
      .option('seed', { type: 'string', default: '0', describe: 'sampling seed of the embedded model' })
      .option('concurrency', { type: 'number', default: 4, describe: 'requests in flight to an endpoint' })
      .option('retries', { type: 'number', default: 5, describe: 'retries of a request on 429, 5xx or a network error (exponential backoff)' })
      .option('limit', { type: 'number', describe: 'label at most this many items of the run' })
      .option('backend', { type: 'string', default: 'auto', describe: 'TensorFlow.js backend of the embedded model: auto, tensorflow-gpu, tensorflow, wasm, cpu' }) as unknown as Argv<LabelArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const k = positiveInt('--k', args.k)!;
      if (!(args.temperature >= 0)) throw new UsageError(`--temperature must be a non-negative number, got ${args.temperature}`);
      positiveInt('--max-new-bytes', args['max-new-bytes']);
      positiveInt('--concurrency', args.concurrency);
      if (!Number.isSafeInteger(args.retries) || args.retries < 0) throw new UsageError(`--retries must be a non-negative integer, got ${args.retries}`);
      if (args.responses === 'embedded' || args.responses.startsWith('embedded:')) say(args, (await useBackend(args.backend)).notice);
      const source = await openSource(args.responses, {
        k,
        ...(args.model !== undefined ? { model: args.model } : {}),
        temperature: args.temperature,
        maxNew: args['max-new-bytes'],
        seed: args.seed,
        concurrency: args.concurrency,
        retries: args.retries,
        ...(process.env.OPENAI_API_KEY ? { apiKey: process.env.OPENAI_API_KEY } : {}),
      });
      const s = await labelRun({ items: args.items, source, k, out: args.out, ...(args.limit !== undefined ? { limit: positiveInt('--limit', args.limit)! } : {}) });
      if (args.json) printJson(s);
      else {
        if (s.repaired_bytes > 0) say(args, `cut a torn last line (${s.repaired_bytes} bytes) from ${s.out}`);
        say(args, `labelled ${s.labelled} item(s) with ${s.model} (k = ${k}); ${s.resumed} already in ${s.out}${s.without_responses ? `; ${s.without_responses} without responses` : ''}`);
      }
    }),
};

interface FitArgs extends GlobalArgs {
  items: string;
  labels: string;
  out: string;
  model?: string;
  holdout: number;
  seed: string;
  hidden: number;
  epochs: number;
  'batch-size': number;
  'learning-rate': number;
  l2: number;
  'min-count': number;
  'max-vocab': number;
  backend: BackendChoice;
}

const fitCommand: CommandModule<GlobalArgs, FitArgs> = {
  command: 'fit',
  describe: 'Train the difficulty predictor on labels and report it on held-out items beside a per-generator baseline',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('items', { type: 'string', demandOption: true, describe: 'the run (or JSONL) the labels are about' })
      .option('labels', { type: 'string', demandOption: true, describe: 'labels JSONL from verigen score label' })
      .option('out', { type: 'string', demandOption: true, describe: 'model folder to write (model.json, weights.bin, report.json, report.md)' })
      .option('model', { type: 'string', describe: 'whose labels, when the file holds several models' })
      .option('holdout', { type: 'number', default: 0.2, describe: 'fraction of labelled items held out for the report' })
      .option('seed', { type: 'string', default: '0', describe: 'split, initialisation and batch order' })
      .option('hidden', { type: 'number', default: TRAIN_DEFAULTS.hidden, describe: 'hidden units (0: logistic regression)' })
      .option('epochs', { type: 'number', default: TRAIN_DEFAULTS.epochs })
      .option('batch-size', { type: 'number', default: TRAIN_DEFAULTS.batchSize })
      .option('learning-rate', { type: 'number', default: TRAIN_DEFAULTS.learningRate })
      .option('l2', { type: 'number', default: TRAIN_DEFAULTS.l2 })
      .option('min-count', { type: 'number', default: TRAIN_DEFAULTS.minCount, describe: 'a feature bucket needs this many training items' })
      .option('max-vocab', { type: 'number', default: TRAIN_DEFAULTS.maxVocab, describe: 'at most this many feature buckets (the most frequent)' })
      .option('backend', { type: 'string', default: 'auto', describe: 'auto, tensorflow-gpu, tensorflow, wasm, cpu' }) as unknown as Argv<FitArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const hidden = args.hidden;
      if (!Number.isSafeInteger(hidden) || hidden < 0 || hidden > 1024) throw new UsageError(`--hidden must be an integer in 0..1024, got ${hidden}`);
      if (!(args['learning-rate'] > 0)) throw new UsageError(`--learning-rate must be positive, got ${args['learning-rate']}`);
      if (!(args.l2 >= 0)) throw new UsageError(`--l2 must be non-negative, got ${args.l2}`);
      checkModelOut(args.out);
      say(args, (await useBackend(args.backend)).notice);
      const r = await fitPredictor({
        items: args.items,
        labels: args.labels,
        out: args.out,
        ...(args.model !== undefined ? { model: args.model } : {}),
        holdout: args.holdout,
        seed: args.seed,
        hidden,
        epochs: positiveInt('--epochs', args.epochs)!,
        batchSize: positiveInt('--batch-size', args['batch-size'])!,
        learningRate: args['learning-rate'],
        l2: args.l2,
        minCount: positiveInt('--min-count', args['min-count'])!,
        maxVocab: positiveInt('--max-vocab', args['max-vocab'])!,
        onEpoch: (e, loss) => say(args, `epoch ${e}: training loss ${loss.toFixed(4)}`),
      });
      if (args.json) printJson(r);
      else if (!args.quiet) {
        process.stdout.write(fs.readFileSync(`${args.out}/report.md`, 'utf8'));
      }
    }),
};

interface PredictArgs extends GlobalArgs {
  items: string;
  model: string;
  out: string;
  workers?: number;
}

const predictCommand: CommandModule<GlobalArgs, PredictArgs> = {
  command: 'predict',
  describe: 'Predict the pass rate of every item of a run with a fitted model',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('items', { type: 'string', demandOption: true, describe: 'a run folder or a JSONL file of items' })
      .option('model', { type: 'string', demandOption: true, describe: 'model folder written by verigen score fit' })
      .option('out', { type: 'string', demandOption: true, describe: 'scores JSONL: {"id", "pass_rate"} per item, in the run\'s order' })
      .option('workers', { type: 'number', describe: 'worker threads, one shard at a time each (default: the number of CPUs)' }) as unknown as Argv<PredictArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const workers = positiveInt('--workers', args.workers) ?? Math.max(1, os.availableParallelism());
      const s = await predictRun({ items: args.items, model: args.model, out: args.out, workers });
      if (args.json) printJson(s);
      else say(args, `scored ${s.items} items in ${s.seconds.toFixed(2)} s (${Math.round(s.items_per_second)} items/s), mean predicted pass rate ${s.mean_pass_rate.toFixed(3)}; wrote ${s.out}`);
    }),
};

interface FilterArgs extends GlobalArgs {
  in: string;
  out: string;
  keep?: string;
  min?: number;
  max?: number;
  scores?: string;
  labels?: string;
  model?: string;
}

const filterCommand: CommandModule<GlobalArgs, FilterArgs> = {
  command: 'filter',
  describe: 'Keep the items whose pass rate lies in a band, into a new run (default: drop items every sample or no sample solved)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('in', { type: 'string', demandOption: true, describe: 'the run folder to filter' })
      .option('out', { type: 'string', demandOption: true, describe: 'the new run folder (must not exist or be empty)' })
      .option('keep', { type: 'string', describe: 'band, e.g. 0<p<1 (default), 0.2<=p<=0.8, p<0.5' })
      .option('min', { type: 'number', describe: 'lowest pass rate kept (inclusive)' })
      .option('max', { type: 'number', describe: 'highest pass rate kept (inclusive)' })
      .option('scores', { type: 'string', describe: 'scores JSONL from verigen score predict on this run' })
      .option('labels', { type: 'string', describe: 'labels JSONL from verigen score label (items without a label are left out)' })
      .option('model', { type: 'string', describe: 'whose labels, when the file holds several models' }) as unknown as Argv<FilterArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      if (args.keep !== undefined && (args.min !== undefined || args.max !== undefined)) throw new UsageError('--keep excludes --min and --max');
      const band = args.keep !== undefined ? parseKeep(args.keep) : args.min !== undefined || args.max !== undefined ? bandFromMinMax(args.min, args.max) : DEFAULT_BAND;
      const s = await filterRun({
        input: args.in,
        out: args.out,
        band,
        ...(args.scores !== undefined ? { scores: args.scores } : {}),
        ...(args.labels !== undefined ? { labels: args.labels } : {}),
        ...(args.model !== undefined ? { model: args.model } : {}),
      });
      if (args.json) printJson(s);
      else say(args, `kept ${s.kept} of ${s.items_in} items (${s.band}; ${s.below} below, ${s.above} above${s.unscored ? `, ${s.unscored} without a label` : ''}) in ${s.seconds.toFixed(2)} s; wrote ${s.out} with ${HISTOGRAM_FILE}`);
    }),
};

export const scoreCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'score <command>',
  describe: 'Difficulty: pass@k labels, a learned pass-rate predictor, and filtering by pass rate',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .command(labelCommand as never)
      .command(fitCommand as never)
      .command(predictCommand as never)
      .command(filterCommand as never)
      .demandCommand(1, 'name a score command: label, fit, predict or filter') as unknown as Argv<GlobalArgs>,
  handler: () => {},
};

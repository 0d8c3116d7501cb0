/** `verigen ref train|eval`: the embedded reference model (src/score/model). */
import fs from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../core/errors.js';
import { sourceFiles } from '../shards/reader.js';
import { useBackend, type BackendChoice } from '../score/backend.js';
import { resolveModelConfig, parameterCount } from '../score/model/config.js';
import { readPairs } from '../score/model/data.js';
import { evaluate } from '../score/model/eval.js';
import { train } from '../score/model/train.js';
import { DEFAULT_MODEL_DIR, loadReferenceModel } from '../score/ref.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

const BACKEND_CHOICES = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;

interface TrainArgs extends GlobalArgs {
  items: string;
  steps: number;
  out: string;
  seed: string;
  batch: number;
  lr: number;
  config: string;
  backend: BackendChoice;
  'checkpoint-every': number;
}

interface EvalArgs extends GlobalArgs {
  items: string;
  model: string;
  k: number;
  temperature?: number;
  'max-new-bytes': number;
  seed: string;
  limit?: number;
  backend: BackendChoice;
}

function positiveInt(flag: string, v: number): number {
  if (!(Number.isSafeInteger(v) && v >= 1)) throw new UsageError(`${flag} must be a positive integer, got ${v}`);
  return v;
}

const trainCommand: CommandModule<GlobalArgs, TrainArgs> = {
  command: 'train',
  describe: 'Train the byte-level reference model on items (prompt -> canonical answer or witness), reproducibly',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('items', { type: 'string', demandOption: true, describe: 'a run folder, a shard, or a JSONL file of items' })
      .option('steps', { type: 'number', demandOption: true, describe: 'optimisation steps' })
      .option('out', { type: 'string', demandOption: true, describe: 'model folder (rerunning the same command resumes from its checkpoint)' })
      .option('seed', { type: 'string', default: '0', describe: 'weights and batch order' })
      .option('batch', { type: 'number', default: 8, describe: 'rows of `context` tokens per step (examples packed back to back)' })
      .option('lr', { type: 'number', default: 3e-3, describe: 'peak learning rate (warm-up, then cosine decay to a tenth)' })
      .option('config', { type: 'string', default: 'default', describe: 'model shape: tiny, default, or a config JSON file' })
      .option('checkpoint-every', { type: 'number', default: 100, describe: 'steps between checkpoints' })
      .option('backend', { choices: BACKEND_CHOICES, default: 'auto' as BackendChoice, describe: 'TensorFlow.js backend' }) as unknown as Argv<TrainArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const config = resolveModelConfig(args.config, (f) => fs.readFileSync(f, 'utf8'));
      const { manifest } = sourceFiles(args.items);
      const pairs = await readPairs(args.items);
      const backend = await useBackend(args.backend);
      const say = (line: string) => {
        if (args.json) process.stderr.write(JSON.stringify({ event: 'progress', message: line }) + '\n');
        else if (!args.quiet) process.stderr.write(`${line}\n`);
      };
      say(`${backend.notice}; ${pairs.length} examples; ${parameterCount(config)} parameters`);
      const result = await train({
        pairs,
        out: args.out,
        steps: positiveInt('--steps', args.steps),
        config,
        seed: args.seed,
        batch: positiveInt('--batch', args.batch),
        lr: args.lr,
        checkpointEvery: positiveInt('--checkpoint-every', args['checkpoint-every']),
        log: say,
        provenance: { items: args.items, run_config: manifest?.config ?? null, run_fingerprint: manifest?.fingerprint ?? null },
      });
      if (args.json) printJson({ out: args.out, backend: backend.name, ...result });
      else if (!args.quiet) {
        process.stdout.write(
          `trained ${result.parameters} parameters for ${result.steps} steps (${result.resumedFrom ? `resumed at ${result.resumedFrom}, ` : ''}${result.seconds.toFixed(1)} s, ` +
            `${Math.round(result.tokensPerSecond)} tokens/s on ${backend.name}); final loss ${result.finalLoss.toFixed(4)}; wrote ${args.out}\n`,
        );
      }
    }),
};

const evalCommand: CommandModule<GlobalArgs, EvalArgs> = {
  command: 'eval',
  describe: 'pass@1 of the reference model per generator, each response checked by its item\'s verifier',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('items', { type: 'string', demandOption: true, describe: 'a run folder, a shard, or a JSONL file of items' })
      .option('model', { type: 'string', default: DEFAULT_MODEL_DIR, describe: 'model folder' })
      .option('k', { type: 'number', default: 1, describe: 'responses per item' })
      .option('temperature', { type: 'number', describe: 'sampling temperature (default: 0, greedy, for k=1; 1 otherwise)' })
      .option('max-new-bytes', { type: 'number', default: 96, describe: 'longest response, in bytes' })
      .option('seed', { type: 'string', default: '0', describe: 'sampling seed' })
      .option('limit', { type: 'number', describe: 'evaluate the first N items only' })
      .option('backend', { choices: BACKEND_CHOICES, default: 'auto' as BackendChoice, describe: 'TensorFlow.js backend' }) as unknown as Argv<EvalArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const k = positiveInt('--k', args.k);
      const temperature = args.temperature ?? (k === 1 ? 0 : 1);
      if (!(Number.isFinite(temperature) && temperature >= 0)) throw new UsageError(`--temperature must be a number >= 0, got ${args.temperature}`);
      sourceFiles(args.items); // a missing or incomplete run is a usage error before the model loads
      const backend = await useBackend(args.backend);
      const model = await loadReferenceModel(args.model);
      try {
        const log = args.quiet || args.json ? undefined : (line: string) => process.stderr.write(`${line}\n`);
        log?.(`${backend.notice}; model ${args.model}`);
        const r = await evaluate({
          items: args.items,
          model,
          k,
          temperature,
          maxNewBytes: positiveInt('--max-new-bytes', args['max-new-bytes']),
          seed: args.seed,
          ...(args.limit !== undefined ? { limit: positiveInt('--limit', args.limit) } : {}),
          ...(log ? { log } : {}),
        });
        if (args.json) return printJson(r);
        const rows = r.by_generator.map((g) => `  ${g.generator.padEnd(28)} ${g.verifier.padEnd(10)} ${String(g.items).padStart(6)}  ${g.pass_at_1.toFixed(3)}`);
        process.stdout.write(`pass@1 of ${r.model} (k=${r.k}, temperature ${r.temperature}) on ${r.items} items: ${r.pass_at_1.toFixed(3)}\n  ${'generator'.padEnd(28)} ${'verifier'.padEnd(10)} ${'items'.padStart(6)}  pass@1\n${rows.join('\n')}\n`);
      } finally {
        model.dispose();
      }
    }),
};

export const refCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'ref <command>',
  describe: 'The embedded reference model: train it, or measure its pass@1 per generator',
  builder: (y: Argv<GlobalArgs>) => y.command(trainCommand as never).command(evalCommand as never).demandCommand(1, 'name a ref command: train, eval'),
  handler: () => {},
};

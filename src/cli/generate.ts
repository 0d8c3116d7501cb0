/** `verigen generate`: flags → library `generate`. */
import fs from 'node:fs';
import os from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../core/errors.js';
import { generate } from '../run/generate.js';
import { DEFAULT_COMPRESS_LEVEL, DEFAULT_SHARD_SIZE } from '../run/config.js';
import { resolveSplit } from '../run/plan.js';
import { progressMode, progressReporter } from '../run/progress.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

interface GenerateArgs extends GlobalArgs {
  count: string;
  seed: string;
  out: string;
  family?: string[];
  mix?: string;
  'shard-size': string;
  compress: 'none' | 'gzip' | 'zstd';
  'compress-level'?: number;
  format: 'jsonl' | 'parquet';
  workers?: number;
  'num-shards'?: number;
  'shard-index'?: number;
  dedupe: boolean;
  'ref-date'?: string;
  difficulty?: number;
  constraints?: 'ifeval' | 'extended' | 'all';
  config?: string;
  'emit-witness': boolean;
  profile?: string;
  preset?: 'open-instruct' | 'trl' | 'verl' | 'ifeval';
}

/** A count: digits with optional `_` or `,` separators ("1_000_000"), nothing else. */
export function parseCount(flag: string, raw: string): number {
  const s = String(raw).trim();
  if (!/^\d[\d_,]*$/.test(s)) throw new UsageError(`${flag} must be a positive integer, got ${JSON.stringify(raw)}`);
  const n = Number(s.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** `a=0.5,b=0.5` → {a: 0.5, b: 0.5}. */
export function parseMix(raw: string): Record<string, number> {
  const mix: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*([0-9]*\.?[0-9]+(?:e-?\d+)?)\s*$/i.exec(part);
    if (!m) throw new UsageError(`--mix: '${part}' is not name=weight (e.g. --mix inference=0.7,instruct=0.3)`);
    if (m[1]! in mix) throw new UsageError(`--mix: '${m[1]}' is named twice`);
    mix[m[1]!] = Number(m[2]);
  }
  return mix;
}

function readGeneratorConfig(file: string): Record<string, Record<string, unknown>> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--config ${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--config ${file}: not valid JSON: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`--config ${file}: expected an object of generator id → config`);
  for (const [k, v] of Object.entries(data)) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`--config ${file}: ${k}: expected an object of config keys`);
  }
  return data as Record<string, Record<string, unknown>>;
}

export const generateCommand: CommandModule<GlobalArgs, GenerateArgs> = {
  command: 'generate',
  describe: 'Generate a reproducible, sharded corpus of verifiable items',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('count', { type: 'string', demandOption: true, describe: 'number of items (e.g. 100000 or 1_000_000)' })
      .option('seed', { type: 'string', default: '0', describe: 'run seed: the same seed and config give the same bytes' })
      .option('out', { type: 'string', default: 'out', describe: 'output folder (created; a rerun resumes)' })
      .option('family', { type: 'string', array: true, describe: 'families or generators, weighted equally (comma or space separated)', coerce: (v: string[]) => v.flatMap((s) => s.split(',')).filter(Boolean) })
      .option('mix', { type: 'string', describe: 'weights, e.g. inference=0.7,inference.dates=0.3' })
      .option('shard-size', { type: 'string', default: String(DEFAULT_SHARD_SIZE), describe: 'items per shard (every worker needs a shard to itself to help)' })
      .option('compress', { choices: ['none', 'gzip', 'zstd'] as const, default: 'gzip' as const })
      .option('compress-level', { type: 'number', describe: `gzip 1-9 or zstd 1-19 (default ${DEFAULT_COMPRESS_LEVEL})` })
      .option('format', { choices: ['jsonl', 'parquet'] as const, default: 'jsonl' as const })
      .option('workers', { type: 'number', describe: 'worker threads (default: the number of CPUs)' })
      .option('num-shards', { type: 'number', describe: 'split the run over N processes (with --shard-index, SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)' })
      .option('shard-index', { type: 'number', describe: 'which of the N processes this is (0-based)' })
      .option('dedupe', { type: 'boolean', default: false, describe: 'drop items whose prompt an earlier item already has' })
      .option('ref-date', { type: 'string', describe: 'the date every item takes as today (yyyy-mm-dd, default 2025-01-01)' })
      .option('difficulty', { type: 'number', describe: 'difficulty 1-5 for every generator' })
      .option('constraints', { choices: ['ifeval', 'extended', 'all'] as const, describe: "instruct: draw IFEval's 25 constraints (default), verigen's own (extended), or all" })
      .option('config', { type: 'string', describe: 'JSON file: generator id → config overrides' })
      .option('profile', { type: 'string', describe: 'model profile for self-fact items: a shipped name (verigen list profiles) or a JSON file' })
      .option('preset', { choices: ['open-instruct', 'trl', 'verl', 'ifeval'] as const, describe: 'write rows in a consumer\'s columns' })
      .option('emit-witness', { type: 'boolean', default: false, describe: 'write each item\'s witness response' }) as unknown as Argv<GenerateArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const count = parseCount('--count', args.count);
      const shardSize = parseCount('--shard-size', args['shard-size']);
      if (args.workers !== undefined && (!Number.isSafeInteger(args.workers) || args.workers < 1)) {
        throw new UsageError(`--workers must be a positive integer, got ${args.workers}`);
      }
      const split = resolveSplit(args['num-shards'], args['shard-index'], process.env);
      const result = await generate({
        count,
        seed: args.seed,
        out: args.out,
        ...(args.family ? { family: args.family } : {}),
        ...(args.mix ? { mix: parseMix(args.mix) } : {}),
        shardSize,
        compress: args.compress,
        ...(args['compress-level'] !== undefined ? { compressLevel: args['compress-level'] } : {}),
        format: args.format,
        workers: args.workers ?? Math.max(1, os.availableParallelism()),
        split,
        dedupe: args.dedupe,
        ...(args['ref-date'] ? { refDate: args['ref-date'] } : {}),
        ...(args.difficulty !== undefined ? { difficulty: args.difficulty } : {}),
        ...(args.constraints !== undefined ? { constraints: args.constraints } : {}),
        ...(args.config ? { generatorConfig: readGeneratorConfig(args.config) } : {}),
        emitWitness: args['emit-witness'],
        ...(args.profile !== undefined ? { profile: args.profile } : {}),
        ...(args.preset !== undefined ? { preset: args.preset } : {}),
        onEvent: progressReporter(progressMode(args)),
      });
      const m = result.manifest;
      const items = m.shards.reduce((s, r) => s + r.count, 0);
      if (args.json) {
        printJson({ manifest: result.manifestPath, complete: m.complete, items, shards: m.shards.length, fingerprint: m.fingerprint, stats: m.stats ?? null });
      } else if (!args.quiet) {
        const what = m.complete ? `${items} items in ${m.num_shards} shard(s)` : `${m.shards.length} shard(s) of ${m.num_shards} (${items} items); run 'verigen merge' when every process is done`;
        process.stderr.write(`verigen: wrote ${what}; manifest ${result.manifestPath}\n`);
        if (m.stats) process.stderr.write(`verigen: unique prompts ${(m.stats.unique_prompt_ratio * 100).toFixed(2)}%, median prompt ${m.stats.prompt_chars.p50} chars\n`);
      }
    }),
};

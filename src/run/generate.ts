/**
 * `generate`: plan the shards, resume what a previous attempt left, run the rest on the pool, and keep
 * manifest.json true at every moment (a shard is listed only after its bytes and hash are on disk).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { resolveGeneratorName } from '../core/registry.js';
import { buildRunConfig, fingerprint, type RunConfig, type RunOptions } from './config.js';
import { ownedBy, planShards, type ProcessSplit, type ShardRange } from './plan.js';
import { runPool } from './pool.js';
import { ensureStateDir, orderFile, promptsFile, STATE_DIR, type ShardRecord, type ShardTask } from './shard-task.js';
import { isTempName } from '../shards/atomic.js';
import { datasetCard } from '../shards/card.js';
import { HashSet64 } from '../shards/hashset.js';
import { isManifestName, manifestName, readManifest, shardProblem, tool, writeManifest, type Manifest } from '../shards/manifest.js';
import { DATA_DIR } from '../shards/naming.js';
import { countDistinctSorted, mergeStats } from '../shards/stats.js';
import { writeFileAtomicSync } from '../shards/atomic.js';

export type RunEvent =
  | { type: 'start'; out: string; total: number; todo: number; kept: number; fingerprint: string }
  | { type: 'regenerate'; shard: number; file: string; reason: string }
  | { type: 'notice'; message: string }
  | { type: 'phase'; phase: 'dedupe-hash' | 'write'; items: number }
  | { type: 'progress'; items: number }
  | { type: 'shard'; record: ShardRecord }
  | { type: 'done'; manifest: string; items: number; complete: boolean };

export interface GenerateOptions extends RunOptions {
  out: string;
  workers?: number;
  split?: ProcessSplit | null;
  onEvent?: (e: RunEvent) => void;
}

export interface GenerateResult {
  manifestPath: string;
  manifest: Manifest;
}

function prepareOutDir(out: string): void {
  try {
    fs.mkdirSync(path.join(out, DATA_DIR), { recursive: true });
    ensureStateDir(out);
    fs.accessSync(out, fs.constants.W_OK);
    fs.accessSync(path.join(out, DATA_DIR), fs.constants.W_OK);
  } catch (e) {
    throw new UsageError(`--out ${out}: cannot write there: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Refuses a folder that holds another run, or files that are not a run's. Returns the manifest to resume from. */
function checkFolder(out: string, fp: string, name: string): Manifest | null {
  let entries: string[];
  try {
    entries = fs.readdirSync(out);
  } catch {
    return null;
  }
  for (const e of entries) {
    if (!isManifestName(e)) continue;
    const m = readManifest(path.join(out, e));
    if (m.fingerprint !== fp) {
      throw new UsageError(
        `--out ${out} holds another run (${e}: fingerprint ${m.fingerprint.slice(0, 12)}, ${m.config.count} items, seed ${m.config.seed}); ` +
          `this config's fingerprint is ${fp.slice(0, 12)}. Use another --out folder; nothing was changed.`,
      );
    }
  }
  const own = entries.includes(name) ? readManifest(path.join(out, name)) : null;
  if (!own) {
    const foreign = entries.filter((e) => !isManifestName(e) && e !== DATA_DIR && e !== STATE_DIR && e !== 'README.md');
    const dataFiles = fs.existsSync(path.join(out, DATA_DIR)) ? fs.readdirSync(path.join(out, DATA_DIR)).filter((f) => !isTempName(f)) : [];
    if (foreign.length > 0 || (dataFiles.length > 0 && !entries.some(isManifestName))) {
      throw new UsageError(`--out ${out} is not empty and holds no manifest of this run (found ${[...foreign, ...dataFiles].slice(0, 3).join(', ')}); refusing to write into it`);
    }
  }
  return own;
}

function removeTempFiles(out: string): void {
  for (const dir of [path.join(out, DATA_DIR), path.join(out, STATE_DIR), out]) {
    for (const f of fs.readdirSync(dir)) if (isTempName(f)) fs.rmSync(path.join(dir, f), { force: true });
  }
}

/** --dedupe: item i is dropped iff an item j < i of the run has the same prompt. Pass 1 hashes, pass 2 decides in index order. */
function dropLists(out: string, ranges: readonly ShardRange[]): Map<number, number[]> {
  const seen = new HashSet64(1 << 16);
  const drops = new Map<number, number[]>();
  for (const r of ranges) {
    const bytes = fs.readFileSync(orderFile(out, r.shard));
    const hashes = new BigUint64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    if (hashes.length !== r.end - r.start) throw new Error(`${orderFile(out, r.shard)}: expected ${r.end - r.start} hashes, found ${hashes.length}`);
    const list: number[] = [];
    for (let k = 0; k < hashes.length; k++) if (!seen.add(hashes[k]!)) list.push(k);
    drops.set(r.shard, list);
  }
  return drops;
}

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const config: RunConfig = buildRunConfig(opts);
  if (config.preset === 'ifeval') {
    const other = Object.keys(config.mix).filter((id) => resolveGeneratorName(id)?.verifier !== 'ifeval');
    if (other.length > 0) throw new UsageError(`--preset ifeval takes only instruction-following generators; this mix also has ${other.join(', ')} (use --family instruct)`);
  }
  const split = opts.split ?? null;
  if (config.dedupe && split) throw new UsageError('--dedupe needs the whole run in one process: it cannot be combined with --num-shards');
  const workers = opts.workers ?? 1;
  if (!Number.isSafeInteger(workers) || workers < 1) throw new UsageError(`--workers must be a positive integer, got ${opts.workers}`);
  const emit = opts.onEvent ?? (() => {});
  const out = path.resolve(opts.out);
  const fp = fingerprint(config);
  const name = manifestName(split);
  const manifestPath = path.join(out, name);

  for (const message of profileNotices(config)) emit({ type: 'notice', message });
  const previous = checkFolder(out, fp, name);
  prepareOutDir(out);
  removeTempFiles(out);

  const ranges = planShards(config.count, config.shard_size);
  const owned = ranges.filter((r) => ownedBy(split, r.shard));
  const done = new Map<number, ShardRecord>();
  for (const rec of previous?.shards ?? []) {
    const problem = shardProblem(out, rec) ?? (fs.existsSync(promptsFile(out, rec.shard)) ? null : 'its prompt-hash file is missing');
    if (problem) emit({ type: 'regenerate', shard: rec.shard, file: rec.file, reason: problem });
    else done.set(rec.shard, rec);
  }
  const manifest: Manifest = {
    format_version: 1,
    tool: tool(),
    config,
    fingerprint: fp,
    generators: Object.keys(config.mix),
    num_shards: ranges.length,
    split: split ? { num_shards: split.numShards, shard_index: split.shardIndex } : null,
    complete: false,
    shards: [...done.values()].sort((a, b) => a.shard - b.shard),
  };
  writeManifest(manifestPath, manifest);

  const todo = owned.filter((r) => !done.has(r.shard));
  const todoItems = todo.reduce((s, r) => s + (r.end - r.start), 0);
  emit({ type: 'start', out, total: config.count, todo: todoItems, kept: done.size, fingerprint: fp });

  const task = (mode: ShardTask['mode'], range: ShardRange, drop?: number[]): ShardTask => ({
    mode,
    config,
    range,
    numShards: ranges.length,
    outDir: out,
    ...(drop ? { drop } : {}),
  });
  let drops: Map<number, number[]> | null = null;
  if (config.dedupe && todo.length > 0) {
    const missing = ranges.filter((r) => !fs.existsSync(orderFile(out, r.shard)));
    emit({ type: 'phase', phase: 'dedupe-hash', items: missing.reduce((s, r) => s + (r.end - r.start), 0) });
    await runPool(
      missing.map((r) => task('hash', r)),
      workers,
      { onProgress: (items) => emit({ type: 'progress', items }), onDone: () => {} },
    );
    drops = dropLists(out, ranges);
  }

  emit({ type: 'phase', phase: 'write', items: todoItems });
  await runPool(
    todo.map((r) => task('write', r, drops?.get(r.shard))),
    workers,
    {
      onProgress: (items) => emit({ type: 'progress', items }),
      onDone: (_t, record) => {
        if (!record) return;
        done.set(record.shard, record);
        manifest.shards = [...done.values()].sort((a, b) => a.shard - b.shard);
        writeManifest(manifestPath, manifest);
        emit({ type: 'shard', record });
      },
    },
  );

  if (!split) finishRun(out, manifest);
  else writeManifest(manifestPath, manifest);
  const items = manifest.shards.reduce((s, r) => s + r.count, 0);
  emit({ type: 'done', manifest: manifestPath, items, complete: manifest.complete });
  return { manifestPath, manifest };
}

/** What the run cannot ask because of its profile, said once at the start. */
function profileNotices(config: RunConfig): string[] {
  const users = Object.keys(config.mix).filter((id) => resolveGeneratorName(id)?.profile);
  if (users.length === 0) return [];
  if (!config.profile) return [`no --profile: ${users.join(', ')} ask(s) only what the item's own context determines (no token counts)`];
  if (config.profile.tokenizer_sha256 === null) return [`profile ${config.profile.name} names no tokenizer file: no token-count questions are generated`];
  return [];
}

/** Marks a run complete once every shard is listed: run stats, the dataset card, then the manifest. */
export function finishRun(out: string, manifest: Manifest): void {
  if (manifest.shards.length !== manifest.num_shards) return;
  const items = manifest.shards.reduce((s, r) => s + r.count, 0);
  const distinct = countDistinctSorted(manifest.shards.map((r) => promptsFile(out, r.shard)));
  manifest.stats = mergeStats(
    manifest.shards.map((r) => r.stats),
    items,
    distinct,
  );
  manifest.complete = true;
  writeFileAtomicSync(path.join(out, 'README.md'), datasetCard(manifest));
  writeManifest(path.join(out, manifestName(null)), manifest);
}

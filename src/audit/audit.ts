/**
 * `verigen audit`: re-checks a finished run, or a JSONL items file, without trusting it, in bounded memory. Every
 * row streams through the per-row checks (rows are never held); ids and prompts go to on-disk sorted hash chunks
 * that a merge counts at the end; a sample of indices is regenerated. See docs/audit.md for what each check does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { itemId } from '../core/item.js';
import { isManifestName, MANIFEST, readManifest, type Manifest } from '../shards/manifest.js';
import { readJsonLines, readLines } from '../shards/reader.js';
import { planShards } from '../run/plan.js';
import type { Preset } from '../shards/presets.js';
import type { MergeResult } from './hash-spill.js';
import { checkFingerprint, checkManifest, checkShardHashes } from './manifest-checks.js';
import { Regenerator, type RegenTallies } from './regen.js';
import { RowChecker } from './row-checks.js';
import { viewRow } from './rows.js';
import { nameDuplicates } from './duplicates.js';
import { planSample, type SampleSpec } from './sample.js';
import { MAX_NAMED, Tally, type CheckResult } from './tally.js';

export interface AuditOptions {
  /** A run folder or a JSONL items file (plain or .gz). */
  source: string;
  sample?: SampleSpec;
  /** Called every few thousand rows. */
  onProgress?: (done: number, total: number | null) => void;
}

export interface AuditReport {
  source: string;
  kind: 'run' | 'items-file';
  preset: Preset | null;
  rows: number;
  sample: string;
  passed: boolean;
  checks: CheckResult[];
}

const PROGRESS_EVERY = 4096;

interface Shard {
  file: string;
  /** Run shards: the index range and count the manifest gives. */
  start?: number;
  end?: number;
  count?: number;
}

/** What the source is: a run (its manifest) or an items file; exit 2 for anything else. */
function openSource(source: string): { manifest: Manifest | null; dir: string } {
  let st: fs.Stats;
  try {
    st = fs.statSync(source);
  } catch {
    throw new UsageError(`${source}: no such file or folder`);
  }
  if (!st.isDirectory()) return { manifest: null, dir: path.dirname(source) };
  const mpath = path.join(source, MANIFEST);
  if (!fs.existsSync(mpath)) {
    const split = fs.readdirSync(source).filter((f) => isManifestName(f));
    throw new UsageError(split.length > 0 ? `${source}: a split run without ${MANIFEST}: run 'verigen merge' first` : `${source}: not a verigen run (no ${MANIFEST})`);
  }
  const manifest = readManifest(mpath);
  if (!manifest.complete) throw new UsageError(`${mpath}: the run is not complete (${manifest.shards.length} of ${manifest.num_shards} shards); finish it before auditing`);
  return { manifest, dir: source };
}

export async function audit(opts: AuditOptions): Promise<AuditReport> {
  const { manifest, dir } = openSource(opts.source);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-audit-'));
  try {
    return manifest ? await auditRun(opts, manifest, dir, tmp) : await auditFile(opts, tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Parsed rows of shards, in order; unreadable bytes and non-JSON lines become schema failures, not exceptions. */
async function* parquetLines(file: string): AsyncGenerator<{ value: string; line: number }> {
  for await (const { value, line } of readJsonLines([file])) yield { value: JSON.stringify(value), line };
}

async function* rowsOf(shards: readonly Shard[], rc: RowChecker): AsyncGenerator<{ shard: number; row: Record<string, unknown>; line: string; where: string }> {
  for (let s = 0; s < shards.length; s++) {
    const file = shards[s]!.file;
    // A parquet shard's rows come back as the objects the JSONL line would hold, in the same key order, so their
    // JSON text is the line the byte-for-byte comparison expects.
    const lines: AsyncGenerator<{ value: string; line: number }> = file.endsWith('.parquet') ? parquetLines(file) : readLines(file);
    for (;;) {
      let next: IteratorResult<{ value: string; line: number }>;
      try {
        next = await lines.next();
      } catch (e) {
        // A corrupted gzip stream ends the shard: its remaining rows are unread, which the ids check reports.
        rc.unparsable(path.basename(file), (e as Error).message);
        break;
      }
      if (next.done) break;
      const where = `${path.basename(file)}:${next.value.line}`;
      let row: unknown;
      try {
        row = JSON.parse(next.value.value);
      } catch (e) {
        rc.unparsable(where, `not JSON: ${(e as Error).message}`);
        continue;
      }
      if (row === null || typeof row !== 'object' || Array.isArray(row)) {
        rc.unparsable(where, 'not a JSON object');
        continue;
      }
      yield { shard: s, row: row as Record<string, unknown>, line: next.value.value, where };
    }
  }
}

function duplicateCheck(name: string, description: string, merged: MergeResult, named: string[][]): Tally {
  const t = new Tally(name, description);
  t.checked = merged.total;
  t.counts.distinct = merged.distinct;
  t.counts.duplicates = merged.total - merged.distinct;
  for (const group of named) if (t.offenders.length < MAX_NAMED) t.offenders.push({ id: group[0]!, detail: `same as ${group.slice(1).join(', ')}` });
  return t;
}

async function auditRun(opts: AuditOptions, m: Manifest, dir: string, tmp: string): Promise<AuditReport> {
  const manifestFile = path.join(dir, MANIFEST);
  const c = m.config;
  const manifestTally = checkManifest(m, manifestFile);
  const shaTally = checkShardHashes(m, dir);
  const { tally: fpTally, regenerable } = checkFingerprint(m, manifestFile);

  const rc = new RowChecker(c.preset, tmp, null);
  const t: RegenTallies = {
    bytes: new Tally('regenerate', 'sampled rows regenerated from (seed, generator, index) equal the stored line byte for byte'),
    witness: new Tally('witness', "each sampled item's regenerated witness passes the ground truth as stored"),
    nonVacuous: new Tally('non-vacuous', "the generator's near misses of each sampled item fail the stored verifier (generic wrong answers where it has none)"),
    purity: rc.purity,
  };
  const coords = new Tally('coordinates', 'each id is the id its (generator, seed, index) give, indices ascend inside their shard range, each shard holds its count');
  let regen: Regenerator | null = null;
  let regenProblem = regenerable;
  if (!regenProblem) {
    try {
      regen = new Regenerator(c);
    } catch (e) {
      regenProblem = `cannot regenerate this run here: ${(e as Error).message}`;
    }
  }
  const ranges = planShards(c.count, c.shard_size);
  const sample = planSample(c.count, ranges, c.seed, opts.sample);
  const shards: Shard[] = m.shards.map((r) => ({ file: path.join(dir, r.file), start: r.start, end: r.end, count: r.count }));
  const total = m.shards.reduce((a, r) => a + r.count, 0);

  let shardRows = 0;
  let lastIndex = -1;
  let current = -1;
  const closeShard = () => {
    const sh = shards[current];
    if (sh && shardRows !== sh.count) coords.fail(path.basename(sh.file), `holds ${shardRows} readable rows, the manifest says ${sh.count}`);
  };
  for await (const { shard, row, line, where } of rowsOf(shards, rc)) {
    while (current < shard) {
      closeShard();
      current++;
      shardRows = 0;
      lastIndex = -1;
    }
    shardRows++;
    const view = viewRow(row, c.preset);
    const sh = shards[shard]!;
    const index = view.index;
    const expectedId = index !== null && regen ? itemId(regen.generatorAt(index), c.seed, index) : null;
    const name = view.id ?? expectedId ?? where;
    rc.checkView(row, view, name);
    // Uniqueness follows from this check as well as from the id merge: an id is a function of its index, indices
    // strictly ascend inside a shard and stay in its range, and the manifest check makes the ranges disjoint.
    if (index === null) coords.fail(name, 'no index');
    else if (index < sh.start! || index >= sh.end!) coords.fail(name, `index ${index} outside the shard's range ${sh.start}..${sh.end! - 1}`);
    else if (index <= lastIndex) coords.fail(name, `index ${index} after ${lastIndex}: repeated or out of order`);
    else if (expectedId !== null && view.id !== null && view.id !== expectedId) coords.fail(name, `the coordinates give id ${expectedId}`);
    else coords.ok();
    if (index !== null) lastIndex = Math.max(lastIndex, index);
    if (regen && index !== null && index >= sh.start! && index < sh.end! && (sample.indices === null || sample.indices.has(index))) {
      regen.check(index, line, view, name, t);
    }
    if (rc.rows % PROGRESS_EVERY === 0) opts.onProgress?.(rc.rows, total);
  }
  while (current < shards.length) {
    closeShard();
    current++;
    shardRows = 0;
  }
  opts.onProgress?.(rc.rows, total);
  if (!regen) {
    for (const x of [t.bytes, t.witness, t.nonVacuous]) x.notApplicable(regenProblem ?? 'cannot regenerate');
    coords.note = `ids not compared with their coordinates: ${regenProblem}`;
  }
  if (sample.indices !== null) t.bytes.note = `sample: ${sample.description}`;

  const expected = m.stats?.duplicate_prompts;
  const promptsFail = (x: MergeResult) => (c.dedupe ? x.total > x.distinct : expected !== undefined && x.total - x.distinct !== expected);
  const { ids, prompts } = await mergeDuplicates(rc, shards.map((s) => s.file), promptsFail);
  const dup = prompts.tally;
  const found = prompts.merged.total - prompts.merged.distinct;
  if (c.dedupe && found > 0) dup.failed = found;
  else if (expected !== undefined && found !== expected) {
    dup.failed = Math.abs(found - expected);
    dup.offenders.unshift({ id: manifestFile, detail: `${found} duplicate prompts, the manifest's stats say ${expected}` });
  }
  if (dup.failed === 0) dup.offenders.length = 0;
  dup.note = c.dedupe ? 'a --dedupe run must have none' : "duplicates are allowed without --dedupe; their number must equal the manifest's stats";
  const checks = [manifestTally, shaTally, fpTally, rc.schema, ids, coords, t.bytes, t.witness, rc.verifier, t.nonVacuous, rc.purity, dup].map((x) => x.result());
  return { source: opts.source, kind: 'run', preset: c.preset, rows: rc.rows, sample: sample.description, passed: checks.every((x) => x.status !== 'fail'), checks };
}

/**
 * Merges the id and prompt hashes. The rows behind repeated hashes take a second pass over the data, so repeated
 * prompts are named only when `promptsFail` says their number is a failure (a run without --dedupe may have some).
 */
async function mergeDuplicates(rc: RowChecker, files: string[], promptsFail: (m: MergeResult) => boolean): Promise<{ ids: Tally; prompts: { tally: Tally; merged: MergeResult } }> {
  const idMerge = rc.ids.finish(MAX_NAMED);
  const promptMerge = rc.prompts.finish(MAX_NAMED);
  const named = await nameDuplicates(files, rc.preset, idMerge.duplicated, promptsFail(promptMerge) ? promptMerge.duplicated : []);
  const ids = duplicateCheck('ids', 'ids are unique (sorted 64-bit hashes, merged on disk)', idMerge, named.ids);
  ids.failed = idMerge.total - idMerge.distinct;
  const prompts = duplicateCheck('duplicate-prompts', 'distinct prompts counted exactly (sorted 64-bit hashes, merged on disk)', promptMerge, named.prompts);
  return { ids, prompts: { tally: prompts, merged: promptMerge } };
}

async function auditFile(opts: AuditOptions, tmp: string): Promise<AuditReport> {
  const mutations = new Tally('non-vacuous', 'generic wrong answers (empty, an unrelated sentence, the answer reversed) do not all pass the stored verifier');
  const rc = new RowChecker(null, tmp, mutations);
  for await (const { row, where } of rowsOf([{ file: opts.source }], rc)) {
    rc.check(row, (typeof row.id === 'string' && row.id) || where);
    if (rc.rows % PROGRESS_EVERY === 0) opts.onProgress?.(rc.rows, null);
  }
  opts.onProgress?.(rc.rows, rc.rows);
  const { ids, prompts } = await mergeDuplicates(rc, [opts.source], () => false);
  prompts.tally.note = 'informational: an items file carries no expected count';
  const why = 'an items file has no manifest: nothing to regenerate from';
  const na = (name: string, description: string) => {
    const x = new Tally(name, description);
    x.notApplicable(why);
    return x;
  };
  const checks = [
    na('manifest', 'the shards listed are exactly the plan of the config'),
    na('sha256', "every shard file's sha256 equals the manifest's"),
    na('fingerprint', "the manifest's fingerprint is the one its config gives"),
    rc.schema,
    ids,
    na('coordinates', 'each id is the id its (generator, seed, index) give'),
    na('regenerate', 'sampled rows regenerated equal the stored line byte for byte'),
    na('witness', 'the regenerated witness passes the ground truth as stored'),
    rc.verifier,
    mutations,
    rc.purity,
    prompts.tally,
  ].map((x) => x.result());
  return { source: opts.source, kind: 'items-file', preset: null, rows: rc.rows, sample: 'none: nothing to regenerate from', passed: checks.every((x) => x.status !== 'fail'), checks };
}

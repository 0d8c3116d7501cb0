/**
 * `merge`: joins the partial manifests of a split run (--num-shards/--shard-index) into manifest.json. Parts may sit
 * in the target folder (a shared file system) or in other folders, whose shard files are then copied in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { isManifestName, MANIFEST, readManifest, shardProblem, type Manifest } from '../shards/manifest.js';
import { DATA_DIR } from '../shards/naming.js';
import { ensureStateDir, promptsFile, type ShardRecord } from './shard-task.js';
import { finishRun } from './generate.js';

export interface MergeResult {
  manifest: Manifest;
  parts: number;
  copied: number;
}

function partsIn(dir: string): { file: string; manifest: Manifest }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    throw new UsageError(`${dir}: no such folder`);
  }
  return names
    .filter((n) => isManifestName(n) && n !== MANIFEST)
    .sort()
    .map((n) => ({ file: path.join(dir, n), manifest: readManifest(path.join(dir, n)) }));
}

export function mergeRuns(out: string, sources: readonly string[] = []): MergeResult {
  const dirs = [out, ...sources.filter((s) => path.resolve(s) !== path.resolve(out))];
  const parts = dirs.flatMap((d) => partsIn(d).map((p) => ({ ...p, dir: d })));
  if (parts.length === 0) throw new UsageError(`no partial manifests (manifest-*-of-*.json) in ${dirs.join(', ')}`);
  const first = parts[0]!;
  const records = new Map<number, { rec: ShardRecord; dir: string; from: string }>();
  for (const p of parts) {
    if (p.manifest.fingerprint !== first.manifest.fingerprint) {
      throw new UsageError(`${p.file}: fingerprint ${p.manifest.fingerprint.slice(0, 12)} differs from ${first.file} (${first.manifest.fingerprint.slice(0, 12)}): not the same run`);
    }
    for (const rec of p.manifest.shards) {
      const prev = records.get(rec.shard);
      if (prev && prev.rec.sha256 !== rec.sha256) throw new UsageError(`${p.file}: shard ${rec.shard} has a different sha256 in ${prev.from}`);
      records.set(rec.shard, { rec, dir: p.dir, from: p.file });
    }
  }
  const num = first.manifest.num_shards;
  const missing: number[] = [];
  for (let s = 0; s < num; s++) if (!records.has(s)) missing.push(s);
  if (missing.length > 0) {
    throw new UsageError(`the parts list ${records.size} of ${num} shards; missing shard(s) ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}: run their --shard-index first`);
  }
  fs.mkdirSync(path.join(out, DATA_DIR), { recursive: true });
  ensureStateDir(out);
  let copied = 0;
  for (const { rec, dir, from } of records.values()) {
    const problem = shardProblem(dir, rec);
    if (problem) throw new UsageError(`${path.join(dir, rec.file)} (listed in ${from}): ${problem}`);
    if (path.resolve(dir) !== path.resolve(out)) {
      const target = path.join(out, rec.file);
      if (fs.existsSync(target) && shardProblem(out, rec) === null) continue;
      if (fs.existsSync(target)) throw new UsageError(`${target} exists with other bytes than shard ${rec.shard} of ${from}; refusing to overwrite it`);
      fs.copyFileSync(path.join(dir, rec.file), target);
      fs.copyFileSync(promptsFile(dir, rec.shard), promptsFile(out, rec.shard));
      copied++;
    }
  }
  const manifest: Manifest = {
    ...first.manifest,
    split: null,
    complete: false,
    shards: [...records.values()].map((r) => r.rec).sort((a, b) => a.shard - b.shard),
  };
  delete manifest.stats;
  const existing = path.join(out, MANIFEST);
  if (fs.existsSync(existing) && readManifest(existing).fingerprint !== manifest.fingerprint) {
    throw new UsageError(`${existing} belongs to another run; refusing to overwrite it`);
  }
  finishRun(out, manifest);
  return { manifest, parts: parts.length, copied };
}

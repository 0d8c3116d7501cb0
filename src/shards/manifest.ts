/** manifest.json: what a run is (config, fingerprint, versions) and which shards are done, with their hashes. */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { UsageError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { describeErrors, validator } from '../core/schema.js';
import { VERSION } from '../version.js';
import type { RunConfig } from '../run/config.js';
import type { ShardRecord } from '../run/shard-task.js';
import type { ProcessSplit } from '../run/plan.js';
import { writeFileAtomicSync } from './atomic.js';
import type { RunStats } from './stats.js';

export const MANIFEST = 'manifest.json';

export interface Manifest {
  format_version: 1;
  tool: { name: 'verigen'; version: string; node: string; dependencies: Record<string, string> };
  config: RunConfig;
  fingerprint: string;
  generators: string[];
  num_shards: number;
  split: { num_shards: number; shard_index: number } | null;
  complete: boolean;
  shards: ShardRecord[];
  stats?: RunStats;
}

/** The manifest name of one process of a split run, or of the whole run. */
export function manifestName(split: ProcessSplit | null): string {
  if (!split) return MANIFEST;
  return `manifest-${String(split.shardIndex).padStart(5, '0')}-of-${String(split.numShards).padStart(5, '0')}.json`;
}

export function isManifestName(name: string): boolean {
  return name === MANIFEST || /^manifest-\d{5}-of-\d{5}\.json$/.test(name);
}

let toolInfo: Manifest['tool'] | undefined;
export function tool(): Manifest['tool'] {
  if (!toolInfo) {
    const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    toolInfo = { name: 'verigen', version: VERSION, node: process.version, dependencies: pkg.dependencies };
  }
  return toolInfo;
}

export function readManifest(file: string): Manifest {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const validate = validator('manifest');
  if (!validate(data)) throw new UsageError(`${file}: not a verigen manifest: ${describeErrors(validate.errors)}`);
  return data as Manifest;
}

export function writeManifest(file: string, m: Manifest): void {
  writeFileAtomicSync(file, JSON.stringify(m, null, 2) + '\n');
}

/** sha256 and size of a file, streamed; null if it does not exist. */
export function hashFile(file: string): { sha256: string; bytes: number } | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    let bytes = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
      bytes += n;
    }
    return { sha256: h.digest('hex'), bytes };
  } finally {
    fs.closeSync(fd);
  }
}

/** Why a listed shard cannot be trusted, or null when its bytes match the manifest. */
export function shardProblem(outDir: string, rec: ShardRecord): string | null {
  const found = hashFile(path.join(outDir, rec.file));
  if (!found) return 'file is missing';
  if (found.bytes !== rec.bytes) return `file has ${found.bytes} bytes, manifest says ${rec.bytes} (truncated or corrupted)`;
  if (found.sha256 !== rec.sha256) return 'sha256 differs from the manifest (corrupted)';
  return null;
}

/** Runs made with the CLI, copied and tampered with, for the audit tests. */
import fs from 'node:fs';
import path from 'node:path';
import { hashFile } from '../../src/shards/manifest.js';
import { tmpDir, verigen } from '../helpers/cli.js';

export function makeRun(args: string[]): string {
  const out = path.join(tmpDir('verigen-audit-test-'), 'run');
  const r = verigen(['generate', '--out', out, '--workers', '1', '--quiet', ...args]);
  if (r.status !== 0) throw new Error(`generate failed: ${r.stderr}`);
  return out;
}

export function copyRun(run: string): string {
  const dst = path.join(tmpDir('verigen-audit-copy-'), 'run');
  fs.cpSync(run, dst, { recursive: true });
  return dst;
}

export function shardPath(run: string, shard: number): string {
  const m = JSON.parse(fs.readFileSync(path.join(run, 'manifest.json'), 'utf8'));
  return path.join(run, m.shards[shard].file);
}

export function readShardLines(run: string, shard: number): string[] {
  return fs.readFileSync(shardPath(run, shard), 'utf8').split('\n').filter((l) => l !== '');
}

/** Rewrites a plain-JSONL shard and, like a careful tamperer, puts its new size and sha256 in the manifest. */
export function rewriteShard(run: string, shard: number, lines: string[], fixManifest = true): void {
  const file = shardPath(run, shard);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  if (!fixManifest) return;
  const mfile = path.join(run, 'manifest.json');
  const m = JSON.parse(fs.readFileSync(mfile, 'utf8'));
  const h = hashFile(file)!;
  m.shards[shard].sha256 = h.sha256;
  m.shards[shard].bytes = h.bytes;
  fs.writeFileSync(mfile, JSON.stringify(m, null, 2) + '\n');
}

export function editManifest(run: string, edit: (m: any) => void): void {
  const mfile = path.join(run, 'manifest.json');
  const m = JSON.parse(fs.readFileSync(mfile, 'utf8'));
  edit(m);
  fs.writeFileSync(mfile, JSON.stringify(m, null, 2) + '\n');
}

/** Runs the built CLI (dist/) in a child process, as a user would. `npm test` builds first. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function verigen(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '', ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting (for kill -9 tests). */
export function verigenAsync(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, stdio: 'ignore' });
}

export function tmpDir(prefix = 'verigen-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The concatenated, decompressed data of a run folder, shards in order. */
export function runData(dir: string): string {
  const files = fs.readdirSync(path.join(dir, 'data')).filter((f) => !f.startsWith('.')).sort();
  return files
    .map((f) => {
      const buf = fs.readFileSync(path.join(dir, 'data', f));
      return f.endsWith('.gz') ? zlib.gunzipSync(buf).toString('utf8') : buf.toString('utf8');
    })
    .join('');
}

export function readManifestJson(dir: string, name = 'manifest.json'): any {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
}

/** Every file under `dir` (relative path → bytes), for "nothing changed" checks. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

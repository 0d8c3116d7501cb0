/** Interruptions: kill -9, a full disk, corrupted and truncated shards. The final bytes are always those of a clean run. */
import fs from 'node:fs';
import path from 'node:path';
import { readManifestJson, runData, tmpDir, verigen, verigenAsync } from '../helpers/cli.js';

const ARGS = ['generate', '--count', '6000', '--seed', '3', '--shard-size', '400', '--quiet'];

let clean: string;
beforeAll(() => {
  clean = tmpDir();
  expect(verigen([...ARGS, '--out', clean, '--workers', '2']).status).toBe(0);
});

function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (cond()) resolve();
      else if (Date.now() > until) reject(new Error('timed out'));
      else setTimeout(tick, 5);
    };
    tick();
  });
}

describe('resume', () => {
  it('after kill -9 mid-run, a rerun finishes with the bytes of a clean run and keeps finished shards', async () => {
    const out = tmpDir();
    const child = verigenAsync([...ARGS, '--out', out, '--workers', '1']);
    const manifest = path.join(out, 'manifest.json');
    const shardsListed = () => {
      try {
        return readManifestJson(out).shards.length;
      } catch {
        return 0;
      }
    };
    await waitFor(() => fs.existsSync(manifest) && shardsListed() >= 2, 60_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = readManifestJson(out);
    expect(before.complete).toBe(false);
    expect(before.shards.length).toBeLessThan(15);
    const kept = before.shards.map((s: { file: string }) => [s.file, fs.statSync(path.join(out, s.file)).mtimeMs]);
    const r = verigen([...ARGS, '--out', out, '--workers', '2']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(runData(out)).toBe(runData(clean));
    expect(readManifestJson(out).shards).toEqual(readManifestJson(clean).shards);
    // Finished shards were trusted after their hash checked out, not rewritten.
    for (const [file, mtime] of kept) expect(fs.statSync(path.join(out, file)).mtimeMs).toBe(mtime);
    // No temp files are left behind.
    expect(fs.readdirSync(path.join(out, 'data')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a full disk fails with exit 1 and a clear message, keeps completed shards, and a rerun resumes', () => {
    const out = tmpDir();
    const r = verigen([...ARGS, '--out', out, '--workers', '1'], { VERIGEN_FAULT_ENOSPC_AFTER: '50000' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^verigen: the disk is full: ENOSPC.*Completed shards are kept/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const partial = readManifestJson(out);
    expect(partial.complete).toBe(false);
    for (const s of partial.shards) expect(fs.existsSync(path.join(out, s.file))).toBe(true);
    expect(verigen([...ARGS, '--out', out]).status).toBe(0);
    expect(runData(out)).toBe(runData(clean));
  });

  it('a full disk while writing Parquet fails the same way, and a rerun finishes the run', () => {
    const args = [...ARGS, '--format', 'parquet'];
    const whole = tmpDir();
    expect(verigen([...args, '--out', whole]).status).toBe(0);
    const out = tmpDir();
    const r = verigen([...args, '--out', out, '--workers', '1'], { VERIGEN_FAULT_ENOSPC_AFTER: '50000' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^verigen: the disk is full: ENOSPC.*Completed shards are kept/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readManifestJson(out).complete).toBe(false);
    expect(fs.readdirSync(path.join(out, 'data')).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(verigen([...args, '--out', out]).status).toBe(0);
    expect(readManifestJson(out).shards).toEqual(readManifestJson(whole).shards);
  });

  it('regenerates a corrupted shard and a truncated one, saying so, and never trusts them', () => {
    const out = tmpDir();
    fs.cpSync(clean, out, { recursive: true });
    const m = readManifestJson(out);
    const corrupt = path.join(out, m.shards[3].file);
    const truncate = path.join(out, m.shards[7].file);
    const bytes = fs.readFileSync(corrupt);
    bytes[100] ^= 0xff;
    fs.writeFileSync(corrupt, bytes);
    fs.truncateSync(truncate, 50);
    const r = verigen([...ARGS.filter((a) => a !== '--quiet'), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`verigen: shard 3 (${m.shards[3].file}): sha256 differs from the manifest (corrupted); regenerating it`);
    expect(r.stderr).toContain(`verigen: shard 7 (${m.shards[7].file}): file has 50 bytes, manifest says ${m.shards[7].bytes} (truncated or corrupted); regenerating it`);
    expect(runData(out)).toBe(runData(clean));
  });

  it('a rerun of a finished run changes nothing', () => {
    const out = tmpDir();
    fs.cpSync(clean, out, { recursive: true });
    const before = fs.statSync(path.join(out, readManifestJson(out).shards[0].file)).mtimeMs;
    expect(verigen([...ARGS, '--out', out]).status).toBe(0);
    expect(fs.statSync(path.join(out, readManifestJson(out).shards[0].file)).mtimeMs).toBe(before);
    expect(runData(out)).toBe(runData(clean));
  });
});

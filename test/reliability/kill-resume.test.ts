/**
 * kill -9 in the middle of `score filter`, then the same command again: the result is the clean run's, byte for byte,
 * and the killed process's temp folder is gone (nothing lost, nothing duplicated, no debris). The same for `generate`
 * is in test/run/resume.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readManifestJson, runData, tmpDir, verigen, verigenAsync } from '../helpers/cli.js';

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 5));
  }
  return false;
}

describe('kill -9 during score filter', () => {
  it('leaves no partial result, and a rerun gives the clean result', async () => {
    const dir = tmpDir();
    const run = path.join(dir, 'run');
    expect(verigen(['generate', '--count', '30000', '--seed', '8', '--family', 'inference', '--shard-size', '5000', '--out', run, '--quiet']).status).toBe(0);
    const ids = runData(run).trim().split('\n').map((l) => JSON.parse(l).id as string);
    // Rates 0/8 .. 8/8 in turn: the default band 0 < p < 1 keeps 7 of every 9 items.
    fs.writeFileSync(path.join(dir, 'labels.jsonl'), ids.map((id, i) => JSON.stringify({ id, model: 'm', k: 8, n_pass: i % 9 })).join('\n') + '\n');
    const args = (out: string) => ['score', 'filter', '--in', run, '--labels', path.join(dir, 'labels.jsonl'), '--out', out, '--quiet'];
    expect(verigen(args(path.join(dir, 'clean'))).status).toBe(0);

    const out = path.join(dir, 'killed');
    const child = verigenAsync(args(out));
    const started = await waitFor(() => fs.readdirSync(dir).some((n) => n.startsWith('.killed.tmp-') && fs.existsSync(path.join(dir, n, 'data')) && fs.readdirSync(path.join(dir, n, 'data')).length > 0), 20000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(started).toBe(true);
    // Killed mid-way: no result under the name, only the temp folder.
    expect(fs.existsSync(path.join(out, 'manifest.json'))).toBe(false);

    expect(verigen(args(out)).status).toBe(0);
    expect(runData(out)).toBe(runData(path.join(dir, 'clean')));
    const [a, b] = [readManifestJson(path.join(dir, 'clean')), readManifestJson(out)];
    expect(b.shards.map((s: { sha256: string }) => s.sha256)).toEqual(a.shards.map((s: { sha256: string }) => s.sha256));
    expect(fs.readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  }, 120000);
});

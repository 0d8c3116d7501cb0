/**
 * The command: exit codes (0 passed, 1 a check failed, 2 not a run), the report files, items files, preset runs and
 * gzip shards. The handler runs in this process (src/cli/main.ts wiring is the lead's), output captured.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { jest } from '@jest/globals';
import { auditCommand } from '../../src/cli/audit.js';
import { tmpDir, runData } from '../helpers/cli.js';
import * as helpersCli from '../helpers/cli.js';
import { copyRun, makeRun, shardPath } from './helpers.js';

async function runAudit(args: Record<string, unknown>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((s: any) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((s: any) => ((stderr += String(s)), true));
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await (auditCommand.handler as (a: unknown) => Promise<void>)({ _: [], $0: 'verigen', ...args });
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = before;
  }
}

describe('verigen audit (command)', () => {
  let gzRun: string;
  beforeAll(() => {
    gzRun = makeRun(['--count', '60', '--seed', '8', '--shard-size', '30', '--family', 'inference,instruct', '--emit-witness']);
  });

  it('exits 0 on a clean gzip run and writes audit.json and audit.md under RUN/audit', async () => {
    const r = await runAudit({ run: gzRun, json: true, quiet: true });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.passed).toBe(true);
    const saved = JSON.parse(fs.readFileSync(path.join(gzRun, 'audit', 'audit.json'), 'utf8'));
    expect(saved.checks.map((c: any) => c.status)).toEqual(report.checks.map((c: any) => c.status));
    const md = fs.readFileSync(path.join(gzRun, 'audit', 'audit.md'), 'utf8');
    expect(md).toMatch(/^# verigen audit: passed\n/);
    expect(md).toMatch(/\| sha256 \| pass \| 2 \| 0 \|/);
    // --emit-witness stores instruct witnesses, so every item has a stored solution to verify.
    expect(report.checks.find((c: any) => c.name === 'verifier').checked).toBe(60);
  });

  it('exits 1 on a flipped byte in a gzip shard, naming the shard, without a stack trace', async () => {
    const copy = copyRun(gzRun);
    const file = shardPath(copy, 1);
    const buf = fs.readFileSync(file);
    buf[Math.floor(buf.length / 2)] ^= 0x01;
    fs.writeFileSync(file, buf);
    const out = path.join(tmpDir(), 'report');
    const r = await runAudit({ run: copy, out });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('verigen: audit: sha256: 1 failed; first: data/train-00001-of-00002.jsonl.gz');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(path.join(out, 'audit.md'), 'utf8')).toMatch(/^# verigen audit: FAILED\n/);
  });

  it('exits 2 for a folder that is not a run, and for a bad --sample', async () => {
    const dir = tmpDir();
    const r = await runAudit({ run: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a verigen run (no manifest.json)');
    expect((await runAudit({ run: gzRun, sample: 'some' })).code).toBe(2);
  });

  it('audits a preset run by regenerating each row in the preset\'s columns', async () => {
    const run = makeRun(['--count', '40', '--seed', '3', '--shard-size', '20', '--compress', 'none', '--preset', 'verl', '--family', 'inference']);
    const r = await runAudit({ run, json: true, quiet: true });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.preset).toBe('verl');
    expect(report.checks.find((c: any) => c.name === 'regenerate').checked).toBe(40);
    expect(report.checks.find((c: any) => c.name === 'witness').checked).toBe(40);
    expect(report.checks.find((c: any) => c.name === 'coordinates').checked).toBe(40);
  });

  it('audits an ifeval-preset run, whose rows carry no id: they are named by the id their coordinates give', async () => {
    const run = makeRun(['--count', '20', '--seed', '4', '--compress', 'none', '--preset', 'ifeval', '--family', 'instruct', '--emit-witness']);
    const clean = await runAudit({ run, json: true, quiet: true });
    expect(clean.code).toBe(0);
    const copy = copyRun(run);
    const file = shardPath(copy, 0);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const row = JSON.parse(lines[5]!);
    row.response = '';
    lines[5] = JSON.stringify(row);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const bad = await runAudit({ run: copy, json: true, quiet: true });
    expect(bad.code).toBe(1);
    const regen = JSON.parse(bad.stdout).checks.find((c: any) => c.name === 'regenerate');
    expect(regen.offenders.map((o: any) => o.id)).toEqual([expect.stringMatching(/^instruct\.[a-z0-9_-]+@\d+\/s4\/0000000005$/)]);
  });

  it('audits an items file: clean passes with the run-only checks marked n/a; an impure answer fails it', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'items.jsonl');
    fs.writeFileSync(file, runData(gzRun));
    const ok = await runAudit({ run: file, json: true, quiet: true });
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.kind).toBe('items-file');
    const status = Object.fromEntries(report.checks.map((c: any) => [c.name, c.status]));
    expect(status).toMatchObject({ manifest: 'not-applicable', regenerate: 'not-applicable', schema: 'pass', ids: 'pass', purity: 'pass', verifier: 'pass', 'non-vacuous': 'pass' });
    expect(fs.existsSync(path.join(dir, 'items.jsonl.audit', 'audit.json'))).toBe(true);

    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const item = JSON.parse(lines.find((l) => JSON.parse(l).verifier === 'answer')!);
    item.answer = 'I feel that the answer is obvious.';
    item.id = item.id.replace(/\d{10}$/, '0000009999');
    fs.appendFileSync(file, JSON.stringify(item) + '\n' + lines[0] + '\n');
    const bad = await runAudit({ run: file, quiet: true });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`purity: 1 failed; first: ${item.id}`);
    expect(bad.stderr).toContain(`ids: 1 failed; first: ${JSON.parse(lines[0]!).id}`);
  });

  it('reports a gzip items file that is cut short as a failed row, not a crash', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'items.jsonl.gz');
    const gz = zlib.gzipSync(runData(gzRun));
    fs.writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const r = await runAudit({ run: file, quiet: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/schema: 1 failed; first: items\.jsonl\.gz/);
  });
});

describe('verigen audit through the installed command', () => {
  it('passes a clean run with exit 0 and refuses a folder that is not a run with exit 2', () => {
    const { verigen: cli, tmpDir: tmp } = helpersCli;
    const dir = tmp();
    expect(cli(['generate', '--count', '300', '--seed', '5', '--out', path.join(dir, 'run'), '--quiet']).status).toBe(0);
    const ok = cli(['audit', path.join(dir, 'run'), '--quiet']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'run', 'audit', 'audit.json'))).toBe(true);
    const bad = cli(['audit', dir]);
    expect(bad.status).toBe(2);
  });
});

describe('verigen audit on a parquet run', () => {
  it('reads the rows back as their JSON lines: every check passes, the regenerated sample byte for byte', () => {
    const { verigen: cli, tmpDir: tmp } = helpersCli;
    const run = path.join(tmp(), 'run');
    expect(cli(['generate', '--count', '200', '--seed', '6', '--format', 'parquet', '--family', 'inference,instruct,confidence', '--out', run, '--quiet']).status).toBe(0);
    const r = cli(['audit', run, '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    const regen = report.checks.find((c: { name: string }) => c.name === 'regenerate');
    expect(regen.checked).toBe(200);
    expect(report.checks.every((c: { failed: number }) => c.failed === 0)).toBe(true);
  });
});

/** Every bad input gets one clear line naming what and where, the documented exit code, no stack trace, and no loss. */
import fs from 'node:fs';
import path from 'node:path';
import { snapshot, tmpDir, verigen } from '../helpers/cli.js';

function expectUsage(r: { status: number | null; stderr: string }, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.status).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('generate: bad flags', () => {
  it.each([
    [['--count', '0'], /--count must be a positive integer, got "0"/],
    [['--count', '-5'], /--count must be a positive integer/],
    [['--count', '1.5'], /--count must be a positive integer, got "1.5"/],
    [['--count', 'ten'], /--count must be a positive integer, got "ten"/],
    [['--count', '10', '--shard-size', '0'], /--shard-size must be a positive integer, got "0"/],
    [['--count', '10', '--family', 'nosuch'], /unknown family or generator 'nosuch'/],
    [['--count', '10', '--family', 'inference.nosuch@1'], /unknown family or generator 'inference.nosuch@1'/],
    [['--count', '10', '--mix', 'inference=abc'], /--mix: 'inference=abc' is not name=weight/],
    [['--count', '10', '--workers', '0'], /--workers must be a positive integer/],
    [['--count', '10', '--difficulty', '9'], /difficulty must be an integer from 1 to 5/],
    [['--count', '10', '--family', 'inference', '--constraints', 'all'], /--constraints applies to generators that draw constraints \(the instruct family\), and this run has none/],
    [['--count', '10', '--family', 'instruct', '--constraints', 'some'], /Invalid values:[\s\S]*constraints/],
    [['--count', '10', '--ref-date', '2025-02-30'], /--ref-date must be a calendar date/],
    [['--count', '10', '--num-shards', '2'], /--num-shards needs --shard-index/],
    [['--count', '10', '--num-shards', '2', '--shard-index', '2'], /--shard-index must be in 0..1, got 2/],
    [['--count', '10', '--compress', 'lz4'], /Invalid values:[\s\S]*compress/],
    [['--count', '10', '--compress-level', '0'], /--compress-level must be an integer from 1 to 9 for gzip, got 0/],
    [['--count', '10', '--compress-level', '2.5'], /--compress-level must be an integer from 1 to 9 for gzip, got 2.5/],
    [['--count', '10', '--compress', 'none', '--compress-level', '3'], /--compress-level needs --compress gzip or zstd/],
    [['--count', '10', '--nosuchflag'], /Unknown argument: nosuchflag/],
    [['--count', '10', '--config', '/nonexistent/config.json'], /--config \/nonexistent\/config.json: cannot read: ENOENT/],
  ])('%j', (args, message) => {
    const out = tmpDir();
    expectUsage(verigen(['generate', '--out', out, ...(args as string[])]), message as RegExp);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('names the bad key of a generator config file', () => {
    const out = tmpDir();
    const cfg = path.join(out, 'cfg.json');
    fs.writeFileSync(cfg, JSON.stringify({ 'inference.arithmetic@1': { nosuchkey: 1 } }));
    expectUsage(verigen(['generate', '--count', '10', '--out', path.join(out, 'run'), '--config', cfg]), /generator inference\.arithmetic@1 has no config key 'nosuchkey'/);
  });

  it('refuses a folder holding another run and changes nothing in it', () => {
    const out = tmpDir();
    expect(verigen(['generate', '--count', '50', '--seed', '1', '--out', out, '--quiet']).status).toBe(0);
    const before = snapshot(out);
    expectUsage(verigen(['generate', '--count', '50', '--seed', '2', '--out', out]), /holds another run \(manifest\.json: fingerprint [0-9a-f]{12}, 50 items, seed 1\)/);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a non-empty folder that is not a run', () => {
    const out = tmpDir();
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    expectUsage(verigen(['generate', '--count', '5', '--out', out]), /is not empty and holds no manifest of this run \(found notes\.txt\)/);
    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('reports a folder that cannot be written', () => {
    const base = tmpDir();
    const file = path.join(base, 'a-file');
    fs.writeFileSync(file, 'x');
    expectUsage(verigen(['generate', '--count', '5', '--out', path.join(file, 'run')]), /--out .*a-file\/run: cannot write there: ENOTDIR/);
  });
});

describe('verify: bad response files', () => {
  let run: string;
  let firstId: string;
  beforeAll(() => {
    run = tmpDir();
    expect(verigen(['generate', '--count', '20', '--seed', '4', '--out', run, '--quiet']).status).toBe(0);
    firstId = JSON.parse(verigen(['show', run, '--index', '0', '--json']).stdout).id;
  });

  function responses(lines: string[]): string {
    const f = path.join(tmpDir(), 'responses.jsonl');
    fs.writeFileSync(f, lines.join('\n') + '\n');
    return f;
  }

  it('a line that is not JSON', () => {
    const f = responses([JSON.stringify({ id: firstId, response: '1' }), '{not json']);
    expectUsage(verigen(['verify', '--items', run, '--responses', f]), new RegExp(`${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2: not JSON`));
  });

  it('a line without a response', () => {
    const f = responses([JSON.stringify({ id: firstId })]);
    expectUsage(verigen(['verify', '--items', run, '--responses', f]), /responses\.jsonl:1: response: missing/);
  });

  it('a line naming an unknown id, and no verdict file is left', () => {
    const f = responses([JSON.stringify({ id: firstId, response: '1' }), JSON.stringify({ id: 'inference.arithmetic@1/s4/0000099999', response: '2' })]);
    const out = path.join(path.dirname(f), 'verdicts.jsonl');
    expectUsage(verigen(['verify', '--items', run, '--responses', f, '--out', out]), /responses\.jsonl:2: id: 'inference\.arithmetic@1\/s4\/0000099999' names no item/);
    expect(fs.readdirSync(path.dirname(f))).toEqual(['responses.jsonl']);
  });

  it('a missing items path', () => {
    const f = responses([JSON.stringify({ id: firstId, response: '1' })]);
    expectUsage(verigen(['verify', '--items', '/nonexistent/run', '--responses', f]), /\/nonexistent\/run: no such file or folder/);
  });
});

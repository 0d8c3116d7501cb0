/** `verigen verify` on a run folder: verdict lines, summary per generator, missing responses, prompt matching. */
import fs from 'node:fs';
import path from 'node:path';
import { readJsonLines } from '../../src/shards/reader.js';
import { tmpDir, verigen } from '../helpers/cli.js';

async function items(dir: string): Promise<any[]> {
  const out: any[] = [];
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  for await (const { value } of readJsonLines(m.shards.map((s: { file: string }) => path.join(dir, s.file)))) out.push(value);
  return out;
}

describe('verify', () => {
  let run: string;
  let all: any[];
  beforeAll(async () => {
    run = tmpDir();
    expect(verigen(['generate', '--count', '60', '--seed', '11', '--family', 'inference', '--out', run, '--shard-size', '25', '--quiet']).status).toBe(0);
    all = await items(run);
  });

  it('scores right, wrong and missing responses, matching by id and by prompt', async () => {
    const dir = tmpDir();
    const lines: string[] = [];
    // Items 0-29 answered right (even by id, odd by prompt), 30-49 wrong, 50-59 not answered.
    all.slice(0, 50).forEach((it, i) => {
      const response = i < 30 ? `<answer>${it.answer}</answer>` : 'I cannot tell.';
      lines.push(JSON.stringify(i % 2 === 0 ? { id: it.id, response } : { prompt: it.messages[it.messages.length - 1].content, response }));
    });
    const responses = path.join(dir, 'r.jsonl');
    fs.writeFileSync(responses, lines.join('\n') + '\n');
    const out = path.join(dir, 'verdicts.jsonl');
    const r = verigen(['verify', '--items', run, '--responses', responses, '--out', out, '--json']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ items: 60, answered: 50, missing: 10, passed: 30, accuracy: 0.5 });
    const gens = Object.values(s.by_generator) as { items: number; passed: number }[];
    expect(gens.reduce((a, g) => a + g.items, 0)).toBe(60);
    expect(gens.reduce((a, g) => a + g.passed, 0)).toBe(30);
    const verdicts = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(verdicts.map((v) => v.id)).toEqual(all.map((it) => it.id));
    expect(verdicts.slice(0, 30).every((v) => v.pass && v.score === 1)).toBe(true);
    expect(verdicts.slice(30, 50).every((v) => !v.pass && !v.missing)).toBe(true);
    expect(verdicts.slice(50).every((v) => v.missing === true && v.pass === false)).toBe(true);
    for (const v of verdicts) expect(Array.isArray(v.checks)).toBe(true);

    const skip = JSON.parse(verigen(['verify', '--items', run, '--responses', responses, '--skip-missing', '--json']).stdout);
    expect(skip).toMatchObject({ items: 50, answered: 50, missing: 0, passed: 30, accuracy: 0.6 });
  });

  it('prints a readable summary', () => {
    const dir = tmpDir();
    const responses = path.join(dir, 'r.jsonl');
    fs.writeFileSync(responses, all.map((it) => JSON.stringify({ id: it.id, response: it.answer })).join('\n'));
    const r = verigen(['verify', '--items', run, '--responses', responses]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^verified 60 items: 60 passed \(100\.00%\), 0 without a response\nby family\n {2}inference +60 \/ 60 +100\.00%/);
  });

  it('reads a single shard file too', () => {
    const m = JSON.parse(fs.readFileSync(path.join(run, 'manifest.json'), 'utf8'));
    const shard = path.join(run, m.shards[1].file);
    const dir = tmpDir();
    const responses = path.join(dir, 'r.jsonl');
    fs.writeFileSync(responses, all.slice(25, 50).map((it) => JSON.stringify({ id: it.id, response: it.answer })).join('\n'));
    const s = JSON.parse(verigen(['verify', '--items', shard, '--responses', responses, '--json']).stdout);
    expect(s).toMatchObject({ items: 25, passed: 25 });
  });
});

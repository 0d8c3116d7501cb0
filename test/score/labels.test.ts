/** `score label`: JSONL, endpoint and embedded sources; counts, unknown ids, resume and torn-line repair. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { labelRun, readLabels, resumeState } from '../../src/score/labels.js';
import { openSource } from '../../src/score/sources/index.js';
import { completionsUrl, httpSource, mapLimit, parseChoices } from '../../src/score/sources/http.js';
import { UsageError } from '../../src/core/errors.js';
import { readJsonLines } from '../../src/shards/reader.js';
import { tmpDir, verigen } from '../helpers/cli.js';

let run: string;
let items: any[];
const base = { temperature: 1, maxNew: 64, seed: '0', concurrency: 2, retries: 2, retryBaseMs: 1 };

beforeAll(async () => {
  run = tmpDir();
  expect(verigen(['generate', '--count', '12', '--seed', '3', '--family', 'inference', '--out', run, '--quiet']).status).toBe(0);
  items = [];
  const m = JSON.parse(fs.readFileSync(path.join(run, 'manifest.json'), 'utf8'));
  for await (const { value } of readJsonLines(m.shards.map((s: { file: string }) => path.join(run, s.file)))) items.push(value);
});

const wrong = (a: string) => `${a}0 is not it`; // never the canonical answer of an inference item
function lines(file: string): any[] {
  return fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

describe('labels from a JSONL file', () => {
  it('counts the responses the item verifier accepts, in both file shapes', async () => {
    const dir = tmpDir();
    const resp = path.join(dir, 'r.jsonl');
    // Item i gets min(i % 5, 4) right answers of 4. Items 0-5 as arrays, 6-9 as single lines; 10-11 unanswered.
    const rows: string[] = [];
    items.slice(0, 10).forEach((it, i) => {
      const n = Math.min(i % 5, 4);
      const rs = [0, 1, 2, 3].map((j) => (j < n ? it.answer : wrong(it.answer)));
      if (i < 6) rows.push(JSON.stringify({ id: it.id, responses: rs }));
      else for (const r of rs) rows.push(JSON.stringify({ id: it.id, response: r }));
    });
    fs.writeFileSync(resp, rows.join('\n') + '\n');
    const out = path.join(dir, 'labels.jsonl');
    const s = await labelRun({ items: run, source: await openSource(resp, { ...base, k: 4 }), k: 4, out });
    expect(s).toMatchObject({ model: 'r', labelled: 10, resumed: 0, without_responses: 2 });
    expect(lines(out)).toEqual(items.slice(0, 10).map((it, i) => ({ id: it.id, model: 'r', k: 4, n_pass: Math.min(i % 5, 4) })));
    // A rerun finds everything done.
    const again = await labelRun({ items: run, source: await openSource(resp, { ...base, k: 4 }), k: 4, out });
    expect(again).toMatchObject({ labelled: 0, resumed: 10 });
    expect(lines(out)).toHaveLength(10);
  });

  it('refuses a count that is not k, a bad field and an unknown id, naming file, line and field', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'r.jsonl');
    const it = items[0];
    fs.writeFileSync(f, `${JSON.stringify({ id: it.id, responses: ['a', 'b'] })}\n`);
    await expect(openSource(f, { ...base, k: 3 })).rejects.toThrow(`${f}:1: responses: 2 response(s) for id '${it.id}', expected --k 3`);
    fs.writeFileSync(f, `{"id":"x","response":"a"}\n{"id":${JSON.stringify(it.id)},"response":"a"}\n{"id":"x","response":"b"}\n`);
    await expect(openSource(f, { ...base, k: 2 })).rejects.toThrow(`${f}:2: response: id '${it.id}' has 1 response line(s), expected --k 2`);
    fs.writeFileSync(f, `{"id":"x","responses":["a",3]}\n`);
    await expect(openSource(f, { ...base, k: 2 })).rejects.toThrow(`${f}:1: responses[1]: not a string`);
    fs.writeFileSync(f, `${JSON.stringify({ id: it.id, responses: ['a'] })}\n{"id":"nope/s1/0000000001","responses":["a"]}\n`);
    const out = path.join(dir, 'l.jsonl');
    await expect(labelRun({ items: run, source: await openSource(f, { ...base, k: 1 }), k: 1, out })).rejects.toThrow(`${f}:2: id: 'nope/s1/0000000001' names no item of --items`);
    expect(fs.existsSync(out)).toBe(false); // refused before anything was written
  });

  it('cuts a torn last line and resumes; a bad line elsewhere is an error', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'l.jsonl');
    const a = JSON.stringify({ id: items[0].id, model: 'm', k: 2, n_pass: 1 });
    fs.writeFileSync(out, `${a}\n{"id":"${items[1].id}","mod`);
    const st = resumeState(out, 'm', 2);
    expect([...st.done]).toEqual([items[0].id]);
    expect(st.repaired).toBe(`{"id":"${items[1].id}","mod`.length);
    expect(fs.readFileSync(out, 'utf8')).toBe(`${a}\n`);
    // A complete last line without its newline is kept, not cut.
    fs.writeFileSync(out, a);
    expect(resumeState(out, 'm', 2)).toEqual({ done: new Set([items[0].id]), repaired: 0 });
    expect(fs.readFileSync(out, 'utf8')).toBe(`${a}\n`);
    expect(() => resumeState(out, 'm', 3)).toThrow(`${out}:1: k: labels of model 'm' here have k = 2, this run asks --k 3`);
    fs.writeFileSync(out, `garbage\n${a}\n`);
    expect(() => resumeState(out, 'm', 2)).toThrow(`${out}:1: not JSON`);
    fs.writeFileSync(out, `${JSON.stringify({ id: 'x', model: 'm', k: 2, n_pass: 3 })}\n`);
    expect(() => resumeState(out, 'm', 2)).toThrow(`${out}:1: n_pass: missing or not an integer in 0..2`);
  });

  it('readLabels picks a model and refuses duplicates', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'l.jsonl');
    fs.writeFileSync(f, ['{"id":"a","model":"m1","k":2,"n_pass":1}', '{"id":"a","model":"m2","k":2,"n_pass":2}'].join('\n') + '\n');
    await expect(readLabels(f)).rejects.toThrow('holds labels of 2 models (m1, m2); choose one with --model');
    expect((await readLabels(f, 'm2')).labels.get('a')!.n_pass).toBe(2);
    fs.appendFileSync(f, '{"id":"a","model":"m1","k":2,"n_pass":0}\n');
    await expect(readLabels(f, 'm1')).rejects.toThrow(`${f}:3: id: 'a' of model 'm1' is already labelled on line 1`);
  });
});

describe('labels from the embedded model', () => {
  it('samples each item on its own seed and checks the count', async () => {
    const calls: { prompts: readonly string[]; seed: string; k: number }[] = [];
    const fake = {
      name: 'fake-ref',
      dir: '/nowhere',
      async generate(prompts: readonly string[], o: { k: number; temperature: number; maxNewBytes: number; seed: string }) {
        calls.push({ prompts, seed: o.seed, k: o.k });
        // One right answer and k - 1 wrong ones per item.
        const it = items.find((x) => o.seed.endsWith(x.id))!;
        return prompts.map(() => Array.from({ length: o.k }, (_, j) => (j === 0 ? it.answer : wrong(it.answer))));
      },
    };
    const dir = tmpDir();
    const out = path.join(dir, 'l.jsonl');
    const s = await labelRun({ items: run, source: await openSource('embedded', { ...base, k: 3, seed: 'S', embedded: fake }), k: 3, out, limit: 5 });
    expect(s).toMatchObject({ model: 'fake-ref', labelled: 5 });
    expect(calls.map((c) => c.seed)).toEqual(items.slice(0, 5).map((it) => `S/${it.id}`));
    expect(calls.every((c) => c.prompts.length === 1 && c.k === 3)).toBe(true);
    expect(lines(out).map((l) => l.n_pass)).toEqual([1, 1, 1, 1, 1]);
    const short = { ...fake, generate: async () => [['only one']] };
    await expect(labelRun({ items: run, source: await openSource('embedded', { ...base, k: 3, embedded: short }), k: 3, out: path.join(dir, 'x.jsonl') })).rejects.toThrow(/returned 1 responses .* expected 3/);
  });
});

describe('labels from an OpenAI-compatible endpoint', () => {
  let server: http.Server;
  let url: string;
  const requests: any[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let failFirst = new Map<string, number>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const q = JSON.parse(body);
        requests.push(q);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          const it = items.find((x) => q.prompt.includes(x.messages[0].content));
          const left = failFirst.get(it.id) ?? 0;
          if (left > 0) {
            failFirst.set(it.id, left - 1);
            res.writeHead(left % 2 ? 503 : 429, left % 2 ? {} : { 'retry-after': '0' });
            res.end('busy');
            return;
          }
          const choices = Array.from({ length: q.n }, (_, i) => ({ index: q.n - 1 - i, text: q.n - 1 - i === 0 ? it.answer : wrong(it.answer) }));
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ choices }));
        }, 5);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/completions`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts {model, prompt, n, temperature, max_tokens}, retries 429 and 5xx, bounds concurrency, keeps item order', async () => {
    failFirst = new Map([[items[2].id, 2], [items[5].id, 1]]);
    const dir = tmpDir();
    const out = path.join(dir, 'l.jsonl');
    const source = await openSource(url, { ...base, k: 4, model: 'tiny', concurrency: 3, temperature: 0.7, maxNew: 32 });
    const s = await labelRun({ items: run, source, k: 4, out });
    expect(s.labelled).toBe(12);
    expect(lines(out)).toEqual(items.map((it) => ({ id: it.id, model: 'tiny', k: 4, n_pass: 1 })));
    expect(requests[0]).toMatchObject({ model: 'tiny', n: 4, temperature: 0.7, max_tokens: 32 });
    expect(requests).toHaveLength(12 + 3); // 3 retried answers
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('gives up with a clear error when the endpoint keeps failing or cannot be reached', async () => {
    failFirst = new Map([[items[0].id, 10]]);
    const src = httpSource({ url, model: 'tiny', temperature: 1, maxTokens: 8, concurrency: 1, retries: 2, retryBaseMs: 1 });
    await expect(labelRun({ items: run, source: src, k: 2, out: path.join(tmpDir(), 'l.jsonl') })).rejects.toThrow(/failing after 3 attempt\(s\) \(HTTP (503|429)/);
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const dead = httpSource({ url: `http://127.0.0.1:${port}`, model: 'tiny', temperature: 1, maxTokens: 8, concurrency: 1, retries: 1, retryBaseMs: 1 });
    const err = await labelRun({ items: run, source: dead, k: 2, out: path.join(tmpDir(), 'l.jsonl') }).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(/unreachable or failing after 2 attempt\(s\) \(ECONNREFUSED\)/);
  });

  it('refuses a wrong number of choices, and needs --model', async () => {
    failFirst = new Map();
    const src = httpSource({ url, model: 'tiny', temperature: 1, maxTokens: 8, concurrency: 1, retries: 0 });
    const [res] = await src.respond([{ item: items[0], file: 'f', line: 1 }], 2);
    expect(res).toHaveLength(2);
    expect(res![0]).toBe(items[0].answer); // sorted by index
    expect(() => parseChoices('{"choices":[{"text":"a"}]}', 2, 'u: item x')).toThrow('u: item x: choices: 1 completion(s), expected n = --k 2');
    expect(() => parseChoices('{"choices":[{"text":1}]}', 1, 'u')).toThrow('u: choices[0].text: missing or not a string');
    await expect(openSource(url, { ...base, k: 2 })).rejects.toThrow('an endpoint needs --model NAME');
    expect(completionsUrl('http://h:1')).toBe('http://h:1/v1/completions');
    expect(completionsUrl('https://h/x/completions')).toBe('https://h/x/completions');
  });

  it('mapLimit keeps order and never runs more than the limit', async () => {
    let live = 0;
    let peak = 0;
    const r = await mapLimit([5, 1, 3, 2, 4], 2, async (x) => {
      live++;
      peak = Math.max(peak, live);
      await new Promise((res) => setTimeout(res, x));
      live--;
      return x * 10;
    });
    expect(r).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });
});

import { spawn } from 'node:child_process';
import type http from 'node:http';
import path from 'node:path';
import { serve } from '../../src/serve/server.js';
import { ItemFactory } from '../../src/core/factory.js';
import { buildRunConfig } from '../../src/run/config.js';
import { ROOT, verigen } from '../helpers/cli.js';
import type { Item } from '../../src/core/item.js';

let server: http.Server;
let base: string;

beforeAll(async () => {
  const s = await serve({ port: 0, maxBatch: 50, maxBodyBytes: 200_000 });
  server = s.server;
  base = s.url;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(body: unknown, query = ''): Promise<{ status: number; json: any }> {
  const r = await fetch(`${base}/verify${query}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: r.status, json: await r.json() };
}

/** One witnessed item of every family (the witness passes its own verifier by construction). */
function items(): { item: Item; witness: string }[] {
  const f = new ItemFactory(buildRunConfig({ count: 1, seed: 'serve', family: ['inference', 'instruct', 'selffact', 'injection'], profile: 'llama-3.1-8b-instruct', emitWitness: true }));
  const seen = new Map<string, { item: Item; witness: string }>();
  for (let i = 0; seen.size < 4 && i < 200; i++) {
    const item = f.make(i);
    if (!seen.has(item.verifier)) seen.set(item.verifier, { item, witness: item.witness! });
  }
  return [...seen.values()];
}

describe('POST /verify', () => {
  it('verifies whole items and bare ground truths, in order, with rewards and the failed checks', async () => {
    const cases = items();
    expect(cases.map((c) => c.item.verifier).sort()).toEqual(['answer', 'ifeval', 'injection', 'selffact']);
    const batch = [
      ...cases.map((c) => ({ item: c.item, response: c.witness })),
      ...cases.map((c) => ({ item: c.item, response: '' })),
      // As the trl and open-instruct presets carry it: the ground truth as a JSON string.
      ...cases.map((c) => ({ verifier: c.item.verifier, ground_truth: JSON.stringify(c.item.ground_truth), response: c.witness })),
    ];
    const { status, json } = await post({ batch });
    expect(status).toBe(200);
    expect(json.count).toBe(12);
    expect(json.results.slice(0, 4).map((r: { pass: boolean }) => r.pass)).toEqual([true, true, true, true]);
    expect(json.results.slice(4, 8).map((r: { pass: boolean }) => r.pass)).toEqual([false, false, false, false]);
    expect(json.results.slice(8).map((r: { pass: boolean }) => r.pass)).toEqual([true, true, true, true]);
    expect(json.passed).toBe(8);
    expect(json.results[0].id).toBe(cases[0]!.item.id);
    expect(json.results[8].id).toBeUndefined();
    for (const r of json.results) expect(r.reward).toBe(r.score);
    // Failed checks say why; passing entries carry none by default.
    expect(json.results[4].checks.length).toBeGreaterThan(0);
    expect(json.results[0].checks).toEqual([]);
  });

  it('sends all checks or none when asked', async () => {
    const [c] = items();
    const all = await post([{ item: c!.item, response: c!.witness }], '?checks=all');
    expect(all.json.results[0].checks.length).toBeGreaterThan(0);
    const none = await post([{ item: c!.item, response: c!.witness }], '?checks=none');
    expect(none.json.results[0].checks).toBeUndefined();
    expect((await post([], '?checks=some')).status).toBe(400);
  });

  it.each([
    ['not json', '{"batch": [', 400, /not JSON/],
    ['not a batch', { items: [] }, 400, /JSON array of entries/],
    ['an entry without a response', [{ verifier: 'answer', ground_truth: { answer: '4', type: 'number' }, response: '4' }, { verifier: 'answer', ground_truth: {} }], 400, /^batch\[1\]\.response: must be a string/],
    ['a string ground truth that is not JSON', [{ verifier: 'answer', ground_truth: '{answer', response: '4' }], 400, /batch\[0\]\.ground_truth: a string ground truth must hold JSON/],
    ['an unknown verifier', [{ verifier: 'vibes', ground_truth: {}, response: 'x' }], 400, /batch\[0\]\.verifier: unknown verifier 'vibes'/],
    ['a ground truth of the wrong shape', [{ verifier: 'answer', ground_truth: { answer: 4, type: 'number' }, response: '4' }], 400, /^batch\[0\]\.ground_truth\.answer: must be string/],
    ['an item that is not an item', [{ item: { id: 'x' }, response: '4' }], 400, /^batch\[0\]\.item: must have required property/],
    ['too many entries', Array.from({ length: 51 }, () => ({ verifier: 'answer', ground_truth: { answer: '1', type: 'number' }, response: '1' })), 413, /at most 50/],
    ['too large a body', [{ verifier: 'answer', ground_truth: { answer: '1', type: 'number' }, response: 'x'.repeat(300_000) }], 413, /over 200000 bytes/],
  ])('refuses %s', async (_what, body, status, message) => {
    const r = await post(body);
    expect(r.status).toBe(status);
    expect(r.json.error).toMatch(message as RegExp);
  });

  it('answers other routes and methods clearly', async () => {
    expect((await fetch(`${base}/verify`)).status).toBe(405);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toMatchObject({ ok: true, max_batch: 50, verifiers: ['answer', 'selffact', 'ifeval', 'injection', 'confidence'] });
  });
});

describe('verigen serve', () => {
  it('listens on loopback, prints where, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'serve', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const { listening } = JSON.parse(line);
    expect(listening).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${listening}/verify`, { method: 'POST', body: JSON.stringify([{ verifier: 'answer', ground_truth: { answer: '12', type: 'number' }, response: 'The answer is 12.' }]) });
    expect(((await r.json()) as { results: { pass: boolean }[] }).results[0]!.pass).toBe(true);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });

  it('refuses a bad port with exit 2', () => {
    const r = verigen(['serve', '--port', '70000']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--port must be an integer from 0 to 65535, got 70000/);
  });
});

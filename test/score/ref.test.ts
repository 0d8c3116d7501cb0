import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import yargs from 'yargs';
import { refCommand } from '../../src/cli/ref.js';
import { loadProfile } from '../../src/profiles/index.js';
import { DEFAULT_CONFIG, parameterCount } from '../../src/score/model/config.js';
import { readConfig } from '../../src/score/model/checkpoint.js';
import { DEFAULT_MODEL_DIR } from '../../src/score/ref.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-ref-cli-'));

/** Runs `verigen ref ...` through its command module, capturing what it prints. */
async function ref(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = 0;
  try {
    await yargs(args).option('json', { type: 'boolean' }).option('quiet', { type: 'boolean' }).command(refCommand as never).strict().parseAsync();
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout: out.join(''), stderr: err.join(''), exitCode };
}

function item(i: number, answer: string) {
  return {
    id: `inference.toy@1/s0/${String(i).padStart(10, '0')}`, family: 'inference', generator: 'inference.toy@1', template: 'toy', seed: '0', index: i,
    messages: [{ role: 'user', content: `Say ${answer}.` }], verifier: 'answer', ground_truth: { answer, type: 'string' }, answer, meta: { profile: null, tags: [] },
  };
}

describe('the embedded model profile', () => {
  it('states the default config\'s true facts, each sourced from config.json or the training script', () => {
    const p = loadProfile('verigen-ref');
    const c = DEFAULT_CONFIG;
    expect(p.architecture?.total_parameters?.value).toBe(parameterCount(c));
    // By hand: embeddings (259 + 320) * 128 = 74112; a block 4*128 (LayerNorms) + 4*128*128 + 4*128 (attention)
    // + 2*128*384 + 384 + 128 (MLP) = 165376; two blocks, final LayerNorm 256, head bias 259: 405379.
    expect(p.architecture?.total_parameters?.value).toBe(405379);
    expect(p.architecture?.layers?.value).toBe(c.layers);
    expect(p.architecture?.hidden_size?.value).toBe(c.d_model);
    expect(p.architecture?.attention_heads?.value).toBe(c.heads);
    expect(p.architecture?.head_dim?.value).toBe(c.d_model / c.heads);
    expect(p.architecture?.ffn_size?.value).toBe(c.d_ff);
    expect(p.architecture?.context_length?.value).toBe(c.context);
    expect(p.architecture?.tied_embeddings?.value).toBe(c.tied_head);
    expect(p.tokenizer?.vocab_size?.value).toBe(c.vocab_size);
    expect(p.tokenizer?.kind?.value).toBe('byte-level');
    expect(p.identity.developer?.value).toBe('verigen');
    expect(p.identity.open_weights?.value).toBe(true);
    expect(p.deployment?.tools?.value).toEqual([]);
    const sources: string[] = [];
    const walk = (o: unknown) => {
      if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) (k === 'source' ? sources.push(String(v)) : walk(v));
    };
    walk(p);
    expect(sources.length).toBeGreaterThan(15);
    for (const s of sources) expect(s).toMatch(/^(generated\/models\/verigen-ref\/config\.json|scripts\/train-ref\.js) /);
  });

  it('matches the shipped model folder, which is at most 8 MB', () => {
    expect(readConfig(DEFAULT_MODEL_DIR)).toEqual(DEFAULT_CONFIG);
    const bytes = fs.readdirSync(DEFAULT_MODEL_DIR).reduce((s, f) => s + fs.statSync(path.join(DEFAULT_MODEL_DIR, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(8e6);
  });
});

describe('verigen ref', () => {
  it('trains a tiny model on items, then prints pass@1 per generator with its verifier', async () => {
    const dir = tmp();
    const items = path.join(dir, 'items.jsonl');
    fs.writeFileSync(items, [item(0, 'yes'), item(1, 'no'), item(2, 'maybe')].map((x) => JSON.stringify(x)).join('\n') + '\n');
    const model = path.join(dir, 'model');
    const t = await ref(['ref', 'train', '--items', items, '--steps', '3', '--out', model, '--config', 'tiny', '--batch', '1', '--backend', 'wasm']);
    expect(t.exitCode).toBe(0);
    expect(t.stderr).toMatch(/backend: wasm; 3 examples; 36035 parameters/);
    expect(t.stdout).toMatch(/^trained 36035 parameters for 3 steps .* final loss \d+\.\d{4}; wrote /);
    expect(fs.existsSync(path.join(model, 'weights.bin'))).toBe(true);
    const e = await ref(['ref', 'eval', '--items', items, '--model', model, '--backend', 'wasm', '--max-new-bytes', '4']);
    expect(e.exitCode).toBe(0);
    expect(e.stdout).toMatch(/^pass@1 of model \(k=1, temperature 0\) on 3 items: \d\.\d{3}\n/);
    expect(e.stdout).toMatch(/ {2}inference\.toy@1 +answer +3 {2}\d\.\d{3}\n/);
    const j = await ref(['ref', 'eval', '--items', items, '--model', model, '--backend', 'wasm', '--k', '2', '--json']);
    const parsed = JSON.parse(j.stdout);
    expect(parsed).toMatchObject({ k: 2, temperature: 1, items: 3, by_generator: [{ generator: 'inference.toy@1', verifier: 'answer', items: 3 }] });
  });

  it('says which file is wrong in a model folder that does not load', async () => {
    const dir = tmp();
    const items = path.join(dir, 'items.jsonl');
    fs.writeFileSync(items, JSON.stringify(item(0, 'yes')) + '\n');
    fs.writeFileSync(path.join(dir, 'config.json'), '{"format": "verigen-ref@1"');
    const e = await ref(['ref', 'eval', '--items', items, '--model', dir, '--backend', 'wasm']);
    expect(e.exitCode).toBe(2);
    expect(e.stderr).toContain(`verigen: ${path.join(dir, 'config.json')}: not valid JSON`);
    const bad = await ref(['ref', 'train', '--items', items, '--steps', '0', '--out', path.join(dir, 'm'), '--config', 'tiny']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--steps must be a positive integer, got 0/);
  });
});

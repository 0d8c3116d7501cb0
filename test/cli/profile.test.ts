/** `verigen profile from-hf` and `--profile` refusals, through the CLI. */
import fs from 'node:fs';
import path from 'node:path';
import { tmpDir, verigen } from '../helpers/cli.js';

// A llama-style config.json written for this test; the expected profile values are read off it by hand.
const CONFIG = {
  architectures: ['LlamaForCausalLM'],
  model_type: 'llama',
  hidden_size: 2048,
  intermediate_size: 8192,
  num_attention_heads: 32,
  num_hidden_layers: 24,
  num_key_value_heads: 8,
  vocab_size: 49152,
  max_position_embeddings: 8192,
  rope_theta: 10000,
};

describe('verigen profile from-hf', () => {
  it('builds a profile from a config, leaving unknown facts absent', () => {
    const dir = tmpDir();
    const cfg = path.join(dir, 'config.json');
    fs.writeFileSync(cfg, JSON.stringify(CONFIG));
    const out = path.join(dir, 'mine.json');
    const r = verigen(['profile', 'from-hf', cfg, '--name', 'mine', '--out', out]);
    expect(r.stderr).toBe(`verigen: wrote profile mine to ${out}\n`);
    expect(r.status).toBe(0);
    const p = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(p.name).toBe('mine');
    expect(p.architecture.layers.value).toBe(24);
    expect(p.architecture.hidden_size.value).toBe(2048);
    expect(p.architecture.kv_heads.value).toBe(8);
    expect(p.identity.developer).toBeUndefined();
    expect(p.training?.knowledge_cutoff).toBeUndefined();
    // The written profile is usable by generate.
    const run = path.join(dir, 'run');
    expect(verigen(['generate', '--count', '30', '--out', run, '--family', 'selffact.static', '--profile', out, '--quiet']).status).toBe(0);
    // Refuses to overwrite without --force.
    const again = verigen(['profile', 'from-hf', cfg, '--name', 'mine', '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists; pass --force/);
  });

  it('names the file and field of an inconsistent config', () => {
    const dir = tmpDir();
    const cfg = path.join(dir, 'config.json');
    fs.writeFileSync(cfg, JSON.stringify({ ...CONFIG, num_key_value_heads: 64 }));
    const r = verigen(['profile', 'from-hf', cfg, '--name', 'bad']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/kv_heads/);
  });

  it('generate refuses an unknown profile and a generator that needs one', () => {
    const a = verigen(['generate', '--count', '5', '--out', tmpDir(), '--profile', 'no-such-model']);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/--profile no-such-model: no profile named 'no-such-model'/);
    const b = verigen(['generate', '--count', '5', '--out', tmpDir(), '--family', 'selffact.static']);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/selffact\.static@1 needs a model profile: add --profile/);
  });
});

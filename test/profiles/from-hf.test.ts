/**
 * profileFromHfConfig on configs written here. Expected facts were set down by hand from the config keys each test
 * writes: only what a key says appears, everything else (parameter counts, developer, cutoff) stays absent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProfileError, profileFromHfConfig, profileFromHfFiles } from '../../src/profiles/index.js';
import { tinyTokenizerJson } from './tiny-tokenizer.js';

const LLAMA_LIKE = {
  _name_or_path: 'acme/Toy-Llama-1B',
  architectures: ['LlamaForCausalLM'],
  model_type: 'llama',
  num_hidden_layers: 16,
  hidden_size: 2048,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  intermediate_size: 8192,
  vocab_size: 128256,
  rope_theta: 500000.0,
  max_position_embeddings: 131072,
  tie_word_embeddings: true,
  bos_token_id: 0,
  eos_token_id: [1, 2],
  rms_norm_eps: 1e-5,
};

describe('profileFromHfConfig', () => {
  it('reads a llama-style config', () => {
    const p = profileFromHfConfig(LLAMA_LIKE);
    expect(p.name).toBe('toy-llama-1b');
    expect(p.identity.display_name?.value).toBe('acme/Toy-Llama-1B');
    const a = p.architecture!;
    expect(a.layers).toEqual({ value: 16, source: 'config.json: num_hidden_layers' });
    expect([a.hidden_size?.value, a.attention_heads?.value, a.kv_heads?.value, a.ffn_size?.value, a.context_length?.value]).toEqual([2048, 32, 8, 8192, 131072]);
    expect(a.rope_theta?.value).toBe(500000);
    expect(a.positional_encoding?.value).toBe('RoPE');
    expect(a.tied_embeddings?.value).toBe(true);
    expect(p.tokenizer!.vocab_size?.value).toBe(128256);
    // Nothing a config does not say.
    expect(a.total_parameters).toBeUndefined();
    expect(a.head_dim).toBeUndefined();
    expect(a.experts).toBeUndefined();
    expect(p.identity.developer).toBeUndefined();
    expect(p.training).toBeUndefined();
    expect(p.deployment).toBeUndefined();
  });

  it('reads experts (mixtral keys) and leaves a null sliding window out', () => {
    const p = profileFromHfConfig({ ...LLAMA_LIKE, model_type: 'mixtral', num_local_experts: 8, num_experts_per_tok: 2, sliding_window: null }, undefined, { name: 'toy-moe' });
    expect(p.name).toBe('toy-moe');
    expect(p.architecture!.experts?.value).toBe(8);
    expect(p.architecture!.experts_per_token?.value).toBe(2);
    expect(p.architecture!.sliding_window).toBeUndefined();
  });

  it('reads qwen2-moe and deepseek expert keys', () => {
    expect(profileFromHfConfig({ ...LLAMA_LIKE, num_experts: 60, num_experts_per_tok: 4 }).architecture!.experts?.value).toBe(60);
    expect(profileFromHfConfig({ ...LLAMA_LIKE, n_routed_experts: 64, num_experts_per_tok: 6 }).architecture!.experts?.source).toBe('config.json: n_routed_experts');
  });

  it('accepts a gemma2-style head_dim that is not hidden / heads, and keeps its sliding window', () => {
    const p = profileFromHfConfig({ _name_or_path: 'g/toy-gemma', model_type: 'gemma2', num_hidden_layers: 42, hidden_size: 3584, num_attention_heads: 16, num_key_value_heads: 8, head_dim: 256, sliding_window: 4096, max_position_embeddings: 8192, rope_theta: 10000.0 });
    expect(p.architecture!.head_dim?.value).toBe(256);
    expect(p.architecture!.sliding_window?.value).toBe(4096);
  });

  it('drops a sliding window the config switches off (qwen2 use_sliding_window: false)', () => {
    const p = profileFromHfConfig({ ...LLAMA_LIKE, model_type: 'qwen2', sliding_window: 131072, use_sliding_window: false });
    expect(p.architecture!.sliding_window).toBeUndefined();
  });

  it('reads a multimodal config from its text_config, and rope_parameters.rope_theta', () => {
    const p = profileFromHfConfig({ _name_or_path: 'x/vl', model_type: 'vl', text_config: { num_hidden_layers: 4, hidden_size: 64, num_attention_heads: 4, rope_parameters: { rope_theta: 1e6 } } });
    expect(p.architecture!.layers?.source).toBe('config.json: text_config.num_hidden_layers');
    expect(p.architecture!.rope_theta?.value).toBe(1e6);
  });

  it('takes tokenizer facts from a tokenizer.json', () => {
    const p = profileFromHfConfig(LLAMA_LIKE, tinyTokenizerJson(), { configFile: '/m/config.json', tokenizerFile: '/m/tokenizer.json' });
    expect(p.tokenizer!.kind?.value).toBe('BPE');
    // bos_token_id 0 is "<s>" among the added tokens; eos ids 1 and 2 are not added tokens, so no eos.
    expect(p.tokenizer!.special_tokens?.value).toEqual({ bos: '<s>' });
    expect(p.tokenizer!.file).toBe('/m/tokenizer.json');
    expect(p.architecture!.layers?.source).toBe('/m/config.json: num_hidden_layers');
  });

  it('calls a BPE with a ByteLevel pre-tokenizer byte-level', () => {
    const tok = { ...tinyTokenizerJson(), pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Split' }, { type: 'ByteLevel' }] } };
    expect(profileFromHfConfig(LLAMA_LIKE, tok).tokenizer!.kind?.value).toBe('byte-level BPE');
  });

  it.each<[string, unknown, string]>([
    ['a string layer count', { ...LLAMA_LIKE, num_hidden_layers: '16' }, 'num_hidden_layers'],
    ['a zero head count', { ...LLAMA_LIKE, num_attention_heads: 0 }, 'num_attention_heads'],
    ['a negative rope base', { ...LLAMA_LIKE, rope_theta: -1 }, 'rope_theta'],
    ['heads that do not divide the hidden size', { ...LLAMA_LIKE, num_attention_heads: 30, num_key_value_heads: 10 }, 'architecture.attention_heads'],
    ['more KV heads than heads', { ...LLAMA_LIKE, num_key_value_heads: 64 }, 'architecture.kv_heads'],
    ['more experts per token than experts', { ...LLAMA_LIKE, num_local_experts: 2, num_experts_per_tok: 4 }, 'architecture.experts_per_token'],
  ])('refuses %s, naming the file and field', (_label, cfg, field) => {
    let err: unknown;
    try {
      profileFromHfConfig(cfg, undefined, { configFile: 'models/toy/config.json' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProfileError);
    expect((err as ProfileError).file).toBe('models/toy/config.json');
    expect((err as ProfileError).field).toBe(field);
  });

  it('refuses a non-object and a tokenizer without a model', () => {
    expect(() => profileFromHfConfig([1, 2])).toThrow(/config\.json: \(root\): must be a JSON object/);
    expect(() => profileFromHfConfig(LLAMA_LIKE, { version: '1.0' }, { tokenizerFile: 't.json' })).toThrow(/t\.json: model: is missing/);
  });
});

describe('profileFromHfFiles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-hf-'));

  it('reads the files, names the profile after the folder when the config has no _name_or_path', () => {
    const folder = path.join(dir, 'My-Model-2B');
    fs.mkdirSync(folder);
    const { _name_or_path: _dropped, ...cfg } = LLAMA_LIKE;
    fs.writeFileSync(path.join(folder, 'config.json'), JSON.stringify(cfg));
    const p = profileFromHfFiles(path.join(folder, 'config.json'));
    expect(p.name).toBe('my-model-2b');
    expect(p.identity.display_name).toBeUndefined();
  });

  it('names the file it cannot read or parse', () => {
    expect(() => profileFromHfFiles(path.join(dir, 'missing.json'))).toThrow(/missing\.json: \(file\): cannot be read/);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{');
    expect(() => profileFromHfFiles(path.join(dir, 'bad.json'))).toThrow(/bad\.json: \(file\): is not valid JSON/);
  });
});

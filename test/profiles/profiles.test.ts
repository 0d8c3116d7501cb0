/**
 * Profiles: the shipped ones load and say what their sources say; bad profiles are refused with the file and the
 * field named. Expected values below were copied by hand from the sources named in each profile (config.json values
 * and model cards), not from the loader's output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProfileError, listProfiles, loadProfile, validateProfile } from '../../src/profiles/index.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-profiles-'));

function write(name: string, data: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

const MINIMAL = {
  name: 'toy',
  identity: { display_name: { value: 'Toy 1B', source: 'test' } },
  architecture: {
    hidden_size: { value: 2048, source: 'test' },
    attention_heads: { value: 16, source: 'test' },
    kv_heads: { value: 4, source: 'test' },
  },
};

function withArch(extra: Record<string, unknown>): unknown {
  return { ...MINIMAL, architecture: { ...MINIMAL.architecture, ...extra } };
}

function refusal(data: unknown): ProfileError {
  try {
    validateProfile(data, 'toy.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return e as ProfileError;
  }
  throw new Error('profile was accepted');
}

describe('shipped profiles', () => {
  it('has at least the six public models of the issue', () => {
    expect(listProfiles()).toEqual(
      expect.arrayContaining(['gemma-2-9b-it', 'llama-3.1-8b-instruct', 'mistral-7b-instruct-v0.3', 'olmo-2-1124-7b-instruct', 'qwen2.5-7b-instruct', 'smollm2-1.7b-instruct']),
    );
  });

  it.each(listProfiles())('%s loads, is named after its file, and sources every fact', (name) => {
    const p = loadProfile(name);
    expect(p.name).toBe(name);
    const walk = (node: unknown, at: string) => {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      const o = node as Record<string, unknown>;
      if ('value' in o) {
        expect(typeof o.source).toBe('string');
        expect((o.source as string).length).toBeGreaterThan(10);
        return;
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'file') walk(v, `${at}.${k}`);
    };
    for (const section of ['identity', 'architecture', 'tokenizer', 'training', 'deployment'] as const) walk(p[section], section);
  });

  it('carries the published values', () => {
    // config.json of meta-llama/Llama-3.1-8B-Instruct: 32 layers, 4096 hidden, 32 heads, 8 KV heads, 14336 FFN.
    const llama = loadProfile('llama-3.1-8b-instruct').architecture!;
    expect([llama.layers?.value, llama.hidden_size?.value, llama.attention_heads?.value, llama.kv_heads?.value, llama.ffn_size?.value]).toEqual([32, 4096, 32, 8, 14336]);
    expect(llama.total_parameters?.value).toBe(8_030_261_248);
    // config.json of google/gemma-2-9b-it: head_dim 256 with 16 heads, which is not 3584 / 16: allowed because head_dim is given.
    const gemma = loadProfile('gemma-2-9b-it').architecture!;
    expect([gemma.layers?.value, gemma.hidden_size?.value, gemma.attention_heads?.value, gemma.head_dim?.value]).toEqual([42, 3584, 16, 256]);
    // config.json of Qwen/Qwen2.5-7B-Instruct: 28 layers, 28 heads, 4 KV heads, vocab 152064.
    const qwen = loadProfile('qwen2.5-7b-instruct');
    expect([qwen.architecture!.layers?.value, qwen.architecture!.kv_heads?.value, qwen.tokenizer!.vocab_size?.value]).toEqual([28, 4, 152064]);
    expect(loadProfile('mistral-7b-instruct-v0.3').tokenizer!.vocab_size?.value).toBe(32768);
  });

  it('leaves unsourced facts absent rather than guessing them', () => {
    expect(loadProfile('mistral-7b-instruct-v0.3').architecture!.total_parameters).toBeUndefined();
    expect(loadProfile('olmo-2-1124-7b-instruct').architecture!.kv_heads).toBeUndefined();
    expect(loadProfile('qwen2.5-7b-instruct').training!.knowledge_cutoff).toBeUndefined();
  });
});

describe('refusals name the field', () => {
  it.each<[string, unknown, string]>([
    ['heads not dividing the hidden size', withArch({ hidden_size: { value: 2050, source: 'test' } }), 'architecture.attention_heads'],
    ['more KV heads than heads', withArch({ kv_heads: { value: 32, source: 'test' } }), 'architecture.kv_heads'],
    ['KV heads not dividing heads', withArch({ kv_heads: { value: 3, source: 'test' } }), 'architecture.kv_heads'],
    ['more active than total parameters', withArch({ total_parameters: { value: 1000, source: 'test' }, active_parameters: { value: 2000, source: 'test' } }), 'architecture.active_parameters'],
    ['experts per token without experts', withArch({ experts_per_token: { value: 2, source: 'test' } }), 'architecture.experts_per_token'],
    ['more experts per token than experts', withArch({ experts: { value: 4, source: 'test' }, experts_per_token: { value: 8, source: 'test' } }), 'architecture.experts_per_token'],
    ['a fact of the wrong type', withArch({ layers: { value: '32', source: 'test' } }), 'architecture.layers.value'],
    ['a fractional layer count', withArch({ layers: { value: 31.5, source: 'test' } }), 'architecture.layers.value'],
    ['a fact without a source', withArch({ layers: { value: 32 } }), 'architecture.layers.source'],
    ['an unknown field', withArch({ layer_count: { value: 32, source: 'test' } }), 'architecture.layer_count'],
    ['a missing identity', { name: 'toy' }, 'identity'],
    ['a bad name', { ...MINIMAL, name: 'Toy Model' }, 'name'],
    ['a malformed date', { ...MINIMAL, identity: { release_date: { value: '2024-13-01', source: 'test' } } }, 'identity.release_date.value'],
    ['an impossible date', { ...MINIMAL, identity: { release_date: { value: '2024-02-30', source: 'test' } } }, 'identity.release_date'],
    [
      'a knowledge cutoff after the release',
      { ...MINIMAL, identity: { release_date: { value: '2024-07-23', source: 'test' } }, training: { knowledge_cutoff: { value: '2024-08', source: 'test' } } },
      'training.knowledge_cutoff',
    ],
  ])('%s', (_label, data, field) => {
    const e = refusal(data);
    expect(e.field).toBe(field);
    expect(e.message).toContain('toy.json');
    expect(e.message).toContain(field);
  });

  it('accepts the same profile when it is consistent', () => {
    expect(validateProfile(MINIMAL, 'toy.json').name).toBe('toy');
    // Same month: a cutoff in the release month is not after it.
    expect(() => validateProfile({ ...MINIMAL, identity: { release_date: { value: '2024-07-23', source: 'test' } }, training: { knowledge_cutoff: { value: '2024-07', source: 'test' } } })).not.toThrow();
  });

  it('refuses unreadable files and missing tokenizer files, naming them', () => {
    const bad = write('bad.json', '{ not json');
    expect(() => loadProfile(bad)).toThrow(/bad\.json: \(file\): is not valid JSON/);
    expect(() => loadProfile(path.join(tmp, 'absent.json'))).toThrow(/absent\.json: \(file\): cannot be read/);
    const noTok = write('notok.json', { ...MINIMAL, tokenizer: { file: 'missing-tokenizer.json' } });
    expect(() => loadProfile(noTok)).toThrow(/notok\.json: tokenizer\.file: .*missing-tokenizer\.json does not exist/);
    expect(() => loadProfile('no-such-profile')).toThrow(/no profile named 'no-such-profile'.*llama-3\.1-8b-instruct/);
  });

  it('resolves a tokenizer file against the profile folder', () => {
    fs.writeFileSync(path.join(tmp, 'tok.json'), '{}');
    const file = write('withtok.json', { ...MINIMAL, tokenizer: { file: 'tok.json' } });
    expect(loadProfile(file).tokenizer!.file).toBe(path.join(tmp, 'tok.json'));
  });
});

/**
 * The build's precompiled validators (ajv standalone code) must be current and must judge every document exactly as
 * validators compiled at run time do: same verdict, same first error. Documents: the committed sample's items, its
 * manifest and run config, the shipped profiles, response lines, and every one-step mutation of each (a field
 * deleted, a value of another type, an extra key) down to depth 4.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { PACKAGE_ROOT, PROFILES_DIR } from '../../src/core/paths.js';
import {
  compileAtRuntime,
  CORE_VALIDATORS,
  getValidator,
  loadPrecompiled,
  PROFILE_VALIDATORS,
  sourceHash,
  standaloneModule,
  VALIDATOR_SETS,
  validatorSource,
  type ValidatorSet,
} from '../../src/core/validators.js';

const SAMPLE = path.join(PACKAGE_ROOT, 'generated', 'sample');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function sampleItems(): Json[] {
  const dir = path.join(SAMPLE, 'data');
  const byGenerator = new Map<string, Json[]>();
  for (const f of fs.readdirSync(dir).sort()) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line) continue;
      const item = JSON.parse(line) as { generator: string };
      const list = byGenerator.get(item.generator) ?? [];
      if (list.length < 3) list.push(item as unknown as Json);
      byGenerator.set(item.generator, list);
    }
  }
  return [...byGenerator.values()].flat();
}

/** A value of another JSON type than `v`. */
function otherType(v: Json): Json {
  if (typeof v === 'string') return 7;
  if (typeof v === 'number') return '7';
  if (typeof v === 'boolean') return 'true';
  if (v === null) return 0;
  if (Array.isArray(v)) return {};
  return [];
}

/** Every one-step mutation of `doc` at depth up to `depth` (arrays: their first element only). */
function mutations(doc: Json, depth = 4): Json[] {
  const out: Json[] = [];
  const clone = (): Json => JSON.parse(JSON.stringify(doc)) as Json;
  const walk = (get: (root: Json) => Json, level: number): void => {
    const node = get(doc);
    if (level >= depth || node === null || typeof node !== 'object') return;
    const keys = Array.isArray(node) ? (node.length > 0 ? ['0'] : []) : Object.keys(node);
    for (const k of keys) {
      const child = (node as Record<string, Json>)[k]!;
      const del = clone();
      const parent = get(del) as Record<string, Json> | Json[];
      if (Array.isArray(parent)) parent.splice(Number(k), 1);
      else delete parent[k];
      out.push(del);
      const swapped = clone();
      (get(swapped) as Record<string, Json>)[k] = otherType(child);
      out.push(swapped);
      walk((root) => (get(root) as Record<string, Json>)[k]!, level + 1);
    }
    if (!Array.isArray(node)) {
      const extra = clone();
      (get(extra) as Record<string, Json>).zz_extra = 1;
      out.push(extra);
    }
  };
  walk((root) => root, 0);
  return out;
}

function verdict(v: ValidateFunction, doc: Json): string {
  if (v(doc)) return 'valid';
  const e = v.errors![0]!;
  return `${e.instancePath} ${e.schemaPath} ${e.keyword} ${JSON.stringify(e.params)} ${e.message}`;
}

function compare(set: ValidatorSet, name: string, docs: readonly Json[]): { valid: number; invalid: number } {
  const pre = getValidator(set, name);
  const runtime = compileAtRuntime(set)[name]!;
  let valid = 0;
  let invalid = 0;
  for (const doc of docs) {
    for (const d of [doc, ...mutations(doc)]) {
      const expected = verdict(runtime, d);
      expect({ doc: d, verdict: verdict(pre, d) }).toEqual({ doc: d, verdict: expected });
      if (expected === 'valid') valid++;
      else invalid++;
    }
  }
  return { valid, invalid };
}

describe('precompiled validators', () => {
  test('the build wrote them from the current schemas, and processes use them', () => {
    for (const set of VALIDATOR_SETS) expect(validatorSource(set)).toBe('precompiled');
  });

  test('items: the same verdict and first error as a run-time compile, on sample items and their mutations', () => {
    const items = sampleItems();
    expect(items.length).toBeGreaterThan(40);
    const { valid, invalid } = compare(CORE_VALIDATORS, 'item', items);
    expect(valid).toBeGreaterThanOrEqual(items.length);
    expect(invalid).toBeGreaterThan(items.length * 10);
  });

  test('ground truths by verifier agree as well', () => {
    const byVerifier = new Map<string, Json[]>();
    for (const item of sampleItems() as { verifier: string; ground_truth: Json }[]) {
      byVerifier.set(item.verifier, [...(byVerifier.get(item.verifier) ?? []), item.ground_truth]);
    }
    const names: Record<string, string> = { answer: 'answerTruth', ifeval: 'ifevalTruth', selffact: 'selffactTruth', injection: 'injectionTruth', confidence: 'confidenceTruth' };
    for (const [verifier, truths] of byVerifier) {
      expect(names[verifier]).toBeDefined();
      compare(CORE_VALIDATORS, names[verifier]!, truths);
    }
    expect(byVerifier.size).toBeGreaterThanOrEqual(4);
  });

  test('manifest, run config and response lines agree', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'manifest.json'), 'utf8')) as Json & { config: Json };
    expect(compare(CORE_VALIDATORS, 'manifest', [manifest]).valid).toBeGreaterThan(0);
    expect(compare(CORE_VALIDATORS, 'runConfig', [manifest.config]).valid).toBeGreaterThan(0);
    const responses: Json[] = [{ id: 'inference.dates@1/s1/0000000001', response: '12' }, { key: 3, response: 'x' }, { prompt: 'p', response: '' }, { response: 'no key' }];
    const { valid, invalid } = compare(CORE_VALIDATORS, 'response', responses);
    expect(valid).toBeGreaterThanOrEqual(3);
    expect(invalid).toBeGreaterThan(4);
  });

  test('profiles agree', () => {
    const profiles = fs
      .readdirSync(PROFILES_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(PROFILES_DIR, f), 'utf8')) as Json);
    expect(profiles.length).toBeGreaterThanOrEqual(6);
    const { valid, invalid } = compare(PROFILE_VALIDATORS, 'profile', profiles);
    expect(valid).toBeGreaterThanOrEqual(profiles.length);
    expect(invalid).toBeGreaterThan(profiles.length * 10);
  });
});

describe('loading a precompiled file', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-validators-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a current file loads; one built from other schemas, a missing or a broken one does not', () => {
    const file = path.join(dir, 'profile.validators.cjs');
    fs.writeFileSync(file, standaloneModule(PROFILE_VALIDATORS));
    const hash = sourceHash(PROFILE_VALIDATORS);
    expect(typeof loadPrecompiled(file, hash)?.profile).toBe('function');
    const edited = sourceHash(PROFILE_VALIDATORS, ['{"type": "object"}']);
    expect(edited).not.toBe(hash);
    expect(loadPrecompiled(file, edited)).toBeNull();
    expect(loadPrecompiled(path.join(dir, 'absent.cjs'), hash)).toBeNull();
    const broken = path.join(dir, 'broken.cjs');
    fs.writeFileSync(broken, 'exports.sourceHash = ');
    expect(loadPrecompiled(broken, hash)).toBeNull();
  });
});

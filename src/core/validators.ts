/**
 * The ajv validators of `schemas/`, compiled once at build time rather than in every process.
 *
 * Compiling the schemas, and with them ajv's 2020-12 meta-schema, cost every process about 0.3 s at start-up: each
 * CLI command, each worker thread of a run, each test that spawns the CLI. `npm run build` now writes ajv's standalone
 * code for each validator set to `dist/schemas/<set>.validators.cjs`. A process loads that file when it matches the
 * schemas it would compile: the file records a hash of the schema sources, of ajv's version and options and of the
 * exported names, and a process whose hash differs (a schema edited since the last build, another ajv) compiles at run
 * time instead, so a stale build can make a process slower but never makes it validate against an old schema.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv2020, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { PACKAGE_ROOT, SCHEMAS_DIR } from './paths.js';

const require = createRequire(import.meta.url);
// A CommonJS module whose function is both module.exports and its `default`; TypeScript's NodeNext view types only the latter.
const standaloneCode = standalone.default;

/** Validators compiled together: one ajv instance, its schema files and the validators it exports by name. */
export interface ValidatorSet {
  name: string;
  options: Options;
  /** File names in `schemas/`, added in this order. */
  files: readonly string[];
  /** Export name → schema id (with a `#/$defs/...` fragment for a sub-schema). */
  exports: Readonly<Record<string, string>>;
}

const ID = (file: string) => `https://verigen.dev/schemas/${file}`;

export const CORE_VALIDATORS: ValidatorSet = {
  name: 'core',
  // strictRequired off: the response schema requires one of id/key/prompt through anyOf.
  options: { allErrors: false, strict: true, strictRequired: false, allowUnionTypes: true },
  files: ['item.schema.json', 'response.schema.json', 'run-config.schema.json', 'manifest.schema.json'],
  exports: {
    item: ID('item.schema.json'),
    response: ID('response.schema.json'),
    runConfig: ID('run-config.schema.json'),
    manifest: ID('manifest.schema.json'),
    answerTruth: ID('item.schema.json#/$defs/answerTruth'),
    ifevalTruth: ID('item.schema.json#/$defs/ifevalTruth'),
    selffactTruth: ID('item.schema.json#/$defs/selffactTruth'),
    injectionTruth: ID('item.schema.json#/$defs/injectionTruth'),
    confidenceTruth: ID('item.schema.json#/$defs/confidenceTruth'),
  },
};

export const PROFILE_VALIDATORS: ValidatorSet = {
  name: 'profile',
  options: { allErrors: false, strict: true, allowUnionTypes: true },
  files: ['profile.schema.json'],
  exports: { profile: ID('profile.schema.json') },
};

export const VALIDATOR_SETS: readonly ValidatorSet[] = [CORE_VALIDATORS, PROFILE_VALIDATORS];

/** Where the build writes a set's standalone code. */
export function precompiledFile(set: ValidatorSet, root = PACKAGE_ROOT): string {
  return path.join(root, 'dist', 'schemas', `${set.name}.validators.cjs`);
}

function ajvVersion(): string {
  return (require('ajv/package.json') as { version: string }).version;
}

/** The schema sources as they are now, read once per set and process. */
const sources = new Map<ValidatorSet, string[]>();
function sourcesOf(set: ValidatorSet): string[] {
  let s = sources.get(set);
  if (!s) {
    s = set.files.map((f) => fs.readFileSync(path.join(SCHEMAS_DIR, f), 'utf8'));
    sources.set(set, s);
  }
  return s;
}

/** What a precompiled file must have been built from to stand for this process's compile. */
export function sourceHash(set: ValidatorSet, texts: readonly string[] = sourcesOf(set)): string {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify({ ajv: ajvVersion(), options: set.options, files: set.files, exports: set.exports }));
  for (const t of texts) h.update('\0').update(t);
  return h.digest('hex');
}

function compileAll(set: ValidatorSet, forCode: boolean): Ajv2020 {
  const ajv = new Ajv2020(forCode ? { ...set.options, code: { source: true } } : set.options);
  for (const text of sourcesOf(set)) ajv.addSchema(JSON.parse(text));
  return ajv;
}

/** The validators of a precompiled file, or null when it is missing, unreadable or built from other sources. */
export function loadPrecompiled(file: string, expectedHash: string): Record<string, ValidateFunction> | null {
  let mod: Record<string, unknown>;
  try {
    mod = require(file) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (mod.sourceHash !== expectedHash) return null;
  return mod as Record<string, ValidateFunction>;
}

interface LoadedSet {
  from: 'precompiled' | 'runtime';
  get(name: string): ValidateFunction;
}

const loaded = new Map<ValidatorSet, LoadedSet>();

function loadSet(set: ValidatorSet): LoadedSet {
  let l = loaded.get(set);
  if (l) return l;
  const pre = loadPrecompiled(precompiledFile(set), sourceHash(set));
  if (pre) {
    l = {
      from: 'precompiled',
      get: (name) => {
        const v = pre[name];
        if (typeof v !== 'function') throw new Error(`validator ${set.name}.${name} is not in ${precompiledFile(set)}`);
        return v;
      },
    };
  } else {
    const ajv = compileAll(set, false);
    l = {
      from: 'runtime',
      get: (name) => {
        const id = set.exports[name];
        const v = id === undefined ? undefined : ajv.getSchema(id);
        if (!v) throw new Error(`validator ${set.name}.${name} did not compile`);
        return v;
      },
    };
  }
  loaded.set(set, l);
  return l;
}

/** One validator of a set: the build's when it is current, else compiled now (once per process). */
export function getValidator(set: ValidatorSet, name: string): ValidateFunction {
  return loadSet(set).get(name);
}

/** Whether this process's validators of a set came from the build or were compiled at run time. */
export function validatorSource(set: ValidatorSet): 'precompiled' | 'runtime' {
  return loadSet(set).from;
}

/** A set's validators compiled at run time, whatever the build holds (for tests that compare the two). */
export function compileAtRuntime(set: ValidatorSet): Record<string, ValidateFunction> {
  const ajv = compileAll(set, false);
  const out: Record<string, ValidateFunction> = {};
  for (const [name, id] of Object.entries(set.exports)) out[name] = ajv.getSchema(id)!;
  return out;
}

/** The standalone CommonJS module of a set: its validators and the hash of what they were compiled from. */
export function standaloneModule(set: ValidatorSet): string {
  const code = standaloneCode(compileAll(set, true), { ...set.exports });
  return `${code}\nexports.sourceHash = ${JSON.stringify(sourceHash(set))};\n`;
}

/** Writes every set's standalone module under `root`/dist/schemas (the build's last step). Returns the files. */
export function writePrecompiledValidators(root = PACKAGE_ROOT): string[] {
  return VALIDATOR_SETS.map((set) => {
    const file = precompiledFile(set, root);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written whole, then renamed: a process starting meanwhile sees the old file or the new one, never half of one.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, standaloneModule(set));
    fs.renameSync(tmp, file);
    return file;
  });
}

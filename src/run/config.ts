/**
 * The run config: built from flags, canonical (every default filled in, keys in a fixed order), fingerprinted.
 * Everything that decides a run's bytes is in it; nothing that does not (workers, the process split, --out).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { loadProfileFile, resolveProfilePath } from '../profiles/load.js';
import type { Profile } from '../profiles/types.js';
import type { Preset } from '../shards/presets.js';
import { UsageError } from '../core/errors.js';
import { generatorId, resolveConfig, type GeneratorDef } from '../core/generator.js';
import { GENERATORS, generatorsOfFamily, OPT_IN_FAMILIES, resolveGeneratorName } from '../core/registry.js';
import { describeErrors, validator } from '../core/schema.js';
import { VERSION } from '../version.js';

export type Compression = 'none' | 'gzip' | 'zstd';
export type ShardFormat = 'jsonl' | 'parquet';

export interface RunConfig {
  count: number;
  seed: string;
  /** Generator id → weight, in registry order; weights sum to 1. */
  mix: Record<string, number>;
  shard_size: number;
  format: ShardFormat;
  compress: Compression;
  /** The compressor's level (gzip 1-9, zstd 1-19); null without compression. */
  compress_level: number | null;
  dedupe: boolean;
  /** "Today" for every item: faker's reference date and the base of relative dates. */
  ref_date: string;
  /** Generator id → config overrides (only the keys that differ from the generator's defaults). */
  generator_config: Record<string, Record<string, unknown>>;
  emit_witness: boolean;
  /** The model profile of self-fact items: its name, how it was given (a shipped name or a path), and content hashes. */
  profile: RunProfile | null;
  /** Rows in a consumer's columns instead of verigen items (src/shards/presets.ts). */
  preset: Preset | null;
}

export interface RunProfile {
  name: string;
  source: string;
  sha256: string;
  tokenizer_sha256: string | null;
}

export interface RunOptions {
  count: number;
  seed?: string | number;
  /** Families or generator names (`inference`, `inference.dates`, `inference.dates@1`), weighted equally. */
  family?: string[];
  /** `name=weight` pairs; names as in `family`. */
  mix?: Record<string, number>;
  shardSize?: number;
  format?: ShardFormat;
  compress?: Compression;
  /** Default: DEFAULT_COMPRESS_LEVEL. */
  compressLevel?: number;
  dedupe?: boolean;
  refDate?: string;
  /** Applied to every selected generator. */
  difficulty?: number;
  /**
   * Which constraints the generators that draw them (the instruct family) draw from: IFEval's 25 (`ifeval`), verigen's
   * own (`extended`) or both (`all`). A generator's own `constraints` in `generatorConfig` wins.
   */
  constraints?: string;
  generatorConfig?: Record<string, Record<string, unknown>>;
  emitWitness?: boolean;
  /** A shipped profile name or a path to a profile JSON file. */
  profile?: string;
  preset?: Preset;
}

/** 20,000 items (about 3-30 MB a shard): enough shards for every worker from a 100k-item run on. */
export const DEFAULT_SHARD_SIZE = 20_000;
export const DEFAULT_SEED = '0';
/**
 * gzip level 3: on ~700-byte JSON lines it compresses as fast as level 1 (about 90-110 MB/s here) and 9% smaller;
 * level 6, zlib's own default, is 1.7x slower for 11% smaller shards, and compression is the largest cost a shard
 * adds to generation.
 */
export const DEFAULT_COMPRESS_LEVEL = 3;
const COMPRESS_LEVELS: Record<Exclude<Compression, 'none'>, number> = { gzip: 9, zstd: 19 };
export const DEFAULT_REF_DATE = '2025-01-01';

function expand(name: string, hasProfile: boolean): string[] {
  const fam = generatorsOfFamily(name);
  if (fam.length > 0) {
    const usable = fam.filter((g) => hasProfile || g.profile !== 'required');
    if (usable.length === 0) throw new UsageError(`family '${name}' needs a model profile: add --profile NAME or FILE (see 'verigen list profiles')`);
    return usable.map(generatorId);
  }
  const g = resolveGeneratorName(name);
  if (g) {
    if (g.profile === 'required' && !hasProfile) throw new UsageError(`${generatorId(g)} needs a model profile: add --profile NAME or FILE (see 'verigen list profiles')`);
    return [generatorId(g)];
  }
  const known = [...new Set(GENERATORS.map((x) => x.family))].join(', ');
  throw new UsageError(`unknown family or generator '${name}' (families: ${known}; see 'verigen list generators')`);
}

function buildMix(opts: RunOptions, hasProfile: boolean): Record<string, number> {
  const raw = new Map<string, number>();
  if (opts.mix && opts.family) throw new UsageError('--family and --mix exclude each other');
  if (opts.mix) {
    for (const [name, w] of Object.entries(opts.mix)) {
      if (!(Number.isFinite(w) && w > 0)) throw new UsageError(`--mix: weight of '${name}' must be a positive number, got ${w}`);
      const ids = expand(name, hasProfile);
      for (const id of ids) raw.set(id, (raw.get(id) ?? 0) + w / ids.length);
    }
  } else {
    // By default every family that can make items: without a profile, families that need one are left out.
    const names =
      opts.family && opts.family.length > 0
        ? opts.family
        : [...new Set(GENERATORS.filter((g) => (hasProfile || g.profile !== 'required') && !OPT_IN_FAMILIES.includes(g.family)).map((g) => g.family))];
    for (const name of names) {
      const ids = expand(name, hasProfile);
      for (const id of ids) raw.set(id, (raw.get(id) ?? 0) + 1 / names.length / ids.length);
    }
  }
  let total = 0;
  for (const w of raw.values()) total += w;
  const mix: Record<string, number> = {};
  for (const g of GENERATORS) {
    const id = generatorId(g);
    const w = raw.get(id);
    if (w !== undefined) mix[id] = w / total;
  }
  return mix;
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whether a generator draws checkable constraints from a set (its config has a `constraints` key). */
function takesConstraints(def: GeneratorDef<any, any>): boolean {
  return Object.prototype.hasOwnProperty.call(def.defaults, 'constraints');
}

export function buildRunConfig(opts: RunOptions): RunConfig {
  if (!Number.isSafeInteger(opts.count) || opts.count < 1) {
    throw new UsageError(`--count must be a positive integer, got ${JSON.stringify(opts.count)}`);
  }
  const shardSize = opts.shardSize ?? DEFAULT_SHARD_SIZE;
  if (!Number.isSafeInteger(shardSize) || shardSize < 1) {
    throw new UsageError(`--shard-size must be a positive integer, got ${JSON.stringify(opts.shardSize)}`);
  }
  const seed = String(opts.seed ?? DEFAULT_SEED);
  if (!/^[^/\s]+$/.test(seed)) throw new UsageError(`--seed must be non-empty with no '/' or whitespace, got ${JSON.stringify(seed)}`);
  const refDate = opts.refDate ?? DEFAULT_REF_DATE;
  if (!isIsoDate(refDate)) throw new UsageError(`--ref-date must be a calendar date yyyy-mm-dd, got ${JSON.stringify(refDate)}`);
  const profile = opts.profile === undefined ? null : runProfile(opts.profile);
  const mix = buildMix(opts, profile !== null);
  if (opts.constraints !== undefined && !Object.keys(mix).some((id) => takesConstraints(resolveGeneratorName(id)!))) {
    throw new UsageError(`--constraints applies to generators that draw constraints (the instruct family), and this run has none: add --family instruct`);
  }
  const generatorConfig: Record<string, Record<string, unknown>> = {};
  for (const id of Object.keys(mix)) {
    const def = resolveGeneratorName(id)!;
    const override: Record<string, unknown> = { ...(opts.generatorConfig?.[id] ?? {}) };
    if (opts.difficulty !== undefined && override.difficulty === undefined) override.difficulty = opts.difficulty;
    if (opts.constraints !== undefined && takesConstraints(def) && override.constraints === undefined) override.constraints = opts.constraints;
    try {
      resolveConfig(def, override);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const differs: Record<string, unknown> = {};
    for (const key of Object.keys(override).sort()) {
      if (JSON.stringify(override[key]) !== JSON.stringify((def.defaults as Record<string, unknown>)[key])) differs[key] = override[key];
    }
    if (Object.keys(differs).length > 0) generatorConfig[id] = differs;
  }
  for (const id of Object.keys(opts.generatorConfig ?? {})) {
    if (!(id in mix)) throw new UsageError(`generator config names '${id}', which is not in this run's mix`);
  }
  const format = opts.format ?? 'jsonl';
  const compress = opts.compress ?? (format === 'parquet' ? 'none' : 'gzip');
  let compressLevel: number | null = null;
  if (compress === 'none') {
    if (opts.compressLevel !== undefined) throw new UsageError('--compress-level needs --compress gzip or zstd');
  } else {
    compressLevel = opts.compressLevel ?? DEFAULT_COMPRESS_LEVEL;
    const max = COMPRESS_LEVELS[compress];
    if (!Number.isSafeInteger(compressLevel) || compressLevel < 1 || compressLevel > max) {
      throw new UsageError(`--compress-level must be an integer from 1 to ${max} for ${compress}, got ${opts.compressLevel}`);
    }
  }
  const config: RunConfig = {
    count: opts.count,
    seed,
    mix,
    shard_size: shardSize,
    format,
    compress,
    compress_level: compressLevel,
    dedupe: opts.dedupe ?? false,
    ref_date: refDate,
    generator_config: generatorConfig,
    emit_witness: opts.emitWitness ?? false,
    profile,
    preset: opts.preset ?? null,
  };
  const validate = validator('run-config');
  if (!validate(config)) throw new UsageError(`run config: ${describeErrors(validate.errors)}`);
  return config;
}

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Resolves and validates --profile; the hashes make a changed profile or tokenizer file a different run. */
export function runProfile(source: string): RunProfile {
  let file: string;
  let profile: Profile;
  try {
    file = resolveProfilePath(source);
    profile = loadProfileFile(file);
  } catch (e) {
    throw new UsageError(`--profile ${source}: ${(e as Error).message}`);
  }
  return {
    name: profile.name,
    source,
    sha256: sha256File(file),
    tokenizer_sha256: profile.tokenizer?.file ? sha256File(profile.tokenizer.file) : null,
  };
}

/** Loads the run's profile in a worker, refusing one whose file changed since the run was configured. */
export function loadRunProfile(p: RunProfile | null): Profile | null {
  if (!p) return null;
  const file = resolveProfilePath(p.source);
  if (sha256File(file) !== p.sha256) throw new UsageError(`profile ${file} changed since this run was configured; rerun generate to reconfigure`);
  return loadProfileFile(file);
}

/** JSON with object keys sorted at every depth: the same config always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** Identifies what a run's bytes depend on: the config, the tool version and the generators in play. */
export function fingerprint(config: RunConfig): string {
  return createHash('sha256')
    .update(canonicalJson({ config, verigen: VERSION, generators: Object.keys(config.mix) }))
    .digest('hex');
}

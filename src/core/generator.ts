/**
 * The definition of a generator: its config (with a difficulty knob), its generate function, and how to build a
 * response its verifier must accept (witness) and responses it must reject (near misses), kept together.
 */
import type { Faker } from '@faker-js/faker';
import type { Family, Message, VerifierName } from './item.js';
import type { Rng } from './rng.js';
import type { TemplateSet } from './render.js';
import type { Profile } from '../profiles/types.js';

/** Every generator config has a difficulty from 1 (easiest) to 5; generators derive sizes, steps and distractors from it. */
export interface BaseConfig {
  difficulty: number;
}

export interface GenerateContext<C extends BaseConfig> {
  /** The item's own random stream; faker draws from it too. */
  readonly rng: Rng;
  readonly faker: Faker;
  readonly config: C;
  readonly index: number;
  /** The run's reference date (ISO yyyy-mm-dd): "today" for every item. */
  readonly refDate: string;
  readonly templates: TemplateSet;
  /** The run's model profile (--profile), the only source of self-fact answers; null when the run has none. */
  readonly profile: Profile | null;
}

/** What a generator returns; the engine adds id, seed, index, family, generator and meta. */
export interface Draft<G = Record<string, unknown>> {
  template: string;
  messages: Message[];
  ground_truth: G;
  answer: string | null;
  tags?: string[];
  /** A response that satisfies the item; when absent, `answer` is the witness. */
  witness?: string;
  /**
   * Counters the run sums into its stats under `counters` (e.g. rejected constraint combinations, keyed by pair).
   * Deterministic like everything else in a draft.
   */
  counters?: Record<string, number>;
  /**
   * Wrong answers the problem itself suggests (the runner-up of an ordering, the word next to the asked one), for
   * `nearMisses`; never written to the item.
   */
  misses?: readonly string[];
}

export interface GeneratorDef<C extends BaseConfig = BaseConfig, G = Record<string, unknown>> {
  readonly family: Family;
  /** Short name, unique within the family: `[a-z0-9_-]+`. */
  readonly name: string;
  readonly version: number;
  readonly verifier: VerifierName;
  readonly description: string;
  /**
   * How the generator uses the run's profile: 'required' (cannot make items without one: left out of default mixes
   * when the run has no profile, refused when named), 'optional'; absent: not at all. Items of a generator that uses
   * the profile record its name in meta.profile.
   */
  readonly profile?: 'required' | 'optional';
  /** Defaults; a run may override any key. */
  readonly defaults: C;
  /** Checks a merged config and returns it, or throws an Error naming the bad key. */
  validateConfig?(config: C): C;
  generate(ctx: GenerateContext<C>): Draft<G>;
  /** Wrong responses that look right (off by one, a neighbouring weekday, a swapped name): the verifier must reject each. */
  nearMisses(draft: Draft<G>, rng: Rng): string[];
}

export function generatorId(def: Pick<GeneratorDef, 'family' | 'name' | 'version'>): string {
  return `${def.family}.${def.name}@${def.version}`;
}

/** The config a generator runs with: its defaults overridden by the run's, difficulty clamped to 1..5. */
export function resolveConfig<C extends BaseConfig>(def: GeneratorDef<C>, override: Partial<C> | undefined): C {
  const merged = { ...def.defaults, ...(override ?? {}) } as C;
  for (const key of Object.keys(override ?? {})) {
    if (!(key in def.defaults)) {
      throw new Error(`generator ${generatorId(def)} has no config key '${key}' (keys: ${Object.keys(def.defaults).join(', ')})`);
    }
  }
  if (!Number.isInteger(merged.difficulty) || merged.difficulty < 1 || merged.difficulty > 5) {
    throw new Error(`generator ${generatorId(def)}: difficulty must be an integer from 1 to 5, got ${JSON.stringify(merged.difficulty)}`);
  }
  return def.validateConfig ? def.validateConfig(merged) : merged;
}

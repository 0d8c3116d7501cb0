/**
 * What a constraint is: an id, a kwargs schema that validates IFEval-format kwargs, and a total check.
 *
 * Kwargs: a key whose value is `null` counts as absent (Hugging Face's copy of IFEval lists every key of every
 * instruction, set to null where unused). A required key that is absent, a key the id does not take, or a value of
 * the wrong type is an error naming the field. The reference fills missing kwargs at random; verigen never does.
 *
 * Room is left for the generator (issue 3, items 6–8): `describe(kwargs, rng)` will phrase the instruction and
 * `witness(...)` will build a satisfying response; both are optional members today.
 */
import type { Rng } from '../../../core/rng.js';

export interface CheckResult {
  pass: boolean;
  /** What was measured and what was required: a sentence for people. */
  detail: string;
}

/** The relation of IFEval's comparison kwargs. */
export type Relation = 'less than' | 'at least';
export const RELATIONS: readonly Relation[] = ['less than', 'at least'];

export type KwargKind =
  | { type: 'int'; min?: number }
  | { type: 'string'; nonEmpty?: boolean; codePoints?: number }
  | { type: 'stringList'; nonEmpty?: boolean }
  | { type: 'enum'; values: readonly string[] };

export interface KwargSpec {
  name: string;
  kind: KwargKind;
  /** Why the value is constrained (shown in errors), e.g. the reference's own rule. */
  note?: string;
}

/** A bad kwargs object: `field` is the key (or `key[index]`), `message` says what is wrong. */
export class KwargsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'KwargsError';
  }
}

export interface ConstraintDef<K = Record<string, unknown>> {
  /** IFEval's instruction id, e.g. `length_constraints:number_words`, or `verigen:...` for ours. */
  id: string;
  kwargs: readonly KwargSpec[];
  /** True for the ids whose reference verdict depends on language identification. */
  usesLanguageId?: boolean;
  /** Validates raw kwargs (throws KwargsError naming the field) and returns them typed. */
  parse(raw: unknown): K;
  /** Total: never throws, linear in the response. */
  check(response: string, kwargs: K): CheckResult;
  /**
   * Generation only. Draws kwargs for a new item at a difficulty from 1 to 5 (values a witness can satisfy). The
   * instruction text is then rendered from these kwargs by `describe`, never the other way round.
   */
  sample?(rng: Rng, difficulty: number, topic?: SampleContext): K;
  /** One phrasing of the instruction, drawn among several (at least 3), rendered from the kwargs. */
  describe?(kwargs: K, rng: Rng): string;
  /** How this constraint contributes to an item's witness (see WitnessStep). */
  witness?: WitnessStep<K>;
  /** Ids this constraint must never be combined with in one item (the conflict table; the relation is symmetric). */
  conflicts?: readonly string[];
}

/**
 * Witness composition. An item's witness is ONE response that satisfies all of its constraints at once. The
 * generator starts from a base response (a few plain sentences on the task's topic) and applies each constraint's
 * step in phase order (ties: the item's constraint order); then it checks the result with every constraint's own
 * `check`, strict AND as the reference reads it. A combination whose witness fails is rejected and redrawn
 * (deterministically), and counted in the run stats.
 *
 * Phases, in order: 'content' (what must be said: keywords, placeholders, letters, forbidden words removed),
 * 'length' (sentence and word counts), 'structure' (paragraphs, sections, bullets, highlights, title, postscript),
 * 'case' (upper/lower/capital words), 'punctuation' (commas, dots, exclamation marks), 'wrap' (quotation, JSON,
 * repeat the prompt, two responses), 'final' (start/end phrases).
 */
export const WITNESS_PHASES = ['content', 'length', 'structure', 'case', 'punctuation', 'wrap', 'final'] as const;
export type WitnessPhase = (typeof WITNESS_PHASES)[number];

export interface WitnessContext {
  readonly rng: Rng;
  /** The item's prompt (for constraints that repeat or quote it). */
  readonly prompt: string;
  /** `count` fresh plain filler sentences on the item's topic (each ends with a period; no commas unless asked). */
  sentences(count: number): string[];
  /** Filler words (lowercase, letters only) for padding word counts. */
  words(count: number): string[];
}

/**
 * What `sample` may know about the item being generated (optional: a constraint that ignores it still works).
 * `keywords`: words on the task's topic that a keyword constraint may ask for (lowercase, letters only; the filler of
 * the witness never uses them, so a 'less than' count starts at zero). `request`: the task text without the
 * constraint instructions (what `combination:repeat_prompt` asks to repeat).
 */
export interface SampleContext {
  readonly keywords: readonly string[];
  readonly request: string;
}

export interface WitnessStep<K> {
  phase: WitnessPhase;
  /** Returns the response with this constraint satisfied, keeping what earlier steps established where it can. */
  apply(response: string, kwargs: K, ctx: WitnessContext): string;
}

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function checkValue(spec: KwargSpec, v: unknown): unknown {
  const k = spec.kind;
  const why = spec.note ? ` (${spec.note})` : '';
  switch (k.type) {
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new KwargsError(spec.name, `must be an integer, got ${JSON.stringify(v)}`);
      if (k.min !== undefined && v < k.min) throw new KwargsError(spec.name, `must be at least ${k.min}, got ${v}${why}`);
      return v;
    case 'string':
      if (typeof v !== 'string') throw new KwargsError(spec.name, `must be a string, got ${JSON.stringify(v)}`);
      if (k.nonEmpty && v.length === 0) throw new KwargsError(spec.name, `must not be empty${why}`);
      if (k.codePoints !== undefined && codePointLength(v) !== k.codePoints)
        throw new KwargsError(spec.name, `must be exactly ${k.codePoints} character(s), got ${JSON.stringify(v)}${why}`);
      return v;
    case 'stringList':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
        throw new KwargsError(spec.name, `must be a list of strings, got ${JSON.stringify(v)}`);
      if (k.nonEmpty && v.length === 0) throw new KwargsError(spec.name, `must not be empty${why}`);
      return v.slice();
    case 'enum':
      if (typeof v !== 'string' || !k.values.includes(v))
        throw new KwargsError(spec.name, `must be one of ${k.values.map((x) => JSON.stringify(x)).join(', ')}, got ${JSON.stringify(v)}`);
      return v;
  }
}

/** Whether `specs` names `key` (a few specs at most: a scan beats building a set on every call). */
function hasSpec(specs: readonly KwargSpec[], key: string): boolean {
  for (let i = 0; i < specs.length; i++) if (specs[i]!.name === key) return true;
  return false;
}

/** Validates `raw` against `specs`: every spec is required; null values count as absent; unknown keys are errors. */
export function parseKwargs<K>(specs: readonly KwargSpec[], raw: unknown): K {
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new KwargsError('kwargs', `must be an object, got ${JSON.stringify(raw)}`);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (obj[key] !== null && !hasSpec(specs, key)) {
      const expected = specs.length ? specs.map((s) => s.name).join(', ') : 'none';
      throw new KwargsError(key, `unknown kwarg for this instruction (expected: ${expected})`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const v = obj[spec.name];
    if (v === undefined || v === null) throw new KwargsError(spec.name, 'missing (the reference would draw it at random; verigen requires it)');
    out[spec.name] = checkValue(spec, v);
  }
  return out as K;
}

/** A constraint whose kwargs are exactly its specs (the common case). */
export function defineConstraint<K>(def: Omit<ConstraintDef<K>, 'parse'> & { parse?: (raw: unknown) => K }): ConstraintDef<K> {
  return { ...def, parse: def.parse ?? ((raw: unknown) => parseKwargs<K>(def.kwargs, raw)) };
}

/** `n < threshold` or `n >= threshold`, with the sentence that says so. */
export function compare(what: string, n: number, relation: Relation, threshold: number): CheckResult {
  const pass = relation === 'less than' ? n < threshold : n >= threshold;
  return { pass, detail: `found ${n} ${what}; required ${relation} ${threshold}` };
}

/** A short, single-line preview of a string for details. */
export function preview(s: string, max = 40): string {
  const flat = s.length > max ? s.slice(0, max) + '…' : s;
  return JSON.stringify(flat);
}

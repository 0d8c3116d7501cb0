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
  describe?(kwargs: K, rng: Rng): string;
  witness?(kwargs: K, rng: Rng): string;
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

/** Validates `raw` against `specs`: every spec is required; null values count as absent; unknown keys are errors. */
export function parseKwargs<K>(specs: readonly KwargSpec[], raw: unknown): K {
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new KwargsError('kwargs', `must be an object, got ${JSON.stringify(raw)}`);
  const obj = raw as Record<string, unknown>;
  const known = new Set(specs.map((s) => s.name));
  for (const key of Object.keys(obj)) {
    if (!known.has(key) && obj[key] !== null) {
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

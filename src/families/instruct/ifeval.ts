/**
 * The `ifeval` verifier: IFEval's ground truth (`instruction_id_list` + aligned `kwargs`) against one response, strict
 * and loose, as Google's evaluation_lib scores them.
 *
 * Strict: an instruction is followed when the response is not blank (Python `strip()`) and its check passes. Loose:
 * when the check passes on any non-blank one of the reference's 8 variants, in its order: the response, the response
 * without `*`, without its first line, without its last line, without both, and those three without `*` (each line
 * variant joined back with `\n` and stripped).
 */
import type { Check, Verdict } from '../../verify/types.js';
import { pyStrip } from '../../text/python.js';
import { getConstraint, KwargsError, type CheckResult, type ConstraintDef } from './constraints/index.js';

export interface IfevalTruth {
  instruction_id_list: string[];
  kwargs: unknown[];
}

/** A bad ground truth: `field` is the path (`instruction_id_list[2]`, `kwargs[1].num_words`). */
export class IfevalTruthError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'IfevalTruthError';
  }
}

export interface ParsedInstruction {
  id: string;
  def: ConstraintDef<any>;
  kwargs: unknown;
}

/** Validates IFEval ground truth; throws IfevalTruthError naming the field. */
export function parseIfevalTruth(gt: unknown): ParsedInstruction[] {
  if (gt === null || typeof gt !== 'object' || Array.isArray(gt)) throw new IfevalTruthError('ground_truth', 'must be an object');
  const { instruction_id_list: ids, kwargs } = gt as Partial<IfevalTruth>;
  if (!Array.isArray(ids)) throw new IfevalTruthError('instruction_id_list', 'must be a list of instruction ids');
  if (kwargs !== undefined && !Array.isArray(kwargs)) throw new IfevalTruthError('kwargs', 'must be a list of objects');
  if (kwargs && kwargs.length !== ids.length)
    throw new IfevalTruthError('kwargs', `has ${kwargs.length} entries for ${ids.length} instruction ids`);
  return ids.map((id, i) => {
    if (typeof id !== 'string') throw new IfevalTruthError(`instruction_id_list[${i}]`, 'must be a string');
    const def = getConstraint(id);
    if (!def) throw new IfevalTruthError(`instruction_id_list[${i}]`, `unknown instruction id ${JSON.stringify(id)}`);
    try {
      return { id, def, kwargs: def.parse(kwargs?.[i] ?? {}) };
    } catch (e) {
      if (e instanceof KwargsError) throw new IfevalTruthError(`kwargs[${i}].${e.field}`, `${e.message.slice(e.field.length + 2)} (${id})`);
      throw e;
    }
  });
}

/** The response without its `*` characters. */
const noStar = (s: string) => (s.includes('*') ? s.split('*').join('') : s);

/** The reference's 8 loose variants of a response, in its order. */
export function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const first = pyStrip(lines.slice(1).join('\n'));
  const last = pyStrip(lines.slice(0, -1).join('\n'));
  const both = pyStrip(lines.slice(1, -1).join('\n'));
  return [response, noStar(response), first, last, both, noStar(first), noStar(last), noStar(both)];
}

export interface InstructionResult {
  id: string;
  strict: boolean;
  loose: boolean;
  /** The strict check's detail (or why a blank response fails). */
  detail: string;
}

/** A check that cannot throw: an unexpected error is a failed check that says so (and a bug to report). */
function safeCheck(def: ConstraintDef<any>, text: string, kwargs: unknown): CheckResult {
  try {
    return def.check(text, kwargs);
  } catch (e) {
    return { pass: false, detail: `internal error in ${def.id}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The last call's input (kwargs copied) and results. Checks are pure functions of (text, kwargs), and the same item is
 * checked twice in a row: the generator checks the witness it built, then the engine checks it again before writing.
 */
let last: { response: string; instructions: { def: ConstraintDef<any>; kwargs: unknown }[]; results: InstructionResult[] } | undefined;

/** Deep equality of parsed kwargs (numbers, strings, booleans, null, arrays and plain objects of them). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** A copy of parsed kwargs that later changes to the caller's object cannot reach. */
function copyValue(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(copyValue);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = copyValue((v as Record<string, unknown>)[k]);
  return out;
}

function isLastCall(instructions: readonly ParsedInstruction[], response: string): boolean {
  if (!last || last.response !== response || last.instructions.length !== instructions.length) return false;
  for (let i = 0; i < instructions.length; i++) {
    const a = last.instructions[i]!;
    const b = instructions[i]!;
    if (a.def !== b.def || !sameValue(a.kwargs, b.kwargs)) return false;
  }
  return true;
}

/** Strict and loose result of every instruction, for already parsed ground truth. */
export function followInstructions(instructions: readonly ParsedInstruction[], response: string): InstructionResult[] {
  if (isLastCall(instructions, response)) return last!.results.map((r) => ({ ...r }));
  const results = computeInstructions(instructions, response);
  last = {
    response,
    instructions: instructions.map(({ def, kwargs }) => ({ def, kwargs: copyValue(kwargs) })),
    results: results.map((r) => ({ ...r })),
  };
  return results;
}

function computeInstructions(instructions: readonly ParsedInstruction[], response: string): InstructionResult[] {
  let variants: DistinctVariants | undefined;
  const blank = !pyStrip(response);
  return instructions.map(({ id, def, kwargs }) => {
    const strictRes = blank ? { pass: false, detail: 'the response is blank' } : safeCheck(def, response, kwargs);
    let loose = strictRes.pass;
    if (!loose) {
      variants ??= new DistinctVariants(response);
      for (let k = 0, v = variants.at(0); v !== undefined; v = variants.at(++k)) {
        if (safeCheck(def, v, kwargs).pass) {
          loose = true;
          break;
        }
      }
    }
    return { id, strict: strictRes.pass, loose, detail: strictRes.detail };
  });
}

/**
 * The loose variants other than the response itself, non-blank and without repeats (same verdict either way), in the
 * reference's order, each made when an instruction first needs it (one that passes on an early variant does not pay for
 * the later ones), and shared by the instructions of one response.
 */
class DistinctVariants {
  private readonly out: string[] = [];
  /** The next of the reference's variants 1..7 to make. */
  private next = 1;
  private cuts: [first: string, last: string, both: string] | undefined;

  constructor(private readonly response: string) {}

  /** The k-th distinct variant, or undefined past the last. */
  at(k: number): string | undefined {
    while (this.out.length <= k && this.next <= 7) {
      const v = this.variant(this.next++);
      if (v === this.response || !pyStrip(v) || this.out.includes(v)) continue;
      this.out.push(v);
    }
    return this.out[k];
  }

  private variant(i: number): string {
    if (i === 1) return noStar(this.response);
    if (!this.cuts) {
      const lines = this.response.split('\n');
      this.cuts = [pyStrip(lines.slice(1).join('\n')), pyStrip(lines.slice(0, -1).join('\n')), pyStrip(lines.slice(1, -1).join('\n'))];
    }
    return i <= 4 ? this.cuts[i - 2]! : noStar(this.cuts[i - 5]!);
  }
}

export interface IfevalFollow {
  strict: boolean[];
  loose: boolean[];
  follow_all_strict: boolean;
  follow_all_loose: boolean;
}

/** Per-instruction strict/loose booleans (for reports and `verigen verify`); throws IfevalTruthError on bad truth. */
export function ifevalFollow(gt: unknown, response: string): IfevalFollow {
  const results = followInstructions(parseIfevalTruth(gt), response);
  const strict = results.map((r) => r.strict);
  const loose = results.map((r) => r.loose);
  return { strict, loose, follow_all_strict: strict.every(Boolean), follow_all_loose: loose.every(Boolean) };
}

export interface IfevalCheck extends Check {
  strict: boolean;
  loose: boolean;
}

/**
 * The verifier: one check per instruction (`pass` is the strict result; `strict` and `loose` both given). The verdict
 * passes when every instruction is followed strictly; its score is the fraction followed strictly. Never throws: bad
 * ground truth gives a failing verdict whose single check names the field.
 */
export function verifyIfeval(gt: IfevalTruth | unknown, response: string): Verdict {
  let instructions: ParsedInstruction[];
  try {
    instructions = parseIfevalTruth(gt);
  } catch (e) {
    const detail = e instanceof IfevalTruthError ? e.message : String(e);
    return { pass: false, score: 0, checks: [{ name: 'ground_truth', pass: false, detail }] };
  }
  const text = typeof response === 'string' ? response : '';
  const results = followInstructions(instructions, text);
  const checks: IfevalCheck[] = results.map((r) => ({
    name: r.id,
    pass: r.strict,
    strict: r.strict,
    loose: r.loose,
    detail: r.strict ? r.detail : `${r.detail}${r.loose ? ' (followed in the loose reading)' : ''}`,
  }));
  const followed = checks.filter((c) => c.pass).length;
  return { pass: followed === checks.length, score: checks.length ? followed / checks.length : 1, checks };
}

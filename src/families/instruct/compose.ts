/**
 * Composes an instruct item's constraints and its witness: draws 1..N constraints from the configured set (skipping
 * duplicates and conflicting pairs), samples their kwargs, renders their instructions, builds one response satisfying
 * all of them (each constraint's witness step, in phase order) and checks it with the item's own verifier. A failing
 * combination is counted (`instruct.rejected:<ids>`) and redrawn from the item's rng; after MAX_ATTEMPTS the item falls
 * back to a single constraint.
 */
import type { Rng } from '../../core/rng.js';
import { ALL_CONSTRAINTS, getConstraint } from './constraints/index.js';
import { WITNESS_PHASES, type ConstraintDef, type SampleContext } from './constraints/types.js';
import { inConflictTable } from './conflicts.js';
import { followInstructions, type ParsedInstruction } from './ifeval.js';
import { createWitnessContext, type WitnessTopic } from './witness.js';

export type ConstraintSet = 'ifeval' | 'extended' | 'all';
export const CONSTRAINT_SETS: readonly ConstraintSet[] = ['ifeval', 'extended', 'all'];

export const MAX_ATTEMPTS = 8;

type GenDef = ConstraintDef<any> & Required<Pick<ConstraintDef<any>, 'sample' | 'describe' | 'witness'>>;

export interface Instruction {
  def: GenDef;
  kwargs: Record<string, unknown>;
  description: string;
}

export interface Composed {
  instructions: Instruction[];
  prompt: string;
  witness: string;
  counters: Record<string, number>;
}

/** The constraints that can be generated in a set, read from the registry now (so later additions are seen). */
export function constraintPool(set: ConstraintSet): GenDef[] {
  return ALL_CONSTRAINTS.filter((c): c is GenDef => {
    if (!c.sample || !c.describe || !c.witness) return false;
    const ours = c.id.startsWith('verigen:');
    return set === 'all' || (set === 'extended' ? ours : !ours);
  });
}

/**
 * A pool as the composer draws from it: the constraints, which pairs of them conflict (by pool index, so a draw tests
 * a pair with one array read instead of building keys for the conflict table), and a scratch array for the shuffle.
 */
interface PoolInfo {
  size: number;
  defs: readonly GenDef[];
  clash: Uint8Array;
  order: Int32Array;
}

function poolInfo(defs: readonly GenDef[]): PoolInfo {
  const n = defs.length;
  const clash = new Uint8Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) clash[a * n + b] = conflicts(defs[a]!, defs[b]!) ? 1 : 0;
  return { size: ALL_CONSTRAINTS.length, defs, clash, order: new Int32Array(n) };
}

/** poolInfo per set, computed once per registry size (the registry only grows); callers must not modify it. */
const pools = new Map<ConstraintSet, PoolInfo>();
function cachedPool(set: ConstraintSet): PoolInfo {
  const hit = pools.get(set);
  if (hit && hit.size === ALL_CONSTRAINTS.length) return hit;
  const info = poolInfo(constraintPool(set));
  pools.set(set, info);
  return info;
}

export function conflicts(a: ConstraintDef<any>, b: ConstraintDef<any>): boolean {
  return a.id === b.id || inConflictTable(a.id, b.id) || !!a.conflicts?.includes(b.id) || !!b.conflicts?.includes(a.id);
}

/** Up to `k` distinct, pairwise compatible constraints, in draw order. */
export function drawConstraints(rng: Rng, pool: readonly GenDef[], k: number): GenDef[] {
  const chosen: GenDef[] = [];
  for (const c of rng.shuffle(pool)) {
    if (chosen.length >= k) break;
    if (chosen.every((x) => !conflicts(x, c))) chosen.push(c);
  }
  return chosen;
}

/** drawConstraints from a set's pool, the way `compose` draws (same draws, same result; see drawFromPool). */
export function drawFromSet(rng: Rng, set: ConstraintSet, k: number): GenDef[] {
  return drawFromPool(rng, cachedPool(set), k);
}

/**
 * drawConstraints on a prepared pool, draw for draw: the same Fisher-Yates over pool indices (one `next()` per
 * position, as Rng.shuffle), then the same first-fit walk, with conflicts read from the pool's table.
 */
function drawFromPool(rng: Rng, info: PoolInfo, k: number): GenDef[] {
  const { defs, clash, order } = info;
  const n = defs.length;
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const chosen: number[] = [];
  for (let t = 0; t < n && chosen.length < k; t++) {
    const c = order[t]!;
    let free = true;
    for (let x = 0; x < chosen.length; x++) {
      if (clash[chosen[x]! * n + c]) {
        free = false;
        break;
      }
    }
    if (free) chosen.push(c);
  }
  return chosen.map((c) => defs[c]!);
}

/**
 * Order of steps inside one phase (lower first; ids not listed: 1). Re-flowing steps (paragraphs, sections) go before
 * the ones that add lines (bullets, highlights), the title is prepended and the postscript appended after those; in
 * the wrap phase the quotation marks go on before the JSON (which then is a JSON string) and the repeated request comes last so that it ends up first.
 */
const STEP_PRIORITY: Readonly<Record<string, number>> = {
  'length_constraints:number_paragraphs': 0,
  'length_constraints:nth_paragraph_first_word': 0,
  'detectable_format:multiple_sections': 0,
  'detectable_format:title': 2,
  'detectable_content:postscript': 3,
  'change_case:english_capital': 2,
  'change_case:english_lowercase': 2,
  'combination:two_responses': 0,
  'detectable_format:json_format': 1,
  'startend:quotation': 0.5,
  'combination:repeat_prompt': 3,
};

const PHASE_INDEX = new Map<string, number>(WITNESS_PHASES.map((p, i) => [p, i]));

/** A constraint's place in the step order: phase first, then priority (every priority is below 10). */
const stepKeys = new Map<GenDef, number>();
function stepKey(def: GenDef): number {
  let key = stepKeys.get(def);
  if (key === undefined) {
    key = PHASE_INDEX.get(def.witness.phase)! * 10 + (STEP_PRIORITY[def.id] ?? 1);
    stepKeys.set(def, key);
  }
  return key;
}

/** The instructions by phase, then priority, then their own order (a stable insertion sort: an item has at most 8). */
export function stepOrder(instructions: readonly Instruction[]): Instruction[] {
  const out = instructions.slice();
  if (out.length < 2) return out;
  const keys = out.map((ins) => stepKey(ins.def));
  for (let i = 1; i < out.length; i++) {
    const ins = out[i]!;
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      out[j + 1] = out[j]!;
      keys[j + 1] = keys[j]!;
      j--;
    }
    out[j + 1] = ins;
    keys[j + 1] = key;
  }
  return out;
}

export type Layout = 'sentence' | 'bullets' | 'inline';
const LAYOUTS: readonly Layout[] = ['sentence', 'bullets', 'inline'];

export function assemblePrompt(request: string, descriptions: readonly string[], layout: Layout): string {
  if (layout === 'bullets') {
    let out = `${request}\n\nRequirements:\n`;
    for (let i = 0; i < descriptions.length; i++) out += i === 0 ? `- ${descriptions[i]!}` : `\n- ${descriptions[i]!}`;
    return out;
  }
  let out = layout === 'inline' ? `${request} ` : `${request}\n\n`;
  for (let i = 0; i < descriptions.length; i++) out += i === 0 ? descriptions[i]! : ` ${descriptions[i]!}`;
  return out;
}

export interface ComposeInput {
  rng: Rng;
  request: string;
  keywords: readonly string[];
  nouns: readonly string[];
  difficulty: number;
  set: ConstraintSet;
  minConstraints: number;
  maxConstraints: number;
}

/** Builds prompt and witness for a given list of constraints; `ok` says whether the witness passes strictly. */
export function tryCompose(input: ComposeInput, defs: readonly GenDef[]): { ok: boolean; composed: Composed; failed: string[] } {
  const { rng, request, difficulty } = input;
  const sampleCtx: SampleContext = { keywords: input.keywords, request };
  const instructions: Instruction[] = [];
  const descriptions: string[] = [];
  let language: string | undefined;
  for (const def of defs) {
    const kwargs = def.sample(rng, difficulty, sampleCtx) as Record<string, unknown>;
    const description = def.describe(kwargs, rng);
    instructions.push({ def, kwargs, description });
    descriptions.push(description);
    if (language === undefined && def.id === 'language:response_language') language = kwargs.language as string;
  }
  const prompt = assemblePrompt(request, descriptions, rng.pick(LAYOUTS));
  const topic: WitnessTopic = language === undefined ? { nouns: input.nouns } : { nouns: input.nouns, language };
  const ctx = createWitnessContext(rng, prompt, topic);
  let witness = ctx.sentences(rng.int(2, 4)).join(' ');
  for (const ins of stepOrder(instructions)) witness = ins.def.witness.apply(witness, ins.kwargs, ctx);
  const failed = failedChecks(instructions, witness);
  return { ok: failed.length === 0, composed: { instructions, prompt, witness, counters: {} }, failed };
}

/**
 * The names of the checks the ifeval verifier fails on the witness: what `verifyIfeval(groundTruth(instructions),
 * witness)` finds, without parsing ids the composer already holds or building the verdict. Its results are the
 * verifier's own (followInstructions), which remembers them for the engine's check of the finished item.
 */
function failedChecks(instructions: readonly Instruction[], witness: string): string[] {
  const parsed: ParsedInstruction[] = [];
  for (const { def, kwargs } of instructions) {
    // As parseIfevalTruth: an id the registry does not resolve to this def, or kwargs its parser refuses, is a bad
    // ground truth (a failing verdict with the one check 'ground_truth').
    if (getConstraint(def.id) !== def) return ['ground_truth'];
    try {
      parsed.push({ id: def.id, def, kwargs: def.parse(kwargs ?? {}) });
    } catch {
      return ['ground_truth'];
    }
  }
  const failed: string[] = [];
  for (const r of followInstructions(parsed, witness)) if (!r.strict) failed.push(r.id);
  return failed;
}

export function groundTruth(instructions: readonly Instruction[]): { instruction_id_list: string[]; kwargs: Record<string, unknown>[] } {
  return { instruction_id_list: instructions.map((i) => i.def.id), kwargs: instructions.map((i) => i.kwargs) };
}

/** How many constraints to draw: the upper end grows with difficulty up to maxConstraints. */
export function constraintCount(rng: Rng, difficulty: number, min: number, max: number): number {
  const top = min + Math.round(((max - min) * Math.min(5, Math.max(1, difficulty))) / 5);
  return rng.int(min, Math.max(min, top));
}

export function compose(input: ComposeInput): Composed {
  const info = cachedPool(input.set);
  const pool = info.defs;
  if (pool.length === 0) throw new Error(`instruct: no generatable constraint in the set '${input.set}'`);
  const counters: Record<string, number> = {};
  const reject = (defs: readonly GenDef[]) => {
    const key = `instruct.rejected:${defs.map((d) => d.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('+')}`;
    counters[key] = (counters[key] ?? 0) + 1;
  };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const k = constraintCount(input.rng, input.difficulty, input.minConstraints, input.maxConstraints);
    const defs = drawFromPool(input.rng, info, k);
    const r = tryCompose(input, defs);
    if (r.ok) {
      r.composed.counters = counters;
      return r.composed;
    }
    reject(defs);
  }
  // Fallback: one constraint at a time (each alone has a witness; kwargs are redrawn on every try).
  for (let attempt = 0; attempt < 4 * pool.length; attempt++) {
    const def = input.rng.pick(pool);
    const r = tryCompose(input, [def]);
    if (r.ok) {
      r.composed.counters = counters;
      return r.composed;
    }
    reject([def]);
  }
  throw new Error('instruct: no constraint produced a passing witness (a bug in a witness step)');
}

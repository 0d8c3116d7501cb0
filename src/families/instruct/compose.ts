/**
 * Composes an instruct item's constraints and its witness: draws 1..N constraints from the configured set (skipping
 * duplicates and conflicting pairs), samples their kwargs, renders their instructions, builds one response satisfying
 * all of them (each constraint's witness step, in phase order) and checks it with the item's own verifier. A failing
 * combination is counted (`instruct.rejected:<ids>`) and redrawn from the item's rng; after MAX_ATTEMPTS the item falls
 * back to a single constraint.
 */
import type { Rng } from '../../core/rng.js';
import { ALL_CONSTRAINTS } from './constraints/index.js';
import { WITNESS_PHASES, type ConstraintDef, type SampleContext } from './constraints/types.js';
import { inConflictTable } from './conflicts.js';
import { verifyIfeval } from './ifeval.js';
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

/** constraintPool per set, computed once per registry size (the registry only grows); callers must not modify it. */
const pools = new Map<ConstraintSet, { size: number; pool: readonly GenDef[] }>();
function cachedPool(set: ConstraintSet): readonly GenDef[] {
  const hit = pools.get(set);
  if (hit && hit.size === ALL_CONSTRAINTS.length) return hit.pool;
  const pool = constraintPool(set);
  pools.set(set, { size: ALL_CONSTRAINTS.length, pool });
  return pool;
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

export function stepOrder(instructions: readonly Instruction[]): Instruction[] {
  const keyed = instructions.map((ins, i) => ({ ins, i, p: PHASE_INDEX.get(ins.def.witness.phase)!, q: STEP_PRIORITY[ins.def.id] ?? 1 }));
  keyed.sort((a, b) => a.p - b.p || a.q - b.q || a.i - b.i);
  return keyed.map((k) => k.ins);
}

export type Layout = 'sentence' | 'bullets' | 'inline';

export function assemblePrompt(request: string, descriptions: readonly string[], layout: Layout): string {
  if (layout === 'bullets') return `${request}\n\nRequirements:\n${descriptions.map((d) => `- ${d}`).join('\n')}`;
  if (layout === 'inline') return `${request} ${descriptions.join(' ')}`;
  return `${request}\n\n${descriptions.join(' ')}`;
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
  const instructions: Instruction[] = defs.map((def) => {
    const kwargs = def.sample(rng, difficulty, sampleCtx) as Record<string, unknown>;
    return { def, kwargs, description: def.describe(kwargs, rng) };
  });
  const prompt = assemblePrompt(request, instructions.map((i) => i.description), rng.pick(['sentence', 'bullets', 'inline'] as const));
  const lang = instructions.find((i) => i.def.id === 'language:response_language');
  const topic: WitnessTopic = { nouns: input.nouns, ...(lang ? { language: lang.kwargs.language as string } : {}) };
  const ctx = createWitnessContext(rng, prompt, topic);
  let witness = ctx.sentences(rng.int(2, 4)).join(' ');
  for (const ins of stepOrder(instructions)) witness = ins.def.witness.apply(witness, ins.kwargs, ctx);
  const verdict = verifyIfeval(groundTruth(instructions), witness);
  const failed = verdict.checks.filter((c) => !c.pass).map((c) => c.name);
  return { ok: verdict.pass, composed: { instructions, prompt, witness, counters: {} }, failed };
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
  const pool = cachedPool(input.set);
  if (pool.length === 0) throw new Error(`instruct: no generatable constraint in the set '${input.set}'`);
  const counters: Record<string, number> = {};
  const reject = (defs: readonly GenDef[]) => {
    const key = `instruct.rejected:${defs.map((d) => d.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('+')}`;
    counters[key] = (counters[key] ?? 0) + 1;
  };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const k = constraintCount(input.rng, input.difficulty, input.minConstraints, input.maxConstraints);
    const defs = drawConstraints(input.rng, pool, k);
    const r = tryCompose(input, defs);
    if (r.ok) return { ...r.composed, counters };
    reject(defs);
  }
  // Fallback: one constraint at a time (each alone has a witness; kwargs are redrawn on every try).
  for (let attempt = 0; attempt < 4 * pool.length; attempt++) {
    const def = input.rng.pick(pool);
    const r = tryCompose(input, [def]);
    if (r.ok) return { ...r.composed, counters };
    reject([def]);
  }
  throw new Error('instruct: no constraint produced a passing witness (a bug in a witness step)');
}

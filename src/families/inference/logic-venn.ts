/**
 * Venn counting for inference.logic: a group of `total` people, two or three traits, some counts stated, one count
 * asked. The problem is drawn as the sizes of the Venn regions (every region at least 2 people, so no stated count
 * is 0 or 1 and every sentence keeps its plural), the statements are derived from the regions, and the answer is
 * computed back from the stated numbers by inclusion-exclusion, the way a solver must.
 */
import type { Lexicon } from './data/lexicon.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import { VENN_CONTEXTS } from './data/logic-data.js';
import { numberMisses } from './near-misses.js';

export type VennQuestion2 = 'onlyA' | 'onlyB' | 'neither' | 'union' | 'exactlyOne' | 'both';
export type VennQuestion3 = 'none' | 'onlyA' | 'exactlyOne' | 'exactlyTwo' | 'union' | 'all';

/**
 * Region sizes. Two sets: [A only, B only, both, neither]. Three sets: indexed by membership bits (bit 0 = A,
 * bit 1 = B, bit 2 = C), so regions[0] is "none" and regions[7] "all three".
 */
export interface VennPlan {
  sets: 2 | 3;
  regions: number[];
  /** Which counts the prompt states: total, |A|, |B|, |C|, the pairwise and triple intersections, "neither". */
  stated: Record<string, number>;
  question: VennQuestion2 | VennQuestion3;
  answer: number;
}

const RANGES: readonly [number, number][] = [[2, 15], [2, 30], [4, 60], [2, 25], [4, 50]];

/** The answer from the stated numbers alone (inclusion-exclusion). */
function solve2(s: Record<string, number>, q: VennQuestion2): number {
  const both = s.both ?? s.A! + s.B! - (s.total! - s.neither!);
  const union = s.A! + s.B! - both;
  switch (q) {
    case 'onlyA':
      return s.A! - both;
    case 'onlyB':
      return s.B! - both;
    case 'neither':
      return s.total! - union;
    case 'union':
      return union;
    case 'exactlyOne':
      return union - both;
    case 'both':
      return both;
  }
}

function solve3(s: Record<string, number>, q: VennQuestion3): number {
  const pairs = s.AB! + s.AC! + s.BC!;
  const singles = s.A! + s.B! + s.C!;
  // With "none" stated instead of the triple: |A∪B∪C| = total - none = singles - pairs + all.
  const all = s.ABC ?? s.total! - s.none! - singles + pairs;
  const union = singles - pairs + all;
  const exactlyTwo = pairs - 3 * all;
  const exactlyOne = union - exactlyTwo - all;
  switch (q) {
    case 'none':
      return s.total! - union;
    case 'onlyA':
      return s.A! - s.AB! - s.AC! + all;
    case 'exactlyOne':
      return exactlyOne;
    case 'exactlyTwo':
      return exactlyTwo;
    case 'union':
      return union;
    case 'all':
      return all;
  }
}

export function planVenn(rng: Rng, difficulty: number): VennPlan {
  const [lo, hi] = RANGES[difficulty - 1]!;
  if (difficulty <= 3) {
    const regions = [rng.int(lo, hi), rng.int(lo, hi), rng.int(lo, hi), rng.int(lo, hi)];
    const [a, b, ab, none] = regions as [number, number, number, number];
    const stated: Record<string, number> = { total: a + b + ab + none, A: a + ab, B: b + ab };
    let question: VennQuestion2;
    if (difficulty === 3) {
      stated.neither = none;
      question = rng.pick(['both', 'onlyA', 'onlyB', 'exactlyOne'] as const);
    } else {
      stated.both = ab;
      question = difficulty === 1 ? rng.pick(['onlyA', 'onlyB'] as const) : rng.pick(['onlyA', 'onlyB', 'neither', 'union', 'exactlyOne'] as const);
    }
    return { sets: 2, regions, stated, question, answer: solve2(stated, question) };
  }
  const regions = Array.from({ length: 8 }, () => rng.int(lo, hi));
  const count = (pred: (mask: number) => boolean) => regions.reduce((sum, r, mask) => (pred(mask) ? sum + r : sum), 0);
  const stated: Record<string, number> = {
    total: count(() => true),
    A: count((m) => (m & 1) !== 0),
    B: count((m) => (m & 2) !== 0),
    C: count((m) => (m & 4) !== 0),
    AB: count((m) => (m & 3) === 3),
    AC: count((m) => (m & 5) === 5),
    BC: count((m) => (m & 6) === 6),
  };
  let question: VennQuestion3;
  if (difficulty === 4) {
    stated.ABC = regions[7]!;
    question = rng.pick(['none', 'onlyA', 'exactlyOne', 'exactlyTwo', 'union'] as const);
  } else {
    stated.none = regions[0]!;
    question = rng.pick(['all', 'onlyA', 'exactlyOne', 'exactlyTwo'] as const);
  }
  return { sets: 3, regions, stated, question, answer: solve3(stated, question) };
}

export interface VennRender {
  data: Record<string, unknown>;
  truth: AnswerTruth;
  misses: string[];
}

/** Sentences and question for a Venn plan, in one of the groups of VENN_CONTEXTS. */
export function renderVenn(rng: Rng, lex: Lexicon, plan: VennPlan): VennRender {
  const ctx = rng.pick(VENN_CONTEXTS);
  const [A, B, C] = rng.sample(ctx.traits, 3) as [string, string, string];
  const s = plan.stated;
  const g = ctx.group;
  const facts: string[] = [`${s.A} of them ${A}.`, `${s.B} ${B}.`];
  let question: string;
  if (plan.sets === 2) {
    if (s.both !== undefined) facts.push(`${s.both} do both.`);
    if (s.neither !== undefined) facts.push(`${s.neither} do neither.`);
    const q: Record<VennQuestion2, string> = {
      onlyA: `How many ${g} ${A} but do not ${B}?`,
      onlyB: `How many ${g} ${B} but do not ${A}?`,
      neither: `How many ${g} neither ${A} nor ${B}?`,
      union: `How many ${g} ${A} or ${B}, or both?`,
      exactlyOne: `How many ${g} ${A} or ${B}, but not both?`,
      both: `How many ${g} ${A} and also ${B}?`,
    };
    question = q[plan.question as VennQuestion2];
  } else {
    facts.push(`${s.C} ${C}.`, `${s.AB} ${A} and also ${B}.`, `${s.AC} ${A} and also ${C}.`, `${s.BC} ${B} and also ${C}.`);
    // "12 play football and also play chess" could be read as "exactly these two"; the note fixes the reading.
    facts.push('Each of these three pair counts includes those who do all three.');
    if (s.ABC !== undefined) facts.push(`${s.ABC} do all three.`);
    if (s.none !== undefined) facts.push(`${s.none} do none of the three.`);
    const q: Record<VennQuestion3, string> = {
      none: `How many ${g} do none of the three?`,
      onlyA: `How many ${g} ${A} but neither ${B} nor ${C}?`,
      exactlyOne: `How many ${g} do exactly one of the three?`,
      exactlyTwo: `How many ${g} do exactly two of the three?`,
      union: `How many ${g} do at least one of the three?`,
      all: `How many ${g} do all three?`,
    };
    question = q[plan.question as VennQuestion3];
  }
  const answer = String(plan.answer);
  // The slips a solver makes: forgetting to subtract the overlap, or subtracting it twice.
  const overlap = plan.sets === 2 ? (s.both ?? plan.regions[2]!) : plan.regions[7]!;
  return {
    data: {
      intro: ctx.intro(s.total!, rng.pick(lex.surnames)),
      facts,
      prose: facts.join(' '),
      question,
      threeSets: plan.sets === 3,
    },
    truth: { answer, type: 'number', units: [ctx.group] },
    misses: [String(plan.answer + overlap), String(Math.abs(plan.answer - overlap)), ...numberMisses(answer)],
  };
}

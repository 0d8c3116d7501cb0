/**
 * inference.ordering: transitive orderings ("Ana is taller than Ben. Ben is taller than Cy. Who is the tallest?").
 *
 * People have a hidden strict order; the stated premises are a set of true comparisons (a chain, with edges dropped or
 * redundant ones added as difficulty grows). The premises' transitive closure decides which questions are
 * determined, and only determined questions are asked: "who is the tallest" only if one person is above every other
 * in the closure, a ranking only if every pair is comparable, and so on.
 * Difficulty: more people (3 to `maxPeople`, default 7), shuffled premises (from 2), redundant premises and partial orders (from 3),
 * distractor facts about another relation between the same people (from 4).
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import { joinWords } from '../../core/render.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import { distinctNames, lexicon, type Lexicon } from './data/lexicon.js';
import { NUMBER_WORDS, RELATIONS, type Relation } from './data/relations.js';
import { booleanMisses, keepWrong, listMisses, numberMisses, recallMisses, rememberMisses } from './near-misses.js';

export interface OrderingConfig extends BaseConfig {
  /** The number of people at difficulty 5; difficulty 1 has 3 and the sizes between are spread evenly. */
  maxPeople: number;
}

export type OrderingQuestion =
  | { kind: 'top' | 'bottom' }
  | { kind: 'nth'; k: number; fromTop: boolean }
  | { kind: 'compare'; a: number; b: number; askMore: boolean }
  | { kind: 'rank'; down: boolean }
  | { kind: 'count'; x: number; more: boolean };

export interface OrderingPlan {
  /** names[i] is the person at place i of the hidden order, counted from the top ("tallest") end. */
  names: string[];
  relation: Relation;
  /** The stated comparisons: [u, v] says names[u] is above names[v]. */
  edges: [number, number][];
  question: OrderingQuestion;
  task: 'who' | 'compare' | 'rank' | 'count';
  data: Record<string, unknown>;
  truth: AnswerTruth;
  misses: string[];
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

/**
 * The transitive closure of the edges as bitmasks: below[u] holds everyone the premises put under u, above[v] everyone
 * they put over v. Every edge goes from a smaller to a larger index (the hidden order), so one pass each way suffices.
 */
export function closure(n: number, edges: readonly [number, number][]): { below: number[]; above: number[] } {
  const below = new Array<number>(n).fill(0);
  const above = new Array<number>(n).fill(0);
  for (let u = n - 1; u >= 0; u--) {
    for (const [a, b] of edges) if (a === u) below[u]! |= (1 << b) | below[b]!;
  }
  for (let v = 0; v < n; v++) {
    for (const [a, b] of edges) if (b === v) above[v]! |= (1 << a) | above[a]!;
  }
  return { below, above };
}

function buildEdges(rng: Rng, n: number, d: number): [number, number][] {
  const edges: [number, number][] = [];
  for (let i = 0; i + 1 < n; i++) edges.push([i, i + 1]);
  const partial = d >= 3 && rng.bool(0.5);
  if (partial) {
    const drop = n <= 5 ? 1 : rng.int(1, 2);
    for (let k = 0; k < drop; k++) edges.splice(rng.int(0, edges.length - 1), 1);
  }
  // Skip edges: redundant in a full chain, sometimes informative in a partial one.
  const extra = d >= 3 ? d - 2 : 0;
  for (let k = 0, tries = 0; k < extra && tries < 20; tries++) {
    const u = rng.int(0, n - 3);
    const v = rng.int(u + 2, n - 1);
    if (edges.some(([a, b]) => a === u && b === v)) continue;
    edges.push([u, v]);
    k++;
  }
  return edges;
}

function pickQuestion(rng: Rng, n: number, d: number, edges: readonly [number, number][], below: number[], above: number[]): OrderingQuestion {
  const full = n - 1;
  const comparableToAll = (x: number) => popcount(below[x]!) + popcount(above[x]!) === full;
  const options: OrderingQuestion[] = [];
  if (below.some((m) => popcount(m) === full)) options.push({ kind: 'top' });
  if (above.some((m) => popcount(m) === full)) options.push({ kind: 'bottom' });
  if (d >= 2) {
    const nth: OrderingQuestion[] = [];
    for (let x = 0; x < n; x++) {
      if (!comparableToAll(x)) continue;
      const fromTop = popcount(above[x]!) + 1;
      const fromBottom = popcount(below[x]!) + 1;
      // Place 1 from either end is the "top"/"bottom" question.
      if (fromTop >= 2 && fromBottom >= 2) nth.push(rng.bool(0.5) ? { kind: 'nth', k: fromTop, fromTop: true } : { kind: 'nth', k: fromBottom, fromTop: false });
    }
    if (nth.length > 0) options.push(rng.pick(nth));
    if (below.every((m, x) => popcount(m) + popcount(above[x]!) === full)) options.push({ kind: 'rank', down: rng.bool(0.5) });
    const middle: number[] = [];
    for (let x = 0; x < n; x++) if (comparableToAll(x) && above[x]! !== 0 && below[x]! !== 0) middle.push(x);
    if (middle.length > 0) options.push({ kind: 'count', x: rng.pick(middle), more: rng.bool(0.5) });
  }
  // Comparisons the premises settle; mostly ones that need transitivity, not a premise read back.
  const stated = new Array<number>(n).fill(0);
  for (const [a, b] of edges) stated[a]! |= 1 << b;
  const pairs: [number, number][] = [];
  const derived: [number, number][] = [];
  for (let u = 0; u < n; u++) {
    for (let v = 0; v < n; v++) {
      if (!(below[u]! & (1 << v))) continue;
      pairs.push([u, v]);
      if (!(stated[u]! & (1 << v))) derived.push([u, v]);
    }
  }
  const [u, v] = derived.length > 0 && rng.bool(0.8) ? rng.pick(derived) : rng.pick(pairs);
  const swap = rng.bool(0.5);
  options.push({ kind: 'compare', a: swap ? v : u, b: swap ? u : v, askMore: rng.bool(0.5) });
  return rng.pick(options);
}

/** The person the premises put at place k (1-based) from the top, or -1 if they do not fix one. */
function atPlace(n: number, k: number, below: number[], above: number[]): number {
  for (let x = 0; x < n; x++) {
    if (popcount(above[x]!) === k - 1 && popcount(above[x]!) + popcount(below[x]!) === n - 1) return x;
  }
  return -1;
}

function phrase(rel: Relation, names: readonly string[], [u, v]: [number, number], asMore: boolean): string {
  return `${asMore ? rel.more(names[u]!, names[v]!) : rel.less(names[v]!, names[u]!)}.`;
}

function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** Comparisons in another relation between the same people: true in their own hidden order, irrelevant to the question. */
function distractorFacts(rng: Rng, rel: Relation, names: readonly string[], count: number): string[] {
  const other = rng.pick(RELATIONS.filter((r) => r.key !== rel.key));
  const order = rng.shuffle([...names.keys()]);
  const facts: string[] = [];
  for (let k = 0; k < count; k++) {
    const i = rng.int(0, order.length - 2);
    const j = rng.int(i + 1, order.length - 1);
    const f = phrase(other, names, [order[i]!, order[j]!], rng.bool(0.5));
    if (!facts.includes(f)) facts.push(f);
  }
  return facts;
}

/** Draws one problem; exported so that tests can check its answer against every order the premises allow. */
export function planOrdering(rng: Rng, lex: Lexicon, difficulty: number, maxPeople: number): OrderingPlan {
  const d = difficulty;
  const n = 3 + Math.round(((d - 1) * (maxPeople - 3)) / 4);
  const names = distinctNames(rng, lex, n);
  const rel = rng.pick(RELATIONS);
  const edges = buildEdges(rng, n, d);
  const { below, above } = closure(n, edges);
  const q = pickQuestion(rng, n, d, edges, below, above);

  const premises = edges.map((e) => phrase(rel, names, e, d === 1 || rng.bool(0.5)));
  const facts = d >= 4 ? [...premises, ...distractorFacts(rng, rel, names, rng.int(d - 3, d - 2))] : premises;
  const stated = d >= 2 ? rng.shuffle(facts) : facts;
  const base = {
    intro: rel.intro(capitalize(NUMBER_WORDS[n] ?? String(n))),
    people: joinWords(rng.shuffle(names)),
    facts: stated,
    prose: stated.join(' '),
  };
  const plan = { names, relation: rel, edges, question: q };
  const place = (k: number) => atPlace(n, k, below, above);
  switch (q.kind) {
    case 'top':
    case 'bottom': {
      const x = place(q.kind === 'top' ? 1 : n);
      const runnerUp = q.kind === 'top' ? x + 1 : x - 1;
      const other = q.kind === 'top' ? n - 1 : 0;
      const answer = names[x]!;
      return {
        ...plan, task: 'who', data: { ...base, question: q.kind === 'top' ? rel.top : rel.bottom },
        truth: { answer, type: 'string' },
        misses: [names[runnerUp]!, names[other]!, `${answer} or ${names[runnerUp]}`],
      };
    }
    case 'nth': {
      const x = place(q.fromTop ? q.k : n + 1 - q.k);
      const answer = names[x]!;
      return {
        ...plan, task: 'who', data: { ...base, question: q.fromTop ? rel.nthTop(q.k) : rel.nthBottom(q.k) },
        truth: { answer, type: 'string' },
        misses: [names[x - 1]!, names[x + 1]!, names[n - 1 - x]!, `${answer} or ${names[x + 1]}`],
      };
    }
    case 'compare': {
      const aAbove = (below[q.a]! & (1 << q.b)) !== 0;
      const answer = aAbove === q.askMore ? 'yes' : 'no';
      const question = q.askMore ? rel.askMore(names[q.a]!, names[q.b]!) : rel.askLess(names[q.a]!, names[q.b]!);
      return { ...plan, task: 'compare', data: { ...base, question }, truth: { answer, type: 'boolean' }, misses: booleanMisses(answer) };
    }
    case 'rank': {
      const order: string[] = [];
      for (let k = 1; k <= n; k++) order.push(names[place(k)]!);
      if (!q.down) order.reverse();
      return {
        ...plan, task: 'rank', data: { ...base, question: `List all ${NUMBER_WORDS[n] ?? n} names ${q.down ? rel.rankDown : rel.rankUp}.` },
        truth: { answer: order.join(', '), type: 'list', ordered: true },
        misses: listMisses(order),
      };
    }
    case 'count': {
      const k = popcount(q.more ? above[q.x]! : below[q.x]!);
      const answer = String(k);
      const who = names[q.x]!;
      return {
        ...plan, task: 'count', data: { ...base, question: q.more ? rel.countMore(who) : rel.countLess(who) },
        truth: { answer, type: 'number', units: ['people', 'persons'] },
        misses: [String(n - 1 - k), ...numberMisses(answer)],
      };
    }
  }
}

export const ordering: GeneratorDef<OrderingConfig, AnswerTruth> = {
  family: 'inference',
  name: 'ordering',
  version: 1,
  verifier: 'answer',
  description: 'Transitive orderings (taller, older, faster, heavier, earlier arrival): superlatives, comparisons, rankings and counts that the premises determine.',
  defaults: { difficulty: 2, maxPeople: 7 },
  validateConfig(c) {
    if (!Number.isInteger(c.maxPeople) || c.maxPeople < 3 || c.maxPeople > 12) throw new Error('inference.ordering@1: maxPeople must be an integer from 3 to 12');
    return c;
  },
  generate({ rng, faker, config, templates }): Draft<AnswerTruth> {
    const plan = planOrdering(rng, lexicon(faker), config.difficulty, config.maxPeople);
    const r = templates.render(plan.task, plan.data, rng);
    const draft: Draft<AnswerTruth> = {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: plan.truth,
      answer: plan.truth.answer,
      tags: ['ordering', plan.relation.key, plan.question.kind],
    };
    return rememberMisses(draft, plan.misses);
  },
  nearMisses(draft) {
    const t = draft.ground_truth;
    const generic =
      t.type === 'boolean' ? booleanMisses(t.answer) : t.type === 'number' ? numberMisses(t.answer) : t.type === 'list' ? listMisses(t.answer.split(', ')) : ['cannot be determined', 'nobody'];
    return keepWrong(t, [...recallMisses(draft), ...generic]);
  },
};

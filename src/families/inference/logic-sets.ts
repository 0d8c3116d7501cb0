/**
 * Membership over explicitly listed sets for inference.logic: two or three named sets of people or products, and a
 * question about a set expression (intersection, difference, union, "exactly one"): list its members, count them, or
 * say whether one person or product belongs to it.
 */
import type { Faker } from '@faker-js/faker';
import { joinWords, markdownTable } from '../../core/render.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import { distinctNames, type Lexicon } from './data/lexicon.js';
import { SET_FAMILIES, type SetFamily } from './data/logic-data.js';
import { booleanMisses, listMisses, numberMisses } from './near-misses.js';

export type SetExpr = 'and' | 'diff' | 'xor' | 'or' | 'and3' | 'andNot3' | 'orNot3' | 'one3' | 'two3' | 'or3';
export type SetAsk = 'list' | 'count' | 'member';

/** Whether an element with membership bits `m` (bit i: in set i) belongs to the expression. */
export function inExpr(expr: SetExpr, m: number): boolean {
  const a = (m & 1) !== 0;
  const b = (m & 2) !== 0;
  const c = (m & 4) !== 0;
  switch (expr) {
    case 'and':
      return a && b;
    case 'diff':
      return a && !b;
    case 'xor':
      return a !== b;
    case 'or':
      return a || b;
    case 'and3':
      return a && b && c;
    case 'andNot3':
      return a && b && !c;
    case 'orNot3':
      return (a || b) && !c;
    case 'one3':
      return Number(a) + Number(b) + Number(c) === 1;
    case 'two3':
      return Number(a) + Number(b) + Number(c) === 2;
    case 'or3':
      return a || b || c;
  }
}

export interface SetsPlan {
  family: SetFamily;
  labels: string[];
  sets: string[][];
  expr: SetExpr;
  ask: SetAsk;
  /** The element asked about (member questions only). */
  item: string | null;
  data: Record<string, unknown>;
  truth: AnswerTruth;
  misses: string[];
}

const SIZES: readonly [number, number][] = [[3, 4], [4, 5], [4, 5], [5, 7], [6, 8]];
const TWO: readonly SetExpr[] = ['and', 'diff', 'xor', 'or'];
const THREE: readonly SetExpr[] = ['and3', 'andNot3', 'orNot3', 'one3', 'two3', 'or3'];
/** Expressions whose member list is a natural question; unions and "exactly two" are asked as counts. */
const LISTABLE = new Set<SetExpr>(['and', 'diff', 'xor', 'and3', 'andNot3', 'orNot3', 'one3']);

function predicate(expr: SetExpr, f: SetFamily, l: readonly string[]): string {
  const p = f.prep;
  const c = f.collective;
  // With three sets listed, "the two clubs" would not say which two.
  const pair = l.length === 2 ? `the two ${c}` : `${l[0]} and ${l[1]}`;
  switch (expr) {
    case 'and':
      return `${p} both ${l[0]} and ${l[1]}`;
    case 'diff':
      return `${p} ${l[0]} but not ${p} ${l[1]}`;
    case 'xor':
      return `${p} exactly one of ${pair}`;
    case 'or':
      return l.length === 2 ? `${p} at least one of the two ${c}` : `${p} ${l[0]} or ${p} ${l[1]} (or both)`;
    case 'and3':
      return `${p} all three ${c}`;
    case 'andNot3':
      return `${p} both ${l[0]} and ${l[1]} but not ${p} ${l[2]}`;
    case 'orNot3':
      return `${p} ${l[0]} or ${l[1]} (or both) but not ${p} ${l[2]}`;
    case 'one3':
      return `${p} exactly one of the three ${c}`;
    case 'two3':
      return `${p} exactly two of the three ${c}`;
    case 'or3':
      return `${p} at least one of the three ${c}`;
  }
}

function productNames(faker: Faker, rng: Rng, count: number): string[] {
  const pn = faker.definitions.commerce.product_name as { adjective: string[]; product: string[] };
  const out = new Set<string>();
  while (out.size < count) out.add(`${rng.pick(pn.adjective)} ${rng.pick(pn.product)}`);
  return [...out];
}

function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

export function planSets(rng: Rng, faker: Faker, lex: Lexicon, difficulty: number): SetsPlan {
  const d = difficulty;
  const family = rng.pick(SET_FAMILIES);
  const k = d >= 3 ? 3 : 2;
  const labels = rng.sample(family.labels, k);
  const [lo, hi] = SIZES[d - 1]!;
  // A pool a little smaller than the sum of the set sizes, so that sets overlap.
  const poolSize = Math.max(hi + 1, Math.round((k * hi * 2) / 3));
  const pool = family.members === 'people' ? distinctNames(rng, lex, poolSize) : productNames(faker, rng, poolSize);
  const sets = labels.map(() => rng.sample(pool, rng.int(lo, hi)));
  // Elements in order of first appearance, with their membership bits.
  const order: string[] = [];
  const bits = new Map<string, number>();
  sets.forEach((set, i) => {
    for (const x of set) {
      if (!bits.has(x)) order.push(x);
      bits.set(x, (bits.get(x) ?? 0) | (1 << i));
    }
  });
  const members = (e: SetExpr) => order.filter((x) => inExpr(e, bits.get(x)!));

  const exprs = d === 1 ? TWO.slice(0, 2) : k === 2 ? TWO : [...THREE, ...TWO];
  let expr = rng.pick(exprs);
  let ask: SetAsk = rng.pick(LISTABLE.has(expr) ? ['list', 'list', 'count', 'member'] : ['count', 'member']);
  if (d === 1 && ask === 'count') ask = 'list';
  // An empty list is a poor question; look for an expression with members before settling for a count.
  for (let tries = 0; ask === 'list' && members(expr).length === 0 && tries < 8; tries++) expr = rng.pick(exprs.filter((e) => LISTABLE.has(e)));
  if (ask === 'list' && members(expr).length === 0) ask = 'count';

  const result = members(expr);
  const pred = predicate(expr, family, labels);
  const noun = family.members === 'people' ? 'people' : 'products';
  let question: string;
  let truth: AnswerTruth;
  let misses: string[];
  let item: string | null = null;
  if (ask === 'list') {
    question = `${family.members === 'people' ? 'Who is' : 'Which products are'} ${pred}?`;
    truth = { answer: result.join(', '), type: 'list', ordered: false };
    const outside = order.filter((x) => !result.includes(x));
    // Unordered: a reordering is still right, so the misses drop a member or add an outsider.
    misses = [...listMisses(result).slice(1, 3), ...outside.slice(0, 2).map((x) => [...result, x].join(', '))];
    if (outside.length > 0) misses.push(outside[0]!);
    misses.push(order.join(', '), 'none');
  } else if (ask === 'count') {
    question = `How many different ${noun} are ${pred}?`;
    const answer = String(result.length);
    truth = { answer, type: 'number', units: [noun] };
    misses = [String(order.length), ...numberMisses(answer)];
  } else {
    const yes = result.length > 0 && rng.bool(0.5);
    const pickFrom = yes ? result : order.filter((x) => !result.includes(x));
    item = rng.pick(pickFrom.length > 0 ? pickFrom : order);
    const answer = result.includes(item) ? 'yes' : 'no';
    question = `Is ${family.members === 'products' ? 'the ' : ''}${item} ${pred}?`;
    truth = { answer, type: 'boolean' };
    misses = booleanMisses(answer);
  }
  const shown = labels.map((label, i) => ({ title: capitalize(label), list: joinWords(sets[i]!), comma: sets[i]!.join(', ') }));
  const data = {
    sets: shown,
    table: markdownTable([family.column, capitalize(family.members === 'people' ? 'members' : 'products')], shown.map((s) => [s.title.replace(/^The /, ''), s.comma])),
    memberNoun: family.members === 'people' ? 'members' : 'products',
    question,
    isList: ask === 'list',
    isCount: ask === 'count',
    noun,
  };
  return { family, labels, sets, expr, ask, item, data, truth, misses };
}

/**
 * inference.sorting: sorting and ranking named things (students by score, products by price, towns by population,
 * runners by time, parcels by weight): a full ascending or descending order, alphabetical order by code unit on
 * plain ASCII names, the k-th largest or smallest, the rank of one item, the top k. Values are distinct, so no
 * order has ties. Difficulty: 4 to 12 items, values squeezed into a narrower band, names sharing their first
 * letter (alphabetical order at 4 and 5), values shown as distractors in alphabetical tasks (from 3), and at 5 a
 * list that mixes units (grams and kilograms, seconds and minutes).
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import { joinWords, markdownTable, ordinal } from '../../core/render.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import { SORT_KINDS, type SortKind } from './data/sort-kinds.js';
import { distinct, plainPool, plainWithInitial } from '../shared/entities.js';

export interface SortingConfig extends BaseConfig {
  /** Upper bound on the number of items (difficulty asks for 4 to 12). */
  maxItems: number;
}

export type SortTask = 'sort-values' | 'sort-alpha' | 'kth' | 'rank' | 'top-k';
const TASKS: readonly SortTask[] = ['sort-values', 'sort-alpha', 'kth', 'rank', 'top-k'];
const COUNTS = [4, 5, 7, 9, 12];
/** Fraction of a kind's value range the values are drawn from: closer values are harder to order. */
const SPREAD = [1, 1, 0.4, 0.2, 0.1];

export const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface SortItems {
  kind: SortKind;
  names: string[];
  /** Scaled integers, distinct. */
  values: number[];
  /** Per item: whether its value is shown in the kind's second unit. */
  alt: boolean[];
}

function distinctValues(rng: Rng, n: number, kind: SortKind, difficulty: number): number[] {
  const span = kind.hi - kind.lo;
  const width = Math.min(span, Math.max(3 * n, Math.round(span * SPREAD[difficulty - 1]!)));
  const lo = rng.int(kind.lo, kind.hi - width);
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < n) {
    const v = rng.int(lo, lo + width);
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

function drawNames(rng: Rng, faker: Parameters<SortKind['name']>[0], kind: SortKind, n: number, alpha: boolean, difficulty: number): string[] {
  if (alpha && kind.pool && difficulty >= 4) {
    // Same first letter: the order is decided by the second letter or later.
    const all = plainPool(faker, kind.pool);
    for (let t = 0; t < 5; t++) {
      const group = plainWithInitial(faker, kind.pool, rng.pick(all)[0]!);
      if (group.length >= 2 * n) return rng.sample(group, n);
    }
  }
  const names = distinct(n, () => kind.name(faker));
  for (let i = names.length; i < n; i++) names.push(`${kind.entity} ${String.fromCharCode(65 + i)}`);
  return names;
}

export function drawItems(rng: Rng, faker: Parameters<SortKind['name']>[0], task: SortTask, difficulty: number, maxItems: number): SortItems {
  const alpha = task === 'sort-alpha';
  const kinds = alpha ? SORT_KINDS.filter((k) => k.pool) : SORT_KINDS;
  const kind = rng.pick(kinds);
  const n = Math.min(maxItems, COUNTS[difficulty - 1]!);
  const names = drawNames(rng, faker, kind, n, alpha, difficulty);
  const values = distinctValues(rng, n, kind, difficulty);
  const alt = values.map((v) => difficulty === 5 && kind.showAlt !== undefined && rng.bool(0.4) && (kind.id !== 'runners' || v >= 600));
  return { kind, names, values, alt };
}

/** Item indices from the highest value to the lowest. */
export function descending(items: SortItems): number[] {
  return items.names.map((_, i) => i).sort((a, b) => items.values[b]! - items.values[a]!);
}

export interface SortQuestion {
  task: SortTask;
  /** Largest first (true) or smallest first. */
  desc: boolean;
  k: number;
  target: number;
}

export function solveSorting(items: SortItems, qn: SortQuestion): { answer: string; type: 'list' | 'string' | 'number' } {
  if (qn.task === 'sort-alpha') {
    const sorted = [...items.names].sort(byCodeUnit);
    return { answer: (qn.desc ? sorted.reverse() : sorted).join(', '), type: 'list' };
  }
  const order = descending(items);
  if (!qn.desc) order.reverse();
  switch (qn.task) {
    case 'sort-values':
      return { answer: order.map((i) => items.names[i]!).join(', '), type: 'list' };
    case 'top-k':
      return { answer: order.slice(0, qn.k).map((i) => items.names[i]!).join(', '), type: 'list' };
    case 'kth':
      return { answer: items.names[order[qn.k - 1]!]!, type: 'string' };
    default:
      return { answer: String(order.indexOf(qn.target) + 1), type: 'number' };
  }
}

function drawQuestion(rng: Rng, task: SortTask, n: number, difficulty: number): SortQuestion {
  const desc = rng.bool(0.5);
  // From difficulty 3 on, k avoids the ends, where the answer is a plain maximum or minimum.
  const k = task === 'top-k' ? rng.int(2, Math.min(4, n - 1)) : difficulty >= 3 ? rng.int(2, n - 1) : rng.int(1, Math.min(3, n));
  return { task, desc, k, target: rng.int(0, n - 1) };
}

/** The task, the items and the question: the first draws of an item. */
export function drawSortProblem(rng: Rng, faker: Parameters<SortKind['name']>[0], difficulty: number, maxItems: number) {
  const task = rng.pick(TASKS);
  const items = drawItems(rng, faker, task, difficulty, maxItems);
  return { task, items, question: drawQuestion(rng, task, items.names.length, difficulty) };
}

export const sorting: GeneratorDef<SortingConfig, AnswerTruth> = {
  family: 'inference',
  name: 'sorting',
  version: 1,
  verifier: 'answer',
  description: 'Sorting and ranking named items by a value or alphabetically; k-th, rank and top-k questions.',
  defaults: { difficulty: 2, maxItems: 12 },
  validateConfig(c) {
    if (!Number.isInteger(c.maxItems) || c.maxItems < 4 || c.maxItems > 26) throw new Error('inference.sorting@1: maxItems must be an integer from 4 to 26');
    return c;
  },
  generate({ rng, faker, config, templates }): Draft<AnswerTruth> {
    const { task, items, question: qn } = drawSortProblem(rng, faker, config.difficulty, config.maxItems);
    const sol = solveSorting(items, qn);
    const k = items.kind;
    // Alphabetical tasks show values only from difficulty 3, as distractors.
    const withValues = task !== 'sort-alpha' || config.difficulty >= 3;
    const shown = items.values.map((v, i) => (items.alt[i] ? k.showAlt!(v) : k.show(v)));
    const lines = items.names.map((name, i) => (withValues ? `${name}: ${shown[i]}` : name));
    const [first, last] = qn.desc ? [k.high, k.low] : [k.low, k.high];
    const data = {
      intro: k.intro(faker),
      // Each phrasing shows one layout; handlebars builds only the one it prints.
      listing: () => lines.map((l) => `- ${l}`).join('\n'),
      inline: () => joinWords(items.names.map((name, i) => (withValues ? `${name} (${shown[i]})` : name))),
      table: () =>
        withValues
          ? markdownTable([k.nameHeader, capitalizeWord(k.noun)], items.names.map((name, i) => [name, shown[i]]))
          : markdownTable([k.nameHeader], items.names.map((name) => [name])),
      entity: k.entity,
      entities: k.entities,
      nameHeader: k.nameHeader,
      noun: k.noun,
      nouns: k.nouns,
      first,
      order: `from the ${first} ${k.noun} to the ${last}`,
      alphaOrder: qn.desc ? 'reverse alphabetical order (Z to A)' : 'alphabetical order (A to Z)',
      k: qn.k,
      kthText: qn.k === 1 ? first : `${ordinal(qn.k)} ${first}`,
      target: items.names[qn.target],
    };
    const r = templates.render(task, data, rng);
    const truth: AnswerTruth =
      sol.type === 'list' ? { answer: sol.answer, type: 'list', ordered: true } : sol.type === 'number' ? { answer: sol.answer, type: 'number' } : { answer: sol.answer, type: 'string' };
    return {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: truth,
      answer: truth.answer,
      tags: ['sorting', task, k.id],
    };
  },
  nearMisses(draft, rng) {
    const t = draft.ground_truth;
    if (t.type === 'list') return listMisses(t.answer.split(', '), rng);
    if (t.type === 'number') {
      const v = Number(t.answer);
      return [String(v + 1), String(v > 1 ? v - 1 : v + 2), `${v} or ${v + 1}`];
    }
    const others = itemNames(draft.messages[draft.messages.length - 1]!.content).filter((n) => n !== t.answer);
    const picks = rng.sample(others, Math.min(3, others.length));
    return [...picks, `${t.answer} or ${picks[0] ?? 'neither'}`];
  },
};

function capitalizeWord(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** Wrong orders: one adjacent pair swapped, the reverse, the last or the first element dropped, the first moved to the end. */
export function listMisses(list: readonly string[], rng: Rng): string[] {
  const out = new Set<string>();
  const right = list.join(', ');
  const i = rng.int(0, list.length - 2);
  const swapped = [...list];
  [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
  for (const cand of [swapped, [...list].reverse(), list.slice(0, -1), list.slice(1), [...list.slice(1), list[0]!]]) {
    const s = cand.join(', ');
    if (s !== right) out.add(s);
  }
  return [...out];
}

/** Item names in a prompt's bullet list ("- Name: value"), table ("| Name | value |") or inline list ("Name (value)"). */
export function itemNames(prompt: string): string[] {
  const out = new Set<string>();
  for (const line of prompt.split('\n')) {
    if (line.startsWith('- ') && line.includes(': ')) out.add(line.slice(2, line.indexOf(': ')));
    else if (line.startsWith('| ') && !line.startsWith('| ---')) out.add(line.slice(2, line.indexOf(' |')));
  }
  for (const m of prompt.matchAll(INLINE_ITEM)) out.add(m[1]!);
  for (const k of SORT_KINDS) out.delete(k.nameHeader);
  return [...out];
}

// A name after ": ", ", " or " and ", directly followed by its parenthesised value (a number or a price); only run
// on our own prompts.
const INLINE_ITEM = /(?:: |, | and )([^,():\n]+?) \([\d$]/g;

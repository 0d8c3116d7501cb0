/** Small pieces the constraints' `sample` and `describe` members share. */
import type { Rng } from '../../core/rng.js';
import type { Relation } from './constraints/types.js';

/** An integer from `lo` up to a bound that grows with difficulty (1 → about a fifth of the range, 5 → `hi`). */
export function scaled(rng: Rng, difficulty: number, lo: number, hi: number): number {
  const d = Math.min(5, Math.max(1, difficulty));
  return rng.int(lo, lo + Math.round(((hi - lo) * d) / 5));
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[], quote = ''): string {
  const q = items.map((w) => `${quote}${w}${quote}`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** "1 time", "3 times". */
export function times(n: number): string {
  return n === 1 ? '1 time' : `${n} times`;
}

/** "less than 3", "at least 3", or the other phrasings of the same relation. */
export function relationText(rng: Rng, relation: Relation, n: number): string {
  if (relation === 'less than') return rng.pick([`less than ${n}`, `fewer than ${n}`]);
  return rng.pick([`at least ${n}`, `${n} or more`]);
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Near misses shared by the strings, ordering, logic and extract generators: wrong responses that look right.
 *
 * The most plausible wrong answers come from the problem itself (the runner-up of an ordering, the word next to the
 * asked one), but `nearMisses` receives only the draft, whose ground truth holds nothing beyond what the verifier needs.
 * So `generate` keeps them on the draft (`Draft.misses`, which is never written), and `nearMisses` adds answer-derived
 * misses (off by one, a dropped list element, a hedge) so that a draft rebuilt from JSON still gets some.
 */
import type { Draft } from '../../core/generator.js';
import type { AnswerTruth } from './answer-truth.js';

/** Keeps the problem-derived wrong answers on `draft` and returns it. */
export function rememberMisses(draft: Draft<AnswerTruth>, misses: readonly string[]): Draft<AnswerTruth> {
  draft.misses = misses;
  return draft;
}

export function recallMisses(draft: Draft<AnswerTruth>): readonly string[] {
  return draft.misses ?? [];
}

const CURRENCY = /[$€£,]/g;

/** A comparison key: two responses with the same key are the same answer for the verifier (a conservative subset). */
function key(truth: AnswerTruth, s: string): string {
  let t = s.trim().replace(/\s+/g, ' ');
  if (!truth.case_sensitive) t = t.toLowerCase();
  switch (truth.type) {
    case 'number': {
      const n = Number(t.replace(CURRENCY, ''));
      return Number.isFinite(n) ? `n:${n}` : t;
    }
    case 'boolean':
      if (t === 'yes' || t === 'true') return 'b:yes';
      if (t === 'no' || t === 'false') return 'b:no';
      return t;
    case 'list': {
      const items = t.split(',').map((x) => x.trim());
      if (truth.ordered === false) items.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `l:${items.join('|')}`;
    }
    default:
      return t;
  }
}

/**
 * The candidates that are really wrong (not the answer or an alias in another case or format), without repeats,
 * at most `max`.
 */
export function keepWrong(truth: AnswerTruth, candidates: readonly string[], max = 6): string[] {
  const right = new Set([truth.answer, ...(truth.aliases ?? [])].map((a) => key(truth, a)));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of candidates) {
    if (out.length >= max) break;
    if (c.trim() === '') continue;
    const k = key(truth, c);
    if (right.has(k) || seen.has(k)) continue;
    // A number within tolerance is the answer, not a miss.
    if (truth.type === 'number' && k.startsWith('n:')) {
      const v = Number(k.slice(2));
      if (Math.abs(v - Number(truth.answer)) <= (truth.tolerance ?? 1e-9)) continue;
    }
    seen.add(k);
    out.push(c);
  }
  return out;
}

/** Off by one (or one cent), ten times too large, and a hedge between the answer and its neighbour. */
export function numberMisses(answer: string): string[] {
  const v = Number(answer);
  const decimals = answer.includes('.') ? answer.length - answer.indexOf('.') - 1 : 0;
  const step = decimals > 0 ? 10 ** -decimals : 1;
  const fmt = (x: number) => x.toFixed(decimals);
  return [fmt(v + step), fmt(v - step), fmt(v * 10), `${fmt(v)} or ${fmt(v + step)}`];
}

/** A swapped neighbouring pair, the last element dropped, the first one dropped, and the order reversed. */
export function listMisses(items: readonly string[]): string[] {
  const out: string[] = [];
  if (items.length >= 2) {
    const swapped = items.slice();
    const i = items.length - 2;
    swapped[i] = items[i + 1]!;
    swapped[i + 1] = items[i]!;
    out.push(swapped.join(', '));
    out.push(items.slice(0, -1).join(', '));
    out.push(items.slice(1).join(', '));
    out.push(items.slice().reverse().join(', '));
  }
  return out;
}

/** The opposite answer, "cannot be determined" and a hedge. */
export function booleanMisses(answer: string): string[] {
  const other = answer === 'yes' ? 'no' : 'yes';
  return [other, 'cannot be determined', `${answer} or ${other}`];
}

/** Character-level slips: the last letter dropped, a neighbouring pair swapped, a letter doubled. */
export function spellingMisses(answer: string): string[] {
  const out: string[] = [];
  if (answer.length >= 2) out.push(answer.slice(0, -1));
  for (let i = 0; i + 1 < answer.length; i++) {
    if (answer[i] !== answer[i + 1]) {
      out.push(answer.slice(0, i) + answer[i + 1] + answer[i] + answer.slice(i + 2));
      break;
    }
  }
  out.push(answer + answer.slice(-1));
  return out;
}

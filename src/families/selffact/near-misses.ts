/**
 * Wrong answers that look right, for every selffact truth kind. The most telling ones come from the item itself
 * (the word next to the asked one, another participant's name); `generate` remembers those per draft, and the
 * kind-based misses below cover a draft rebuilt from JSON.
 */
import type { Draft } from '../../core/generator.js';
import type { Rng } from '../../core/rng.js';
import { grouped, trimFixed } from './common.js';
import type { SelffactTruth } from './truth.js';

/**
 * The misses ride on the draft under a symbol key: JSON and the item built from the draft never see it, and it
 * costs less than a WeakMap entry per item.
 */
const MISSES = Symbol('selffact near misses');
type WithMisses = { [MISSES]?: readonly string[] };

export function rememberMisses<G>(draft: Draft<G>, misses: readonly string[]): Draft<G> {
  (draft as Draft<G> & WithMisses)[MISSES] = misses;
  return draft;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(m: number): string {
  return MONTH_NAMES[m - 1]!;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? grouped(x) : trimFixed(x, 3);
}

function numberMisses(t: Extract<SelffactTruth, { kind: 'number' }>): string[] {
  const v = t.value;
  const tol = Math.max(t.tolerance ?? 0, (t.rel_tolerance ?? 0) * Math.abs(v));
  const out: string[] = [];
  if (tol === 0) {
    const step = Number.isInteger(v) ? 1 : 0.1;
    out.push(fmt(v + step), fmt(v - step), `about ${fmt(v)}`, `${fmt(v)} or ${fmt(v + step)}`);
  } else {
    // Just outside the declared tolerance, both ways.
    out.push(fmt(Math.round(v + 2 * tol + 1)), fmt(Math.max(0, Math.round(v - 2 * tol - 1))));
  }
  out.push(fmt(v * 10), `It is not ${fmt(v)}.`);
  return out.filter((s) => s !== fmt(v));
}

function dateMisses(t: Extract<SelffactTruth, { kind: 'date' }>): string[] {
  const [y, m, d] = t.value.split('-').map(Number) as [number, number, number | undefined];
  const next = m === 12 ? 1 : m + 1;
  const out = [`${monthName(next)} ${m === 12 ? y + 1 : y}`, `${monthName(m)} ${y - 1}`];
  if (d !== undefined) {
    const day = d === 28 ? 27 : d + 1;
    out.push(`${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, `${monthName(m)} ${day}, ${y}`);
  }
  return out;
}

/** Kind-based wrong answers, with the item's own remembered ones first. */
export function nearMissesFor(draft: Draft<SelffactTruth>, rng: Rng): string[] {
  const t = draft.ground_truth;
  const own = (draft as Draft<SelffactTruth> & WithMisses)[MISSES] ?? [];
  let kind: string[];
  switch (t.kind) {
    case 'number':
      kind = numberMisses(t);
      break;
    case 'boolean':
      kind = [t.value ? 'No.' : 'Yes.', t.value ? 'No, not at all.' : 'Yes, that is right.', 'Yes and no.'];
      break;
    case 'text':
      kind = [...(t.reject ?? []).slice(0, 2), `Not ${t.accept[0]}.`, 'I cannot say.'];
      break;
    case 'choice': {
      const others = Object.keys(t.options).filter((l) => l !== t.correct);
      kind = [rng.pick(others), `${t.correct} or ${others[0]}`, `(${others[others.length - 1]})`];
      break;
    }
    case 'date':
      kind = dateMisses(t);
      break;
    case 'word':
      kind = [`${t.value}s`, `not ${t.value}`];
      break;
    case 'list':
      kind = t.items.length > 0 ? [t.items.slice(1).join(', ') || 'None.', `${t.items.join(', ')}, ${(t.reject ?? ['web_search'])[0]}`, 'None.'] : [(t.reject ?? ['web_search']).slice(0, 2).join(', ')];
      break;
    case 'undetermined':
      kind = [`The ${t.setting} is 0.7.`, '1.0', `The context does not state the ${t.setting}, but it is probably 0.7.`, `It is likely the default ${t.setting}.`];
      break;
  }
  return [...own, ...kind].filter((s) => s !== draft.answer);
}

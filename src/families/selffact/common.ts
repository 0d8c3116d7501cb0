/** Helpers the selffact generators share: the profile from the context, number formatting, name lists. */
import type { BaseConfig, GenerateContext } from '../../core/generator.js';
import type { Profile } from '../../profiles/types.js';

/**
 * The run's profile. The lead adds `profile` to GenerateContext; until then it is read through this one cast, so
 * the change is one line here.
 */
export function profileOf<C extends BaseConfig>(ctx: GenerateContext<C>): Profile | null {
  return ctx.profile;
}

/** "8,030,261,248": thousands grouped with commas, no locale. */
export function grouped(n: number): string {
  const neg = n < 0;
  const [int, frac] = String(Math.abs(n)).split('.') as [string, string | undefined];
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ',';
    out += int[i];
  }
  return `${neg ? '-' : ''}${out}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Trailing zeros of a fixed rendering removed: 8.00 → "8", 7.60 → "7.6". */
export function trimFixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** "8.03 billion", "1.7 billion", "15 trillion", "131 thousand": a large count in words, two decimals at most. */
export function scaled(n: number): string {
  if (n >= 1e12) return `${trimFixed(n / 1e12, 2)} trillion`;
  if (n >= 1e9) return `${trimFixed(n / 1e9, 2)} billion`;
  if (n >= 1e6) return `${trimFixed(n / 1e6, 2)} million`;
  return grouped(n);
}

const namesOf = new WeakMap<Profile, readonly string[]>();

/**
 * Every name a profile answers to (display name and aliases), for the verifier to skip their digits. Computed once
 * per profile object; each call returns a fresh array, since it becomes part of an item's truth.
 */
export function profileNames(p: Profile | null): string[] {
  if (!p) return [];
  let names = namesOf.get(p);
  if (!names) {
    names = collectNames(p);
    namesOf.set(p, names);
  }
  return names.slice();
}

function collectNames(p: Profile): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s !== undefined && !out.includes(s)) out.push(s);
  };
  add(p.identity.display_name?.value);
  const a = p.identity.aliases?.value;
  for (const s of a?.version ?? []) add(s);
  for (const s of a?.class ?? []) add(s);
  for (const s of a?.family ?? []) add(s);
  // Longest first, so "Llama 3.1 8B Instruct" goes before "Llama 3.1" leaves a stray "8B".
  return out.sort((x, y) => y.length - x.length || (x < y ? -1 : x > y ? 1 : 0));
}

export const LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

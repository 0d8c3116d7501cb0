/**
 * Exact conversion factors and the definitions a prompt must state, derived once from the unit tables in
 * data/units.ts. Temperatures are affine, so they have their own conversion.
 */
import { COMPOUND_UNITS, SIMPLE_UNITS, type CompoundUnit, type SimpleUnit } from '../data/units.js';
import { add, dec, div, mul, q, sub, type Q } from './exact.js';

export const SIMPLE = new Map<string, SimpleUnit>(SIMPLE_UNITS.map((x) => [x.id, x]));
export const COMPOUND = new Map<string, CompoundUnit>(COMPOUND_UNITS.map((x) => [x.id, x]));

function simple(id: string): SimpleUnit {
  const unit = SIMPLE.get(id);
  if (!unit) throw new Error(`unknown unit '${id}'`);
  return unit;
}

/** The chain from a unit up to its dimension's root, the unit itself first. */
function chain(id: string): SimpleUnit[] {
  const out: SimpleUnit[] = [];
  for (let x: SimpleUnit | undefined = simple(id); x; x = x.parent ? simple(x.parent) : undefined) out.push(x);
  return out;
}

const factorCache = new Map<string, Q>();

/** How many root units one `id` is, exactly (simple or compound). */
export function factor(id: string): Q {
  const hit = factorCache.get(id);
  if (hit) return hit;
  let f: Q;
  const comp = COMPOUND.get(id);
  if (comp) {
    f = div(factor(comp.num), factor(comp.den));
  } else {
    f = q(1);
    for (const x of chain(id)) if (x.per) f = mul(f, dec(x.per));
  }
  factorCache.set(id, f);
  return f;
}

/** `value` in unit `from`, expressed in unit `to` (same dimension or kind). */
export function convert(value: Q, from: string, to: string): Q {
  return div(mul(value, factor(from)), factor(to));
}

/** The stated definitions on the path between two simple units of one dimension, in path order. */
export function hintsBetween(a: string, b: string): string[] {
  const ca = chain(a);
  const cb = chain(b);
  const inB = new Set(cb.map((x) => x.id));
  const out: string[] = [];
  let lca = '';
  for (const x of ca) {
    if (inB.has(x.id)) {
      lca = x.id;
      break;
    }
    if (x.hint) out.push(x.hint);
  }
  const fromB: string[] = [];
  for (const x of cb) {
    if (x.id === lca) break;
    if (x.hint) fromB.push(x.hint);
  }
  return out.concat(fromB.reverse());
}

const hintCache = new Map<string, readonly string[]>();

/** Definitions for a conversion between any two units of one kind, simple or compound, without repeats (cached). */
export function hintsFor(from: string, to: string): readonly string[] {
  const key = `${from}>${to}`;
  let out = hintCache.get(key);
  if (!out) {
    const a = COMPOUND.get(from);
    const b = COMPOUND.get(to);
    const raw = a && b ? [...hintsBetween(a.num, b.num), ...hintsBetween(a.den, b.den)] : hintsBetween(from, to);
    out = [...new Set(raw)];
    hintCache.set(key, out);
  }
  return out;
}

export interface Named {
  symbol: string;
  singular: string;
  plural: string;
  alt: readonly string[];
}

export function named(id: string): Named {
  return COMPOUND.get(id) ?? simple(id);
}

const unitFormCache = new Map<string, readonly string[]>();

/** The forms of a unit a numeric answer may carry: symbol, names and other spellings (a fresh array). */
export function answerUnits(id: string): string[] {
  let forms = unitFormCache.get(id);
  if (!forms) {
    const x = named(id);
    forms = [...new Set([x.symbol, x.plural, x.singular, ...x.alt])];
    unitFormCache.set(id, forms);
  }
  return [...forms];
}

/** "12.5 km", "12.5 kilometers", "1 mile"; unit prices read "$3.20 per pound" or "$3.20/lb". */
export function quantityText(valueText: string, id: string, useSymbol: boolean): string {
  const comp = COMPOUND.get(id);
  if (comp && comp.num === 'usd') {
    const den = simple(comp.den);
    return useSymbol ? `$${valueText}/${den.symbol}` : `$${valueText} per ${den.singular}`;
  }
  const x = named(id);
  // A symbol that is a word ("cup") still takes a plural.
  if (useSymbol && x.symbol !== x.singular) return `${valueText} ${x.symbol}`;
  return `${valueText} ${valueText === '1' ? x.singular : x.plural}`;
}

// Temperatures: conversions through degrees Celsius.
export type TempUnit = 'C' | 'F' | 'K';
export const TEMP_NAMES: Record<TempUnit, Named> = {
  C: { symbol: '°C', singular: 'degree Celsius', plural: 'degrees Celsius', alt: ['° C', 'C', 'Celsius', 'degrees C', 'deg C'] },
  F: { symbol: '°F', singular: 'degree Fahrenheit', plural: 'degrees Fahrenheit', alt: ['° F', 'F', 'Fahrenheit', 'degrees F', 'deg F'] },
  K: { symbol: 'K', singular: 'kelvin', plural: 'kelvins', alt: ['kelvin', 'Kelvin', 'degrees Kelvin'] },
};
export const TEMP_HINTS: Record<TempUnit, string> = {
  C: '',
  F: '°F = °C × 9/5 + 32',
  K: 'K = °C + 273.15',
};

const NINE_FIFTHS = q(9, 5);
const ABS_ZERO = dec('273.15');

export function toCelsius(v: Q, from: TempUnit): Q {
  if (from === 'C') return v;
  if (from === 'K') return sub(v, ABS_ZERO);
  return div(sub(v, q(32)), NINE_FIFTHS);
}

export function fromCelsius(c: Q, to: TempUnit): Q {
  if (to === 'C') return c;
  if (to === 'K') return add(c, ABS_ZERO);
  return add(mul(c, NINE_FIFTHS), q(32));
}

export function tempAnswerUnits(t: TempUnit): string[] {
  const x = TEMP_NAMES[t];
  return [x.symbol, x.plural, x.singular, ...x.alt];
}

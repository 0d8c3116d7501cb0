/**
 * The problems of inference.units as plain inputs (amounts with unit ids) plus their exact solution, before any
 * wording; a test recomputes each solution from the inputs with its own factor table.
 */
import type { Rng } from '../../../core/rng.js';
import { SIMPLE_UNITS, COMPOUND_UNITS } from '../data/units.js';
import * as X from './exact.js';
import * as U from './unit-math.js';

/** A value as the prompt writes it, and its unit: a simple or compound unit id, or C / F / K. */
export interface Amount {
  value: string;
  unit: string;
}

export type MultiKind = 'travel' | 'download' | 'cost' | 'fuel';

export type UnitInputs =
  | { kind: 'convert'; from: Amount; to: string }
  | { kind: 'temperature'; from: Amount; to: U.TempUnit; band: TempBand }
  | { kind: 'total'; parts: Amount[]; to: string }
  /** travel: distance / speed → time; download: size / rate → time; cost: price × amount → dollars; fuel: distance / economy → volume. */
  | { kind: MultiKind; a: Amount; b: Amount; to: string };

export type TempBand = 'weather' | 'lab' | 'oven';

const qOf = (a: Amount): X.Q => X.dec(a.value);

/** The exact answer of a problem. */
export function solveUnits(p: UnitInputs): X.Q {
  switch (p.kind) {
    case 'convert':
      return U.convert(qOf(p.from), p.from.unit, p.to);
    case 'temperature':
      return U.fromCelsius(U.toCelsius(qOf(p.from), p.from.unit as U.TempUnit), p.to);
    case 'total':
      return p.parts.reduce((s, a) => X.add(s, U.convert(qOf(a), a.unit, p.to)), X.q(0));
    case 'travel':
    case 'download': {
      // Root units: metres / (metres per second) and bytes / (bytes per second) are both seconds.
      const seconds = X.div(X.mul(qOf(p.a), U.factor(p.a.unit)), X.mul(qOf(p.b), U.factor(p.b.unit)));
      return X.div(seconds, U.factor(p.to));
    }
    case 'cost':
      // Dollars per kilogram times kilograms.
      return X.mul(X.mul(qOf(p.a), U.factor(p.a.unit)), X.mul(qOf(p.b), U.factor(p.b.unit)));
    case 'fuel': {
      const litres = X.div(X.mul(qOf(p.a), U.factor(p.a.unit)), X.mul(qOf(p.b), U.factor(p.b.unit)));
      return X.div(litres, U.factor(p.to));
    }
  }
}

/** Definitions the prompt states so that the exact answer follows from them. */
export function hintsOf(p: UnitInputs): readonly string[] {
  switch (p.kind) {
    case 'convert':
      return U.hintsFor(p.from.unit, p.to);
    case 'temperature':
      return [U.TEMP_HINTS[p.from.unit as U.TempUnit], U.TEMP_HINTS[p.to]].filter((h) => h !== '');
    case 'total':
      return [...new Set(p.parts.flatMap((a) => U.hintsBetween(a.unit, p.to)))];
    case 'travel':
    case 'download': {
      const rate = U.COMPOUND.get(p.b.unit)!;
      return [...new Set([...U.hintsBetween(p.a.unit, rate.num), ...U.hintsBetween(rate.den, p.to)])];
    }
    case 'cost':
      return U.hintsBetween(U.COMPOUND.get(p.a.unit)!.den, p.b.unit);
    case 'fuel': {
      const econ = U.COMPOUND.get(p.b.unit)!;
      return [...new Set([...U.hintsBetween(p.a.unit, econ.num), ...U.hintsBetween(econ.den, p.to)])];
    }
  }
}

type Pair = readonly [string, string];

const ratio = (from: string, to: string) => X.toNumber(U.factor(from)) / X.toNumber(U.factor(to));

/** Results outside this band read badly ("0.00002 km", "2,000,000 mg"). */
const READABLE: readonly [number, number] = [0.05, 200_000];

const rangeCache = new Map<string, [number, number]>();

/** The part of `from`'s typical range whose conversions to `to` are readable; empty when lo > hi. */
export function readableRange(from: string, to: string): [number, number] {
  const key = `${from}>${to}`;
  let out = rangeCache.get(key);
  if (!out) {
    const r = ratio(from, to);
    const [lo, hi] = rangeOf(from);
    out = [Math.max(lo, READABLE[0] / r), Math.min(hi, READABLE[1] / r)];
    rangeCache.set(key, out);
  }
  return out;
}

/** Whether typical values of `from` can convert to readable numbers of `to` (no millimetres to miles). */
function readable(from: string, to: string): boolean {
  const [lo, hi] = readableRange(from, to);
  // At least a factor of two of room, so that the drawn values still vary.
  return hi >= 2 * lo;
}

/** Both directions of each pair, keeping those whose typical values convert readably. */
const readablePairs = (pairs: readonly Pair[]): Pair[] =>
  pairs.flatMap(([a, b]) => [[a, b] as Pair, [b, a] as Pair]).filter(([a, b]) => readable(a, b));

/** Difficulty 1: one system, familiar factors. */
export const EASY_PAIRS: readonly Pair[] = readablePairs([
  ['m', 'cm'], ['cm', 'mm'], ['km', 'm'], ['kg', 'g'], ['g', 'mg'], ['t', 'kg'], ['L', 'mL'], ['min', 's'], ['h', 'min'],
  ['day', 'h'], ['week', 'day'], ['ft', 'in'], ['yd', 'ft'], ['lb', 'oz'], ['gal', 'qt'], ['GB', 'MB'], ['MB', 'kB'], ['TB', 'GB'],
]);

/** Difficulty 2: between metric and US customary units, or decimal and binary data sizes. */
export const CROSS_PAIRS: readonly Pair[] = readablePairs([
  ['in', 'cm'], ['ft', 'm'], ['mi', 'km'], ['yd', 'm'], ['lb', 'kg'], ['oz', 'g'], ['gal', 'L'], ['floz', 'mL'], ['cup', 'mL'],
  ['qt', 'L'], ['GiB', 'MiB'], ['MiB', 'KiB'],
]);

/** Difficulty 3: any two simple units of one dimension whose typical values convert readably. */
export const ANY_PAIRS: readonly Pair[] = SIMPLE_UNITS.flatMap((a) =>
  SIMPLE_UNITS.filter((b) => b.id !== a.id && b.dim === a.dim && a.range && b.range && readable(a.id, b.id)).map(
    (b) => [a.id, b.id] as Pair,
  ),
);

/** Compound pairs of one kind (speed at difficulty 3; data rates, unit prices and fuel economy from 4). */
export const COMPOUND_PAIRS: Readonly<Record<string, readonly Pair[]>> = Object.fromEntries(
  ['speed', 'rate', 'price-mass', 'price-volume', 'fuel'].map((kind) => [
    kind,
    COMPOUND_UNITS.filter((a) => a.kind === kind).flatMap((a) =>
      COMPOUND_UNITS.filter((b) => b.kind === kind && b.id !== a.id && readable(a.id, b.id)).map((b) => [a.id, b.id] as Pair),
    ),
  ]),
);

/** A value in [lo, hi] with up to `places` decimals (trailing zeros dropped, "2.50" → "2.5"), never zero. */
export function drawValue(rng: Rng, lo: number, hi: number, places: number): string {
  const s = 10 ** places;
  const k = rng.int(Math.max(1, Math.ceil(lo * s)), Math.max(1, Math.floor(hi * s)));
  const text = X.formatScaled(BigInt(k), places);
  return places === 0 ? text : text.replace(/\.?0+$/, '');
}

function rangeOf(id: string): readonly [number, number] {
  const c = U.COMPOUND.get(id);
  if (c) return c.range;
  const s = U.SIMPLE.get(id)!;
  if (!s.range) throw new Error(`unit '${id}' has no typical range`);
  return s.range;
}

export function drawAmount(rng: Rng, unit: string, places: number, range = rangeOf(unit)): Amount {
  return { value: drawValue(rng, range[0], range[1], places), unit };
}

/** A price in dollars and cents, always written with two decimals ("2.40"). */
export function drawPrice(rng: Rng, unit: string, range: readonly [number, number]): Amount {
  return { value: X.formatScaled(BigInt(rng.int(Math.ceil(range[0] * 100), Math.floor(range[1] * 100))), 2), unit };
}

/** Temperature bands in °C: weather, a lab sample, an oven. */
const BANDS: Record<TempBand, readonly [number, number]> = { weather: [-25, 42], lab: [-80, 95], oven: [150, 260] };

export function drawTemperature(rng: Rng, pairs: readonly (readonly [U.TempUnit, U.TempUnit])[], places: number): UnitInputs {
  const [from, to] = rng.pick(pairs);
  const band = rng.pick(['weather', 'lab', 'oven'] as const);
  const [lo, hi] = BANDS[band].map((c) => X.toNumber(U.fromCelsius(X.q(c), from)));
  const value = rng.int(Math.ceil(lo! * 10 ** places), Math.floor(hi! * 10 ** places));
  return { kind: 'temperature', from: { value: X.formatScaled(BigInt(value), places), unit: from }, to, band };
}

/** Units that can be summed in a `total` problem, and the target units it asks for. */
export const TOTAL_UNITS: Readonly<Record<'mass' | 'length' | 'volume' | 'time', { parts: readonly string[]; to: readonly string[] }>> = {
  mass: { parts: ['g', 'kg', 'lb', 'oz'], to: ['kg', 'lb', 'g'] },
  length: { parts: ['m', 'km', 'mi', 'yd'], to: ['km', 'mi', 'm'] },
  volume: { parts: ['mL', 'L', 'cup', 'floz', 'qt'], to: ['L', 'mL', 'gal'] },
  time: { parts: ['s', 'min', 'h'], to: ['min', 'h'] },
};

/** Part sizes for totals: smaller than the unit's full range so that the parts are comparable. */
const PART_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  g: [50, 900], kg: [0.5, 12], lb: [1, 20], oz: [2, 30],
  m: [100, 900], km: [1, 30], mi: [1, 20], yd: [100, 900],
  mL: [50, 900], L: [0.5, 4], cup: [1, 6], floz: [2, 32], qt: [1, 4],
  s: [30, 900], min: [5, 90], h: [0.5, 4],
};

export function drawTotal(rng: Rng, parts: number, places: number): UnitInputs & { kind: 'total' } {
  const dim = rng.pick(['mass', 'length', 'volume', 'time'] as const);
  const spec = TOTAL_UNITS[dim];
  const units = rng.sample(spec.parts, Math.min(parts, spec.parts.length));
  return {
    kind: 'total',
    parts: units.map((unit) => drawAmount(rng, unit, rng.int(0, places), PART_RANGE[unit])),
    to: rng.pick(spec.to),
  };
}

type Ranged = readonly [string, readonly [number, number]];

/** The two inputs of each multi-step problem kind, with ranges that keep the story plausible (road speeds, bills). */
const MULTI: Readonly<Record<MultiKind, { a: readonly Ranged[]; b: readonly Ranged[]; aPlaces: number }>> = {
  travel: { a: [['km', [5, 400]], ['mi', [3, 250]]], b: [['kmh', [30, 130]], ['mph', [20, 80]]], aPlaces: 1 },
  download: { a: [['GB', [1, 60]], ['MB', [50, 5000]], ['GiB', [1, 60]]], b: [['Mbps', [10, 1000]], ['MBps', [2, 200]]], aPlaces: 1 },
  cost: { a: [['usd-lb', [0.5, 12]], ['usd-kg', [1, 25]]], b: [['kg', [0.5, 8]], ['lb', [0.5, 15]], ['g', [100, 3000]]], aPlaces: 2 },
  fuel: { a: [['km', [20, 900]], ['mi', [15, 600]]], b: [['mpg', [15, 60]], ['kmpl', [5, 25]]], aPlaces: 1 },
};

/** The unit a multi-step answer is asked in: minutes or hours (seconds or minutes) by size, so answers stay readable. */
function askedUnit(rng: Rng, kind: MultiKind, p: Omit<UnitInputs & { kind: MultiKind }, 'to'>): string {
  if (kind === 'cost') return 'usd';
  if (kind === 'fuel') return rng.pick(['L', 'gal']);
  const seconds = X.toNumber(solveUnits({ kind, a: p.a, b: p.b, to: 's' }));
  if (kind === 'travel') return seconds < 3 * 3600 ? 'min' : 'h';
  return seconds < 300 ? 's' : 'min';
}

export function drawMulti(rng: Rng): UnitInputs {
  const kind = rng.pick(['travel', 'download', 'cost', 'fuel'] as const);
  const spec = MULTI[kind];
  const [aUnit, aRange] = rng.pick(spec.a);
  const [bUnit, bRange] = rng.pick(spec.b);
  const a = kind === 'cost' ? drawPrice(rng, aUnit, aRange) : drawAmount(rng, aUnit, rng.int(0, spec.aPlaces), aRange);
  const b = drawAmount(rng, bUnit, rng.int(0, 1), bRange);
  return { kind, a, b, to: askedUnit(rng, kind, { kind, a, b }) };
}

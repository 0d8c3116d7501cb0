/**
 * Exact rational arithmetic on BigInt, for answers that must be right to the last stated decimal: floating point
 * turns 1.005 into 1.00499999… and then rounds the wrong way. Fractions are not reduced after each operation (the
 * problems here multiply a handful of short decimals, so the integers stay small); `cmp`, rounding and formatting
 * do not need them reduced.
 */

export interface Q {
  readonly n: bigint;
  /** Always > 0. */
  readonly d: bigint;
}

const POW10: readonly bigint[] = Array.from({ length: 24 }, (_, i) => 10n ** BigInt(i));

/** 10^k as a bigint, from a table for the usual small k. */
export function pow10(k: number): bigint {
  return POW10[k] ?? 10n ** BigInt(k);
}

export function q(n: number | bigint, d: number | bigint = 1n): Q {
  const nn = BigInt(n);
  const dd = BigInt(d);
  if (dd === 0n) throw new RangeError('q: zero denominator');
  return dd < 0n ? { n: -nn, d: -dd } : { n: nn, d: dd };
}

/** "1609.344" → 1609344/1000; "-2.5" → -25/10. Only for literal constants and generated decimals. */
export function dec(text: string): Q {
  if (!DECIMAL.test(text)) throw new Error(`dec: not a decimal: '${text}'`);
  const neg = text.charCodeAt(0) === 45;
  const body = neg ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  // Up to 15 digits a double holds the integer exactly, and BigInt(number) is much cheaper than parsing a string.
  const n = digits.length <= 15 ? BigInt(Number(digits)) : BigInt(digits);
  return { n: neg ? -n : n, d: pow10(dot < 0 ? 0 : body.length - dot - 1) };
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** k / 10^places, e.g. scaled(1234, 2) = 12.34. */
export function scaled(k: number | bigint, places: number): Q {
  return { n: BigInt(k), d: pow10(places) };
}

export const add = (a: Q, b: Q): Q => (a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const sub = (a: Q, b: Q): Q => add(a, { n: -b.n, d: b.d });
export const mul = (a: Q, b: Q): Q => ({ n: a.n * b.n, d: a.d * b.d });
export function div(a: Q, b: Q): Q {
  if (b.n === 0n) throw new RangeError('div: division by zero');
  return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
}
export const cmp = (a: Q, b: Q): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

export function toNumber(a: Q): number {
  return Number(a.n) / Number(a.d);
}

export interface Rounded {
  /** The value rounded to `places` decimals, times 10^places. */
  scaled: bigint;
  /** The exact value lies exactly halfway between two roundings (half-up and half-even may disagree). */
  tie: boolean;
  /** The exact value already has at most `places` decimals. */
  exact: boolean;
}

/** Rounds half away from zero to `places` decimals. */
export function round(a: Q, places: number): Rounded {
  const num = a.n * pow10(places);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  let k = abs / a.d;
  const r = abs - k * a.d;
  if (2n * r >= a.d) k += 1n;
  return { scaled: neg ? -k : k, tie: 2n * r === a.d, exact: r === 0n };
}

/** A scaled integer as a plain decimal string with exactly `places` decimals: "17.50", "-3.0", "12" (no "-0"). */
export function formatScaled(k: bigint, places: number): string {
  const neg = k < 0n;
  const digits = (neg ? -k : k).toString().padStart(places + 1, '0');
  const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return neg ? `-${body}` : body;
}

/** formatScaled for a safe integer held in a number, without the BigInt conversion (table cells, many per item). */
export function formatInt(k: number, places: number): string {
  if (places === 0) return String(k);
  const digits = String(k < 0 ? -k : k).padStart(places + 1, '0');
  const body = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return k < 0 ? `-${body}` : body;
}

/** The exact value with exactly `places` decimals, or null when it needs more. */
export function exactText(a: Q, places: number): string | null {
  const r = round(a, places);
  return r.exact ? formatScaled(r.scaled, places) : null;
}

/** `places` decimals of a plain number that is known to be a short decimal (a generated input). */
export function fixed(x: Q, places: number): string {
  return formatScaled(round(x, places).scaled, places);
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The fraction in lowest terms. */
export function reduce(a: Q): Q {
  const g = gcd(a.n, a.d);
  return g <= 1n ? a : { n: a.n / g, d: a.d / g };
}

export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** The shortest plain decimal of an exact value that terminates within `maxPlaces` decimals ("12.5", "8"), or null. */
export function shortText(a: Q, maxPlaces: number): string | null {
  for (let p = 0; p <= maxPlaces; p++) {
    const t = exactText(a, p);
    if (t !== null) return t;
  }
  return null;
}

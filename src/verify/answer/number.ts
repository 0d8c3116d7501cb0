/**
 * Numbers as models write them: "1,234,567", "1 234 567" (any Unicode space, folded to ' ' before this runs),
 * "+3", "−2.5", ".5", "1.5e3", "1.5 × 10^3", "2·10⁻³", with at most one unit from the item's list before and one
 * after ("$17.50", "17.50 dollars", "17.5 USD", "12km", "45%"). Integers 0-20 may be spelled out ("twelve").
 * Anything else in the candidate (a second number, "about", "or", "not") makes it no number at all.
 *
 * Values are kept as exact decimals (digits + power of ten) so that equality of long integers or long decimals does
 * not go through floating point.
 */
import { foldText } from './normalize.js';

export interface Decimal {
  neg: boolean;
  /** Significant digits, no leading or trailing zeros; '' for zero. */
  digits: string;
  /** value = digits × 10^exp. */
  exp: number;
  /** The power of ten of the last digit as written ("17.50" → -2): how precise the writer claims to be. */
  place: number;
  /** The nearest double (±Infinity beyond range). */
  value: number;
}

export type NumberParse = { ok: true; num: Decimal; unit: string | null } | { ok: false; reason: string };

/** A Map, so that "constructor" is not a number word. */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
}));

/** Currency and percent spellings that stand for one another; a group joins the units when any trigger is listed. */
const UNIT_GROUPS: ReadonlyArray<{ triggers: string[]; members: string[] }> = [
  { triggers: ['$', 'usd', 'dollar', 'dollars', 'us$'], members: ['$', 'usd', 'us$', 'dollar', 'dollars'] },
  { triggers: ['€', 'eur', 'euro', 'euros'], members: ['€', 'eur', 'euro', 'euros'] },
  // "pounds" alone may be a weight, so only the symbol or code brings in the currency.
  { triggers: ['£', 'gbp'], members: ['£', 'gbp', 'pound', 'pounds'] },
  { triggers: ['¥', 'jpy', 'yen'], members: ['¥', 'jpy', 'yen'] },
  { triggers: ['%', 'percent', 'per cent'], members: ['%', 'percent', 'per cent'] },
];

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c > 0x7f;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The folded unit spellings accepted for a units list, longest first; cached because items share a few lists. */
const unitCache = new Map<string, string[]>();

export function unitSpellings(units: readonly string[] | undefined): string[] {
  if (!Array.isArray(units) || units.length === 0) return [];
  const key = units.join('\u0000');
  const cacheable = key.length <= 1000;
  const hit = unitCache.get(key);
  if (hit) return hit;
  const set = new Set<string>();
  for (const raw of units) {
    if (typeof raw !== 'string') continue;
    const u = foldText(raw, false);
    if (u === '') continue;
    set.add(u);
    // Singular and plural of a word unit ("apples" / "apple", "hours" / "hour").
    if (u.length >= 3 && isLetter(u.charCodeAt(u.length - 1))) {
      if (u.endsWith('es')) set.add(u.slice(0, -2));
      if (u.endsWith('s')) set.add(u.slice(0, -1));
      else set.add(u + 's').add(u + 'es');
    }
    for (const g of UNIT_GROUPS) if (g.triggers.includes(u)) for (const m of g.members) set.add(m);
  }
  const list = [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  if (unitCache.size > 10_000) unitCache.clear();
  if (cacheable) unitCache.set(key, list);
  return list;
}

/** Unit spellings, or a function that makes them on first need (most candidates have no unit to look up). */
export type Spellings = readonly string[] | (() => readonly string[]);

/** The longest unit spelled at `i` that ends at a word boundary (a symbol may touch anything). */
function unitAt(t: string, i: number, units: Spellings): string | null {
  const c = t.charCodeAt(i);
  if (isDigit(c) || c === 0x2e || Number.isNaN(c)) return null;
  const spellings = typeof units === 'function' ? units() : units;
  for (const u of spellings) {
    if (!t.startsWith(u, i)) continue;
    if (isLetter(u.charCodeAt(u.length - 1)) && isLetter(t.charCodeAt(i + u.length))) continue;
    return u;
  }
  return null;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

interface Literal {
  neg: boolean;
  intDigits: string;
  fracDigits: string;
  exp: number;
  end: number;
}

function digitRun(t: string, i: number): number {
  let j = i;
  while (j < t.length && isDigit(t.charCodeAt(j))) j++;
  return j;
}

/** "e-3", "×10^3", " x 10^{-3}", "·10⁻³" at `i`: the exponent and where it ends, or null. */
function exponentAt(t: string, i: number): { exp: number; end: number } | null {
  let j = i;
  if (t[j] === 'e') {
    j++;
    let neg = false;
    if (t[j] === '+' || t[j] === '-' || t[j] === '−') neg = t[j++] !== '+';
    const end = digitRun(t, j);
    if (end === j || end - j > 6) return null;
    return { exp: (neg ? -1 : 1) * Number(t.slice(j, end)), end };
  }
  if (t[j] === ' ') j++;
  if (!(t[j] === '×' || t[j] === 'x' || t[j] === '*' || t[j] === '·')) return null;
  j++;
  if (t[j] === ' ') j++;
  if (!t.startsWith('10', j)) return null;
  j += 2;
  if (t[j] === '^') {
    j++;
    const brace = t[j] === '{';
    if (brace) j++;
    let neg = false;
    if (t[j] === '+' || t[j] === '-' || t[j] === '−') neg = t[j++] !== '+';
    const end = digitRun(t, j);
    if (end === j || end - j > 6) return null;
    const exp = (neg ? -1 : 1) * Number(t.slice(j, end));
    if (brace && t[end] !== '}') return null;
    return { exp, end: brace ? end + 1 : end };
  }
  let neg = false;
  if (t[j] === '⁻') {
    neg = true;
    j++;
  }
  let digits = '';
  while (j < t.length && SUPERSCRIPT_DIGITS.includes(t[j]!)) digits += String(SUPERSCRIPT_DIGITS.indexOf(t[j++]!));
  if (digits === '' || digits.length > 6) return null;
  return { exp: (neg ? -1 : 1) * Number(digits), end: j };
}

/** A decimal literal at `i` (no sign): digits with consistent thousands groups, a fraction, an exponent. */
function literalAt(t: string, i: number): Literal | null {
  let j = digitRun(t, i);
  let intDigits = t.slice(i, j);
  if (intDigits.length >= 1 && intDigits.length <= 3) {
    const sep = t[j];
    if (sep === ',' || sep === ' ') {
      // Groups of exactly three digits after the same separator: "1,234,567", "1 234". "1,23" is not a number.
      while (t[j] === sep && digitRun(t, j + 1) === j + 4) {
        intDigits += t.slice(j + 1, j + 4);
        j += 4;
      }
    }
  }
  let fracDigits = '';
  if (t[j] === '.' && isDigit(t.charCodeAt(j + 1))) {
    const end = digitRun(t, j + 1);
    fracDigits = t.slice(j + 1, end);
    j = end;
  }
  if (intDigits === '' && fracDigits === '') return null;
  const e = exponentAt(t, j);
  return { neg: false, intDigits, fracDigits, exp: e ? e.exp : 0, end: e ? e.end : j };
}

function toDecimal(lit: Literal): Decimal {
  const all = lit.intDigits + lit.fracDigits;
  const place = lit.exp - lit.fracDigits.length;
  let lo = 0;
  while (lo < all.length && all.charCodeAt(lo) === 0x30) lo++;
  let hi = all.length;
  while (hi > lo && all.charCodeAt(hi - 1) === 0x30) hi--;
  const digits = all.slice(lo, hi);
  const exp = digits === '' ? 0 : place + (all.length - hi);
  // Number() of the plain digits is exact to the nearest double, like the general form, and skips building it.
  const magnitude =
    lit.exp === 0 && lit.fracDigits === '' && lit.intDigits.length < 16
      ? Number(lit.intDigits)
      : Number(`${lit.intDigits || '0'}.${lit.fracDigits || '0'}e${lit.exp}`);
  const neg = lit.neg && digits !== '';
  return { neg, digits, exp, place, value: neg ? -magnitude : magnitude };
}

function signAt(t: string, i: number): -1 | 0 | 1 {
  const c = t[i];
  return c === '-' || c === '−' ? -1 : c === '+' ? 1 : 0;
}

function describe(s: string): string {
  return s.length > 24 ? JSON.stringify(s.slice(0, 24) + '…') : JSON.stringify(s);
}

/**
 * Parses a whole candidate (already stripped and folded: lower case, single spaces) as one number with an optional
 * unit. Fails, with a reason, on anything else.
 */
const NOT_A_NUMBER: NumberParse = { ok: false, reason: 'not a number' };

/** `explain: false` skips building the failure reason (list elements try every element as a number). */
export function parseNumber(t: string, spellings: Spellings, explain = true): NumberParse {
  let i = 0;
  let sign = signAt(t, i);
  if (sign !== 0) i++;
  let unit: string | null = null;
  const prefix = unitAt(t, i, spellings);
  if (prefix !== null) {
    unit = prefix;
    i += prefix.length;
    if (t[i] === ' ') i++;
    if (sign === 0) {
      sign = signAt(t, i);
      if (sign !== 0) i++;
    }
  }
  let num: Decimal;
  let end: number;
  const lit = literalAt(t, i);
  if (lit !== null) {
    lit.neg = sign < 0;
    num = toDecimal(lit);
    end = lit.end;
  } else {
    let j = i;
    while (j < t.length && isLetter(t.charCodeAt(j))) j++;
    const word = NUMBER_WORDS.get(t.slice(i, j));
    if (word === undefined || sign !== 0 || j === i) {
      if (!explain) return NOT_A_NUMBER;
      return { ok: false, reason: /\d/.test(t) ? `text before the number: ${describe(t)}` : 'no number' };
    }
    num = toDecimal({ neg: false, intDigits: String(word), fracDigits: '', exp: 0, end: j });
    end = j;
  }
  if (t[end] === ' ') end++;
  if (end < t.length) {
    const suffix = unitAt(t, end, spellings);
    if (suffix === null || end + suffix.length !== t.length) {
      if (!explain) return NOT_A_NUMBER;
      const rest = t.slice(end);
      const reason = /\d/.test(rest) ? `more than one number (${describe(rest)} follows)` : `extra text after the number: ${describe(rest)}`;
      return { ok: false, reason };
    }
    unit = prefix === null ? suffix : `${prefix} … ${suffix}`;
  }
  return { ok: true, num, unit };
}

/** digits + 1, as a decimal digit string ('' is zero). */
function incrementDigits(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i);
}

/**
 * Whether `cand`, rounded to the place of the answer's last written digit, is the answer: i.e. it differs by less
 * than half a unit there (exactly half is not enough). Done on the digit strings, so it holds beyond 2^53, where two
 * different integers can share a double.
 */
function roundsTo(answer: Decimal, cand: Decimal): boolean {
  const drop = answer.place - cand.exp; // how many of the candidate's digits lie below the answer's last place
  if (drop <= 0 || cand.digits === '') return false; // nothing to round: only exact equality, tested before
  const keep = cand.digits.length - drop;
  let kept = keep > 0 ? cand.digits.slice(0, keep) : '';
  // Digits carry no trailing zeros, so any digit after the first dropped one makes the rest non-zero.
  const first = keep >= 0 ? cand.digits.charCodeAt(keep) - 0x30 : 0;
  const restNonZero = keep >= 0 ? cand.digits.length > keep + 1 : true;
  if (first === 5 && !restNonZero) return false;
  if (first >= 5) kept = incrementDigits(kept);
  let lo = 0;
  while (lo < kept.length && kept.charCodeAt(lo) === 0x30) lo++;
  let hi = kept.length;
  while (hi > lo && kept.charCodeAt(hi - 1) === 0x30) hi--;
  const digits = kept.slice(lo, hi);
  if (digits === '') return answer.digits === '';
  return answer.neg === cand.neg && answer.digits === digits && answer.exp === answer.place + (kept.length - hi);
}

/**
 * Whether a candidate equals the answer. Exact decimal equality always counts. With a tolerance > 0: an absolute
 * difference up to it (plus a few ulps of rounding). Without one: a difference of at most 1e-9 relative that also
 * rounds away at the answer's last written digit, so float noise ("0.30000000000000004" for "0.3") and extra
 * precision pass, while a different integer never does, however large.
 */
export function decimalsEqual(answer: Decimal, cand: Decimal, tolerance: number | undefined): boolean {
  if (answer.neg === cand.neg && answer.digits === cand.digits && answer.exp === cand.exp) return true;
  const a = answer.value;
  const b = cand.value;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const d = Math.abs(a - b);
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance > 0) {
    return d <= tolerance + 4 * Number.EPSILON * Math.max(scale, tolerance);
  }
  return d <= 1e-9 * scale && roundsTo(answer, cand);
}

/** A plain decimal rendering for messages ("-1.25e+3" style is avoided: digits and exponent are shown). */
export function decimalKey(d: Decimal): string {
  return `${d.neg ? '-' : ''}${d.digits || '0'}e${d.exp}`;
}

/**
 * The problems of inference.percentages as plain numbers, chosen so that every answer (and every intermediate
 * price) is exact: a price is a multiple of the denominator that its percentage factors leave, so "$84.20 less 15%"
 * is whole cents. Amounts are decimal strings as the prompt writes them; `solvePercent` gives the exact answer.
 */
import type { Rng } from '../../../core/rng.js';
import * as X from './exact.js';

export type PercentTask = 'percent-of' | 'discount' | 'tax' | 'change' | 'share' | 'ratio' | 'successive' | 'reverse';

export type PercentInputs =
  /** rate% of a whole count. */
  | { task: 'percent-of'; rate: string; whole: string }
  | { task: 'discount'; rate: string; price: string }
  /** The price plus rate% (sales tax, or a tip). */
  | { task: 'tax'; rate: string; price: string }
  /** Percentage change from `from` to `to`, as a positive number (the prompt says increase or decrease). */
  | { task: 'change'; from: string; to: string }
  /** Percentage of the total that part `index` is. */
  | { task: 'share'; parts: string[]; index: number }
  /** Share `index` of `total` split in `ratio`; with `minus`, how much more share `index` gets than share `minus`. */
  | { task: 'ratio'; total: string; ratio: number[]; index: number; minus?: number }
  /** Signed percentage changes applied one after another; the final price, or the overall change in percent. */
  | { task: 'successive'; price: string; changes: string[]; askPercent: boolean }
  /** The price before a discount (or before a tax, with `tax`) that left `after`. */
  | { task: 'reverse'; rate: string; after: string; tax: boolean };

export type AnswerKind = 'money' | 'percent' | 'count';

const HUNDRED = X.q(100);
const factorUp = (rate: X.Q) => X.div(X.add(HUNDRED, rate), HUNDRED);
const factorDown = (rate: X.Q) => X.div(X.sub(HUNDRED, rate), HUNDRED);
const signedFactor = (change: string) => factorUp(X.dec(change));

export function solvePercent(p: PercentInputs): X.Q {
  switch (p.task) {
    case 'percent-of':
      return X.div(X.mul(X.dec(p.whole), X.dec(p.rate)), HUNDRED);
    case 'discount':
      return X.mul(X.dec(p.price), factorDown(X.dec(p.rate)));
    case 'tax':
      return X.mul(X.dec(p.price), factorUp(X.dec(p.rate)));
    case 'change': {
      const from = X.dec(p.from);
      const diff = X.sub(X.dec(p.to), from);
      const abs = diff.n < 0n ? X.q(-diff.n, diff.d) : diff;
      return X.div(X.mul(abs, HUNDRED), from);
    }
    case 'share': {
      const total = p.parts.reduce((s, x) => X.add(s, X.dec(x)), X.q(0));
      return X.div(X.mul(X.dec(p.parts[p.index]!), HUNDRED), total);
    }
    case 'ratio': {
      const sum = p.ratio.reduce((s, r) => s + r, 0);
      const mine = p.ratio[p.index]! - (p.minus === undefined ? 0 : p.ratio[p.minus]!);
      return X.div(X.mul(X.dec(p.total), X.q(mine)), X.q(sum));
    }
    case 'successive': {
      const f = p.changes.reduce((acc, c) => X.mul(acc, signedFactor(c)), X.q(1));
      if (!p.askPercent) return X.mul(X.dec(p.price), f);
      const pct = X.mul(X.sub(f, X.q(1)), HUNDRED);
      return pct.n < 0n ? X.q(-pct.n, pct.d) : pct;
    }
    case 'reverse': {
      const rate = X.dec(p.rate);
      return X.div(X.dec(p.after), p.tax ? factorUp(rate) : factorDown(rate));
    }
  }
}

export function answerKind(p: PercentInputs): AnswerKind {
  if (p.task === 'percent-of') return 'count';
  if (p.task === 'change' || p.task === 'share' || (p.task === 'successive' && p.askPercent)) return 'percent';
  return 'money';
}

const cents = (c: bigint) => X.formatScaled(c, 2);

/** A random multiple of `unit` in [lo, hi], or null when none fits. */
function multipleIn(rng: Rng, unit: bigint, lo: number, hi: number): bigint | null {
  const u = Number(unit);
  const kLo = Math.ceil(lo / u);
  const kHi = Math.floor(hi / u);
  return kHi < kLo ? null : BigInt(rng.int(kLo, kHi)) * unit;
}

/** Rates by difficulty: round ones first, then any whole percent, then halves and quarters. */
function drawRate(rng: Rng, difficulty: number, lo: number, hi: number): string {
  if (difficulty === 1) {
    const round = [10, 20, 25, 50].filter((r) => r >= lo && r <= hi);
    return String(round.length > 0 ? rng.pick(round) : lo);
  }
  if (difficulty <= 3 || rng.bool(0.5)) return String(rng.int(lo, hi));
  // 12.5, 7.25, 33.75: exact decimals that make the arithmetic harder.
  const quarters = rng.int(lo * 4, hi * 4 - 1);
  return X.shortText(X.q(quarters, 4), 2)!;
}

/** Price range in cents by difficulty, the top capped by the config. */
function priceRange(difficulty: number, maxDollars: number): [number, number] {
  const top = [200, 500, 2000, 5000, 20000][difficulty - 1]!;
  return [500, Math.max(1000, Math.min(top, maxDollars) * 100)];
}

/** A price in cents that every prefix of `factors` turns into whole cents. */
function exactPrice(rng: Rng, factors: readonly X.Q[], range: [number, number]): bigint | null {
  let unit = 1n;
  let acc = X.q(1);
  for (const f of factors) {
    acc = X.reduce(X.mul(acc, f));
    unit = X.lcm(unit, acc.d);
  }
  return multipleIn(rng, unit, range[0], range[1]);
}

const TRIES = 12;

function gcdInt(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function drawPercentOf(rng: Rng, d: number): PercentInputs | null {
  const rate = drawRate(rng, d, 5, 90);
  const f = X.reduce(X.div(X.dec(rate), HUNDRED));
  const whole = multipleIn(rng, f.d, 20, [400, 2000, 5000, 20000, 100000][d - 1]!);
  return whole === null ? null : { task: 'percent-of', rate, whole: String(whole) };
}

function drawDiscountOrTax(rng: Rng, d: number, task: 'discount' | 'tax' | 'reverse', maxDollars: number): PercentInputs | null {
  const tax = task === 'tax' || (task === 'reverse' && d === 5 && rng.bool(0.5));
  const rate = tax ? drawRate(rng, Math.max(d, 2), 3, 25) : drawRate(rng, d, 5, 70);
  const f = tax ? factorUp(X.dec(rate)) : factorDown(X.dec(rate));
  const price = exactPrice(rng, [f], priceRange(d, maxDollars));
  if (price === null) return null;
  if (task === 'reverse') {
    const after = X.mul(X.q(price, 100), f);
    return { task, rate, after: X.fixed(after, 2), tax };
  }
  return { task, rate, price: cents(price) };
}

function drawChange(rng: Rng, d: number): PercentInputs | null {
  const up = rng.bool(0.5);
  const rate = drawRate(rng, Math.max(d, 2), 2, up ? 150 : 80);
  const f = up ? factorUp(X.dec(rate)) : factorDown(X.dec(rate));
  const from = multipleIn(rng, X.reduce(f).d, 40, [2000, 5000, 20000, 60000, 200000][d - 1]!);
  if (from === null) return null;
  const to = X.mul(X.q(from), f);
  return { task: 'change', from: String(from), to: X.fixed(to, 0) };
}

/** Totals whose hundredths of a percent are whole: 10000 / total is an integer, so every share has <= 2 decimals. */
const SHARE_TOTALS = [200, 250, 400, 500, 625, 1000, 1250, 2000, 2500, 5000, 10000];

function drawShare(rng: Rng, d: number): PercentInputs {
  const n = [3, 3, 4, 5, 5][d - 1]!;
  const total = rng.pick(SHARE_TOTALS);
  // n - 1 distinct cut points split the total into n positive parts.
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(rng.int(1, total - 1));
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), total];
  const parts = sorted.slice(1).map((c, i) => String(c - sorted[i]!));
  return { task: 'share', parts, index: rng.int(0, n - 1) };
}

function drawRatio(rng: Rng, d: number): PercentInputs {
  const n = [2, rng.int(2, 3), 3, rng.int(3, 4), 4][d - 1]!;
  // A ratio in lowest terms and not all equal ("3:3" reads as a trick, not a split).
  let ratio: number[] = [];
  for (let t = 0; t < 20; t++) {
    ratio = Array.from({ length: n }, () => rng.int(1, d <= 2 ? 5 : 9));
    if (ratio.some((r) => r !== ratio[0]) && ratio.reduce(gcdInt) === 1) break;
  }
  if (ratio.every((r) => r === ratio[0]) || ratio.reduce(gcdInt) !== 1) ratio = [2, 3, 5, 7].slice(0, n);
  const sum = ratio.reduce((s, r) => s + r, 0);
  // Whole dollars per ratio unit up to difficulty 2, cents afterwards.
  const per = d <= 2 ? rng.int(5, 200) * 100 : rng.int(100, 50000);
  const index = rng.int(0, n - 1);
  const diffTo = d === 5 ? ratio.findIndex((r) => r < ratio[index]!) : -1;
  return { task: 'ratio', total: cents(BigInt(sum * per)), ratio, index, ...(diffTo >= 0 ? { minus: diffTo } : {}) };
}

function drawSuccessive(rng: Rng, d: number, maxDollars: number): PercentInputs | null {
  const steps = d === 5 ? rng.int(2, 3) : 2;
  const askPercent = d === 4 || (d === 5 && rng.bool(0.4));
  // Three changes in steps of 5% keep the price a multiple of a few dollars at most.
  const changes = Array.from({ length: steps }, (_, i) => {
    const mag = steps === 3 ? 5 * rng.int(1, 8) : rng.int(5, 45);
    return (i === 0 ? rng.bool(0.6) : rng.bool(0.5)) ? String(mag) : `-${mag}`;
  });
  const factors = changes.map(signedFactor);
  if (askPercent) {
    const p: PercentInputs = { task: 'successive', price: '100.00', changes, askPercent };
    const pct = solvePercent(p);
    if (pct.n === 0n || X.shortText(pct, 2) === null) return null;
    const price = exactPrice(rng, factors, priceRange(d, maxDollars));
    return price === null ? null : { task: 'successive', price: cents(price), changes, askPercent };
  }
  const price = exactPrice(rng, factors, priceRange(d, maxDollars));
  return price === null ? null : { task: 'successive', price: cents(price), changes, askPercent };
}

const TASKS_BY_DIFFICULTY: readonly (readonly PercentTask[])[] = [
  ['percent-of', 'discount', 'ratio'],
  ['percent-of', 'discount', 'tax', 'change', 'ratio', 'share'],
  ['discount', 'tax', 'change', 'share', 'ratio', 'successive'],
  ['tax', 'change', 'share', 'ratio', 'successive', 'reverse'],
  ['change', 'share', 'ratio', 'successive', 'reverse', 'percent-of'],
];

export function drawPercentInputs(rng: Rng, difficulty: number, maxDollars: number): PercentInputs {
  for (let t = 0; t < TRIES; t++) {
    const task = rng.pick(TASKS_BY_DIFFICULTY[difficulty - 1]!);
    let p: PercentInputs | null;
    switch (task) {
      case 'percent-of':
        p = drawPercentOf(rng, difficulty);
        break;
      case 'discount':
      case 'tax':
      case 'reverse':
        p = drawDiscountOrTax(rng, difficulty, task, maxDollars);
        break;
      case 'change':
        p = drawChange(rng, difficulty);
        break;
      case 'share':
        p = drawShare(rng, difficulty);
        break;
      case 'ratio':
        p = drawRatio(rng, difficulty);
        break;
      default:
        p = drawSuccessive(rng, difficulty, maxDollars);
    }
    if (p) return p;
  }
  // Every draw above fails only on a tight range; a ratio split always succeeds.
  return drawRatio(rng, difficulty);
}

/**
 * The problems of inference.dates, drawn as plain numbers (epoch days and offsets) before any wording, so that a
 * test can recompute every answer from the inputs by another method.
 */
import type { Rng } from '../../../core/rng.js';
import * as cal from './calendar.js';

export type DateTask = 'weekday-after' | 'date-after' | 'days-between' | 'days-inclusive' | 'weekday-of' | 'age' | 'whole-months';
export const DATE_TASKS: readonly DateTask[] = ['weekday-after', 'date-after', 'days-between', 'days-inclusive', 'weekday-of', 'age', 'whole-months'];

/** One step of a chain: `sign * (7 * weeks + days)` days. */
export interface Offset {
  weeks: number;
  days: number;
  sign: 1 | -1;
}

export type DateInputs =
  /** weekday-after, date-after: the answer is about start + the sum of the offsets. */
  | { kind: 'chain'; start: number; offsets: Offset[] }
  /** days-between, days-inclusive, age, whole-months: from <= to. */
  | { kind: 'span'; from: number; to: number }
  /** weekday-of: the weekday of `day`, told today's date and weekday. */
  | { kind: 'day'; today: number; day: number };

export const offsetDays = (o: Offset): number => o.sign * (7 * o.weeks + o.days);

export function chainEnd(start: number, offsets: readonly Offset[]): number {
  let day = start;
  for (const o of offsets) day += offsetDays(o);
  return day;
}

/** "3 weeks and 4 days", "1 week", "17 days". */
export function offsetText(o: Offset): string {
  const w = o.weeks === 1 ? '1 week' : `${o.weeks} weeks`;
  const d = o.days === 1 ? '1 day' : `${o.days} days`;
  if (o.weeks > 0 && o.days > 0) return `${w} and ${d}`;
  return o.weeks > 0 ? w : d;
}

function drawOffset(rng: Rng, difficulty: number, first: boolean): Offset {
  const before = rng.bool(first ? (difficulty === 1 ? 0.15 : 0.3) : 0.4);
  const sign: 1 | -1 = before ? -1 : 1;
  const split = rng.bool(0.5);
  switch (difficulty) {
    case 1:
      return split ? { weeks: rng.int(1, 3), days: 0, sign } : { weeks: 0, days: rng.int(1, 14), sign };
    case 2:
      return split ? { weeks: rng.int(1, 10), days: 0, sign } : { weeks: 0, days: rng.int(2, 60), sign };
    case 3:
      return split ? { weeks: rng.int(1, 12), days: rng.int(1, 6), sign } : { weeks: 0, days: rng.int(30, 200), sign };
    case 4:
      return split ? { weeks: rng.int(2, 30), days: rng.int(1, 6), sign } : { weeks: 0, days: rng.int(20, 400), sign };
    default:
      return split ? { weeks: rng.int(3, 60), days: rng.int(1, 6), sign } : { weeks: 0, days: rng.int(50, 900), sign };
  }
}

/** Leap days (29 February) within `spanYears` of the reference day. */
function leapDaysNear(ref: number, spanYears: number): number[] {
  const y = cal.civilOf(ref).y;
  const out: number[] = [];
  for (let year = y - spanYears; year <= y + spanYears; year++) if (cal.isLeapYear(year)) out.push(cal.dayOf(year, 2, 29));
  return out;
}

const sameMonth = (a: number, b: number) => {
  const x = cal.civilOf(a);
  const y = cal.civilOf(b);
  return x.y === y.y && x.m === y.m;
};

/**
 * A first day such that [first, first + length] lies around `ref`; from difficulty 3 it crosses a month end, and
 * from difficulty 4, half the time, a 29 February.
 */
function placeInterval(rng: Rng, ref: number, length: number, difficulty: number, spanYears: number): number {
  const span = spanYears * 365;
  if (difficulty >= 4 && length >= 2 && rng.bool(0.5)) {
    const leaps = leapDaysNear(ref, spanYears);
    if (leaps.length > 0) return rng.pick(leaps) - rng.int(1, length - 1);
  }
  let first = ref + rng.int(-span, span);
  if (difficulty === 1) {
    // Short, same-month intervals keep the easiest level about one month's page of a calendar.
    for (let t = 0; t < 8 && !sameMonth(first, first + length); t++) first = ref + rng.int(-span, span);
  } else if (difficulty >= 3) {
    for (let t = 0; t < 8 && sameMonth(first, first + length); t++) first = ref + rng.int(-span, span);
  }
  return first;
}

function drawChain(rng: Rng, ref: number, difficulty: number, spanYears: number): DateInputs {
  const steps = difficulty <= 3 ? 1 : difficulty === 4 ? 2 : rng.int(2, 3);
  let offsets: Offset[] = [];
  let total = 0;
  for (let t = 0; t < 10 && total === 0; t++) {
    offsets = [];
    for (let i = 0; i < steps; i++) offsets.push(drawOffset(rng, difficulty, i === 0));
    total = 0;
    for (const o of offsets) total += offsetDays(o);
  }
  if (total === 0) offsets.push({ weeks: 0, days: rng.int(1, 9), sign: 1 });
  const end = chainEnd(0, offsets);
  // Place the interval between the start and the final date, whichever comes first.
  const lo = placeInterval(rng, ref, Math.abs(end), difficulty, spanYears);
  return { kind: 'chain', start: end >= 0 ? lo : lo - end, offsets };
}

const SPAN_LENGTHS: readonly [number, number][] = [[2, 20], [5, 90], [30, 400], [100, 1500], [400, 4000]];

function drawDaySpan(rng: Rng, ref: number, difficulty: number, spanYears: number): DateInputs {
  const [lo, hi] = SPAN_LENGTHS[difficulty - 1]!;
  const length = rng.int(lo, hi);
  const from = placeInterval(rng, ref, length, difficulty, spanYears);
  return { kind: 'span', from, to: from + length };
}

function drawWeekdayOf(rng: Rng, ref: number, difficulty: number): DateInputs {
  const reach = [10, 40, 200, 800, 3000][difficulty - 1]!;
  let distance = 0;
  while (distance === 0) distance = rng.int(-reach, reach);
  return { kind: 'day', today: ref, day: ref + distance };
}

/** Birth (or start) date and a later date; never 29 February, whose anniversaries are a matter of convention. */
function drawAge(rng: Rng, ref: number, difficulty: number, spanYears: number): DateInputs {
  const target = ref + rng.int(-spanYears * 365, spanYears * 365);
  const t = cal.civilOf(target);
  const years = difficulty <= 2 ? rng.int(3, 60) : rng.int(2, 95);
  const nearBirthday = difficulty >= 3 && rng.bool(0.6);
  let m: number;
  let d: number;
  if (nearBirthday) {
    // The birthday falls within three days of the target, the day itself included.
    const shifted = cal.civilOf(target + rng.int(-3, 3));
    m = shifted.m;
    d = shifted.d;
  } else {
    // Two months or more away from the target's month, so the easy levels need no day comparison.
    m = ((t.m - 1 + rng.int(2, 10)) % 12) + 1;
    d = rng.int(1, cal.daysInMonth(2023, m));
  }
  if (m === 2 && d === 29) d = 28;
  let by = t.y - years;
  // A birthday shifted across New Year's Day belongs to the neighbouring year.
  if (nearBirthday && m === 12 && t.m === 1) by -= 1;
  if (nearBirthday && m === 1 && t.m === 12) by += 1;
  const from = cal.dayOf(by, m, d);
  return { kind: 'span', from, to: from < target ? target : from + 1 };
}

function drawMonths(rng: Rng, ref: number, difficulty: number, spanYears: number): DateInputs {
  const [lo, hi] = ([[1, 6], [2, 18], [6, 36], [12, 60], [24, 120]] as const)[difficulty - 1]!;
  const months = rng.int(lo, hi);
  const c = cal.civilOf(ref + rng.int(-spanYears * 365, spanYears * 365));
  const from = cal.dayOf(c.y, c.m, Math.min(c.d, 28));
  const anniversary = cal.addMonths(from, months);
  const delta = difficulty <= 2 ? rng.int(1, 12) : rng.int(-2, 2);
  return { kind: 'span', from, to: Math.max(from + 1, anniversary + delta) };
}

export function drawDateInputs(rng: Rng, task: DateTask, ref: number, difficulty: number, spanYears: number): DateInputs {
  switch (task) {
    case 'weekday-after':
    case 'date-after':
      return drawChain(rng, ref, difficulty, spanYears);
    case 'days-between':
    case 'days-inclusive':
      return drawDaySpan(rng, ref, difficulty, spanYears);
    case 'weekday-of':
      return drawWeekdayOf(rng, ref, difficulty);
    case 'age':
      return drawAge(rng, ref, difficulty, spanYears);
    case 'whole-months':
      return drawMonths(rng, ref, difficulty, spanYears);
  }
}

/** The answer of a task, from its inputs (canonical form: weekday name, ISO date, or a decimal integer). */
export function solveDate(task: DateTask, inputs: DateInputs): string {
  if (inputs.kind === 'chain') {
    const end = chainEnd(inputs.start, inputs.offsets);
    return task === 'weekday-after' ? cal.weekdayName(end) : cal.isoOf(end);
  }
  if (inputs.kind === 'day') return cal.weekdayName(inputs.day);
  switch (task) {
    case 'days-between':
      return String(inputs.to - inputs.from);
    case 'days-inclusive':
      return String(inputs.to - inputs.from + 1);
    case 'age':
      return String(cal.wholeYearsBetween(inputs.from, inputs.to));
    default:
      return String(cal.wholeMonthsBetween(inputs.from, inputs.to));
  }
}

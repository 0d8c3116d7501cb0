import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { dates, drawDateProblem } from '../../../src/families/inference/dates.js';
import * as cal from '../../../src/families/inference/util/calendar.js';
import { chainEnd, offsetDays, solveDate, type DateInputs, type DateTask } from '../../../src/families/inference/util/date-problems.js';
import { verifyAnswer } from '../../../src/verify/answer.js';

const DAY = 86_400_000;
const REF = '2025-01-01';
const sf = createSeededFaker(REF);
const templates = loadTemplateSet('inference', 'dates');

function gen(seed: string, difficulty = 2) {
  const rng = new Rng(seed);
  sf.use(rng);
  return dates.generate({ rng, faker: sf.faker, config: { ...dates.defaults, difficulty }, index: 0, refDate: REF, templates, profile: null });
}

/** Independent calendar: the JavaScript Date in UTC. */
const utc = (day: number) => new Date(day * DAY);
const isoUtc = (day: number) => utc(day).toISOString().slice(0, 10);
const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Whole years or months from `from` to `to` by stepping forward with Date.UTC until the next step passes `to`. */
function stepCount(from: number, to: number, unit: 'year' | 'month'): number {
  const d = utc(from);
  let k = 0;
  for (;;) {
    const next =
      unit === 'year'
        ? Date.UTC(d.getUTCFullYear() + k + 1, d.getUTCMonth(), d.getUTCDate())
        : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k + 1, d.getUTCDate());
    if (next / DAY > to) return k;
    k++;
  }
}

function independentAnswer(task: DateTask, inputs: DateInputs): string {
  if (inputs.kind === 'chain') {
    let ms = inputs.start * DAY;
    for (const o of inputs.offsets) ms += o.sign * (o.weeks * 7 + o.days) * DAY;
    const end = new Date(ms);
    return task === 'weekday-after' ? WEEKDAY[end.getUTCDay()]! : end.toISOString().slice(0, 10);
  }
  if (inputs.kind === 'day') return WEEKDAY[utc(inputs.day).getUTCDay()]!;
  const days = (utc(inputs.to).getTime() - utc(inputs.from).getTime()) / DAY;
  if (task === 'days-between') return String(days);
  if (task === 'days-inclusive') return String(days + 1);
  return String(stepCount(inputs.from, inputs.to, task === 'age' ? 'year' : 'month'));
}

describe('calendar', () => {
  it('agrees with Date.UTC on every day from 1899 to 2101', () => {
    for (let day = cal.dayOf(1899, 1, 1); day <= cal.dayOf(2101, 12, 31); day++) {
      const d = utc(day);
      const c = cal.civilOf(day);
      // A plain comparison: 73,000 expect() calls would take seconds.
      if (c.y !== d.getUTCFullYear() || c.m !== d.getUTCMonth() + 1 || c.d !== d.getUTCDate()) throw new Error(`civil ${isoUtc(day)}`);
      if (cal.dayOf(c.y, c.m, c.d) !== day) throw new Error(`dayOf ${isoUtc(day)}`);
      if (cal.weekdayIndex(day) !== d.getUTCDay()) throw new Error(`weekday of ${isoUtc(day)}`);
    }
  });

  it('gets hand-checked dates right', () => {
    // 1 January 2025 was a Wednesday; 2024 is a leap year, 2023 and 2100 are not, 2000 is.
    expect(cal.weekdayName(cal.parseIso('2025-01-01'))).toBe('Wednesday');
    expect(cal.isoOf(cal.parseIso('2024-02-28') + 1)).toBe('2024-02-29');
    expect(cal.isoOf(cal.parseIso('2023-02-28') + 1)).toBe('2023-03-01');
    expect(cal.isoOf(cal.parseIso('2024-12-31') + 1)).toBe('2025-01-01');
    expect(cal.daysInMonth(2100, 2)).toBe(28);
    expect(cal.daysInMonth(2000, 2)).toBe(29);
    expect(() => cal.parseIso('2023-02-29')).toThrow();
    // Born 15 March 2000: 24 the day before the 25th birthday, 25 on it.
    expect(cal.wholeYearsBetween(cal.parseIso('2000-03-15'), cal.parseIso('2025-03-14'))).toBe(24);
    expect(cal.wholeYearsBetween(cal.parseIso('2000-03-15'), cal.parseIso('2025-03-15'))).toBe(25);
    expect(cal.wholeMonthsBetween(cal.parseIso('2024-01-15'), cal.parseIso('2024-03-14'))).toBe(1);
    expect(cal.wholeMonthsBetween(cal.parseIso('2024-01-15'), cal.parseIso('2024-03-15'))).toBe(2);
    expect(cal.formatDate(cal.parseIso('2025-03-05'), 'us-weekday')).toBe('Wednesday, March 5, 2025');
    expect(cal.formatDate(cal.parseIso('2025-03-05'), 'eu')).toBe('5 March 2025');
  });
});

describe('inference.dates answers', () => {
  it('match an independent Date.UTC computation on 3000 drawn problems', () => {
    const ref = cal.parseIso(REF);
    for (let i = 0; i < 3000; i++) {
      const difficulty = (i % 5) + 1;
      const { task, inputs } = drawDateProblem(new Rng(`p${i}`), ref, difficulty, 3);
      const expected = independentAnswer(task, inputs);
      if (solveDate(task, inputs) !== expected) throw new Error(`${task} ${JSON.stringify(inputs)}: ${solveDate(task, inputs)} != ${expected}`);
    }
  });

  it('gives the generated item the answer of the problem drawn from the same seed', () => {
    const ref = cal.parseIso(REF);
    for (let i = 0; i < 300; i++) {
      const difficulty = (i % 5) + 1;
      const { task, inputs } = drawDateProblem(new Rng(`same${i}`), ref, difficulty, 3);
      const d = gen(`same${i}`, difficulty);
      expect(d.answer).toBe(independentAnswer(task, inputs));
      expect(d.tags).toContain(task);
    }
  });

  it('reads the prompt of a days-between item the way a person would', () => {
    // Parse the two dates back out of the prompt text (ISO, "March 5, 2025" or "5 March 2025").
    const MONTHS = cal.MONTHS.join('|');
    const DATE = new RegExp(`(\\d{4})-(\\d{2})-(\\d{2})|(${MONTHS}) (\\d{1,2}), (\\d{4})|(\\d{1,2}) (${MONTHS}) (\\d{4})`, 'g');
    const month = (name: string) => cal.MONTHS.indexOf(name as (typeof cal.MONTHS)[number]);
    let checked = 0;
    for (let i = 0; checked < 100; i++) {
      const d = gen(`between${i}`, 3);
      if (!d.tags!.includes('days-between') && !d.tags!.includes('days-inclusive')) continue;
      const found = [...d.messages[0]!.content.matchAll(DATE)].map((m) =>
        m[1] ? Date.UTC(+m[1], +m[2]! - 1, +m[3]!) : m[4] ? Date.UTC(+m[6]!, month(m[4]), +m[5]!) : Date.UTC(+m[9]!, month(m[8]!), +m[7]!),
      );
      const days = (found[found.length - 1]! - found[0]!) / DAY;
      expect(d.answer).toBe(String(d.tags!.includes('days-inclusive') ? days + 1 : days));
      checked++;
    }
  });
});

describe('inference.dates difficulty', () => {
  const ref = cal.parseIso(REF);
  const chains = (difficulty: number) =>
    Array.from({ length: 400 }, (_, i) => drawDateProblem(new Rng(`c${difficulty}-${i}`), ref, difficulty, 3).inputs).filter(
      (x): x is Extract<DateInputs, { kind: 'chain' }> => x.kind === 'chain',
    );

  it('chains more offsets and larger ones as difficulty grows', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const size = (d: number) => mean(chains(d).map((c) => c.offsets.reduce((s, o) => s + Math.abs(offsetDays(o)), 0)));
    expect(chains(1).every((c) => c.offsets.length === 1)).toBe(true);
    expect(chains(4).every((c) => c.offsets.length >= 2)).toBe(true);
    expect(chains(5).some((c) => c.offsets.length === 3)).toBe(true);
    expect(size(1)).toBeLessThan(size(3));
    expect(size(3)).toBeLessThan(size(5));
  });

  it('crosses month ends from difficulty 3 and 29 February often at 4', () => {
    const crosses = (c: Extract<DateInputs, { kind: 'chain' }>) => isoUtc(c.start).slice(0, 7) !== isoUtc(chainEnd(c.start, c.offsets)).slice(0, 7);
    const c3 = chains(3);
    expect(c3.filter(crosses).length / c3.length).toBeGreaterThan(0.95);
    const c4 = chains(4);
    const leap = c4.filter((c) => {
      const [a, b] = [c.start, chainEnd(c.start, c.offsets)].sort((x, y) => x - y);
      for (let day = a!; day <= b!; day++) if (isoUtc(day).endsWith('-02-29')) return true;
      return false;
    });
    // Half the chains are placed across a 29 February on purpose; others cross one by chance.
    expect(leap.length / c4.length).toBeGreaterThan(0.45);
  });
});

describe('inference.dates config', () => {
  it('rejects a bad spanYears and keeps dates within a small span', () => {
    expect(() => dates.validateConfig!({ difficulty: 2, spanYears: 0 })).toThrow(/spanYears/);
    expect(() => dates.validateConfig!({ difficulty: 2, spanYears: 2.5 })).toThrow(/spanYears/);
    const ref = cal.parseIso(REF);
    for (let i = 0; i < 300; i++) {
      const { task, inputs } = drawDateProblem(new Rng(`span${i}`), ref, 2, 1);
      // The anchor date lies within a year of today (a birth date is the one that lies further back).
      const anchor = inputs.kind === 'chain' ? inputs.start : inputs.kind === 'day' ? inputs.day : task === 'age' ? inputs.to : inputs.from;
      // Chains ending before their start are placed by their end date, up to 70 days (10 weeks) from the start.
      expect(Math.abs(anchor - ref)).toBeLessThanOrEqual(365 + 70);
    }
  });
});

describe('inference.dates items', () => {
  it('verify their own answer, accept a weekday abbreviation, and reject every near miss', () => {
    for (let i = 0; i < 400; i++) {
      const d = gen(`v${i}`, (i % 5) + 1);
      expect(verifyAnswer(d.ground_truth, d.answer!).pass).toBe(true);
      if (d.ground_truth.type === 'string') expect(verifyAnswer(d.ground_truth, d.answer!.slice(0, 3)).pass).toBe(true);
      const misses = dates.nearMisses(d, new Rng(`nm${i}`));
      expect(misses.length).toBeGreaterThanOrEqual(3);
      for (const m of misses) {
        if (verifyAnswer(d.ground_truth, m).pass) throw new Error(`near miss '${m}' passes for '${d.answer}'`);
      }
    }
  });

  it('are reproducible and say what form the answer takes', () => {
    expect(gen('same-seed')).toEqual(gen('same-seed'));
    for (let i = 0; i < 200; i++) {
      const d = gen(`form${i}`, (i % 5) + 1);
      expect(d.messages[0]!.content).toMatch(/YYYY-MM-DD|weekday|day of the week|name of the day|number|Reply with one word/i);
    }
  });
});

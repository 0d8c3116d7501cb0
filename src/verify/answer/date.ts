/**
 * Calendar dates parsed by hand (never `Date.parse`, whose reading of free text depends on the engine, locale and
 * time zone). Accepted, with an optional leading weekday that must be the right one ("Tuesday, March 5, 2024"):
 *   ISO and year-first numerals: 2024-03-05, 2024-3-5, 2024/03/05, 2024.03.05;
 *   month first: "March 5, 2024", "Mar 5 2024", "Mar. 5th, 2024";
 *   day first: "5 March 2024", "5th March, 2024", "5th of March 2024".
 * All-numeric day/month/year or month/day/year ("03/05/2024") is read only when it cannot be misread: when one
 * of the first two numbers is above 12 ("25/12/2024", "12/25/2024") or both are equal ("05/05/2024"). Otherwise it
 * is refused as ambiguous. Two-digit years are refused.
 */

export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

export type DateParse = { ok: true; date: CalendarDate } | { ok: false; reason: string };

/** Maps, so that tokens such as "constructor" find nothing. */
const MONTHS: ReadonlyMap<string, number> = new Map(Object.entries({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
}));

/** 0 = Sunday, as `weekday()` counts. */
const WEEKDAYS: ReadonlyMap<string, number> = new Map(Object.entries({
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6,
}));
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day of the week in the proleptic Gregorian calendar, 0 = Sunday (Sakamoto's method). */
export function weekday({ y, m, d }: CalendarDate): number {
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  return (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + offsets[m - 1]! + d) % 7;
}

function allDigits(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}

/** "5", "05", "5th", "21st" → the day number; a wrong suffix ("5st") or three digits → null. */
function dayToken(s: string): number | null {
  let digits = s;
  const tail = s.slice(-2);
  if (tail === 'st' || tail === 'nd' || tail === 'rd' || tail === 'th') digits = s.slice(0, -2);
  if (!allDigits(digits) || digits.length > 2) return null;
  const n = Number(digits);
  if (digits !== s && ordinalSuffix(n) !== tail) return null;
  return n;
}

function yearToken(s: string): number | null {
  return s.length === 4 && allDigits(s) ? Number(s) : null;
}

function checked(y: number, m: number, d: number): DateParse {
  if (y < 1 || m < 1 || m > 12) return { ok: false, reason: `no month ${m}` };
  if (d < 1 || d > daysInMonth(y, m)) return { ok: false, reason: `no day ${d} in ${y}-${String(m).padStart(2, '0')}` };
  return { ok: true, date: { y, m, d } };
}

function numericDate(tok: string): DateParse {
  let sep = '';
  for (let i = 0; i < tok.length && sep === ''; i++) {
    const c = tok[i];
    if (c === '-' || c === '/' || c === '.') sep = c;
  }
  const parts = sep === '' ? [] : tok.split(sep);
  if (parts.length !== 3 || !parts.every(allDigits)) return { ok: false, reason: 'not a date' };
  const [a, b, c] = parts as [string, string, string];
  if (a.length === 4 && b.length <= 2 && c.length <= 2) return checked(Number(a), Number(b), Number(c));
  if (c.length !== 4 || a.length > 2 || b.length > 2) return { ok: false, reason: 'not a date (years have four digits)' };
  const x = Number(a);
  const y = Number(b);
  if (x === y) return checked(Number(c), x, y);
  if (x > 12 && y <= 12) return checked(Number(c), y, x);
  if (y > 12 && x <= 12) return checked(Number(c), x, y);
  return { ok: false, reason: `ambiguous day/month order in ${JSON.stringify(tok)}` };
}

/** Parses a stripped, lower-cased candidate as one calendar date. */
export function parseDate(t: string): DateParse {
  if (t.length > 64) return { ok: false, reason: 'too long to be a date' };
  // Tokens are cut at spaces and commas; a token's final period goes ("Mar.", "Tue.").
  const tokens: string[] = [];
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    const c = t.charCodeAt(i);
    if (i < t.length && c !== 0x20 && c !== 0x2c) continue;
    const end = t.charCodeAt(i - 1) === 0x2e ? i - 1 : i;
    if (end > start) tokens.push(t.slice(start, end));
    start = i + 1;
  }
  const want = tokens.length > 0 ? WEEKDAYS.get(tokens[0]!) : undefined;
  if (want !== undefined) tokens.shift();
  let parsed: DateParse;
  if (tokens.length === 1) {
    parsed = numericDate(tokens[0]!);
  } else if (tokens.length === 3 || (tokens.length === 4 && tokens[1] === 'of')) {
    const first = tokens[0];
    const last = tokens[tokens.length - 1]!;
    const mid = tokens[tokens.length - 2]!;
    const year = yearToken(last);
    let month: number | undefined;
    let day: number | null = null;
    if (tokens.length === 3 && MONTHS.has(first!)) {
      month = MONTHS.get(first!);
      day = dayToken(mid);
    } else if (MONTHS.has(mid)) {
      month = MONTHS.get(mid);
      day = dayToken(first!);
    }
    if (year === null || month === undefined || day === null) return { ok: false, reason: 'not a date' };
    parsed = checked(year, month, day);
  } else {
    return { ok: false, reason: 'not a date' };
  }
  if (parsed.ok && want !== undefined && weekday(parsed.date) !== want) {
    return { ok: false, reason: `wrong weekday: ${isoDate(parsed.date)} is a ${WEEKDAY_NAMES[weekday(parsed.date)]}` };
  }
  return parsed;
}

export function isoDate({ y, m, d }: CalendarDate): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

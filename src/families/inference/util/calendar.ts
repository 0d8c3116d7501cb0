/**
 * Proleptic Gregorian calendar arithmetic on epoch days (days since 1970-01-01), with no Date object, so nothing
 * depends on the machine's time zone. The day/civil conversions follow the well-known era/day-of-era method
 * (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
 */

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface Civil {
  y: number;
  /** 1..12 */
  m: number;
  /** 1..31 */
  d: number;
}

/** Epoch day of a civil date (m 1..12). */
export function dayOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of an epoch day. */
export function civilOf(day: number): Civil {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday .. 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayIndex(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function weekdayName(day: number): string {
  return WEEKDAYS[weekdayIndex(day)]!;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoOf(day: number): string {
  const c = civilOf(day);
  return `${c.y}-${pad2(c.m)}-${pad2(c.d)}`;
}

/** Epoch day of a strict `yyyy-mm-dd` string; throws on anything else (it only reads the run's own config). */
export function parseIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: '${iso}'`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new Error(`not a calendar date: '${iso}'`);
  return dayOf(y, mo, d);
}

/** How a date is written in a prompt; the weekday-prefixed styles state the weekday too. */
export type DateStyle = 'iso' | 'us' | 'eu' | 'us-weekday' | 'eu-weekday';
export const PLAIN_STYLES: readonly DateStyle[] = ['iso', 'us', 'eu'];

export function formatDate(day: number, style: DateStyle): string {
  const c = civilOf(day);
  switch (style) {
    case 'iso':
      return isoOf(day);
    case 'us':
      return `${MONTHS[c.m - 1]} ${c.d}, ${c.y}`;
    case 'eu':
      return `${c.d} ${MONTHS[c.m - 1]} ${c.y}`;
    case 'us-weekday':
      return `${weekdayName(day)}, ${MONTHS[c.m - 1]} ${c.d}, ${c.y}`;
    case 'eu-weekday':
      return `${weekdayName(day)} ${c.d} ${MONTHS[c.m - 1]} ${c.y}`;
  }
}

/** The date `months` calendar months after `day`; only called with day-of-month <= 28, where it is unambiguous. */
export function addMonths(day: number, months: number): number {
  const c = civilOf(day);
  const total = c.y * 12 + (c.m - 1) + months;
  return dayOf(Math.floor(total / 12), (total % 12) + 1, c.d);
}

/** Complete calendar months from `from` to `to` (to >= from), for a start day-of-month <= 28. */
export function wholeMonthsBetween(from: number, to: number): number {
  const a = civilOf(from);
  const b = civilOf(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  return months;
}

/** Complete years from `from` to `to` (an age), for a start date that is not 29 February. */
export function wholeYearsBetween(from: number, to: number): number {
  const a = civilOf(from);
  const b = civilOf(to);
  let years = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years -= 1;
  return years;
}

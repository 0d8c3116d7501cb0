/**
 * verigen group `content`: digits, emoji and dates. A digit is any Unicode decimal digit (Python's `\d`, category
 * Nd: `٣` counts, `²` and `Ⅻ` do not). An emoji is any code point with the Unicode property Extended_Pictographic
 * (this includes © ® ™ ‼, which have pictographic forms).
 */
import { defineConstraint, KwargsError, parseKwargs, type CheckResult } from './types.js';
import { appendSentence, inCaseOf, phrase } from './verigen-util.js';

const ND = /\p{Nd}/u;
const ND_G = /\p{Nd}/gu;

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return ND.test(String.fromCodePoint(s.codePointAt(i)!));
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x30 && c <= 0x39) n++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (isDigitAt(s, i)) n++;
      i++;
    } else if (isDigitAt(s, i)) n++;
  }
  return n;
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English words for 0..999999; longer ASCII digit runs are read digit by digit. */
export function spellNumber(digits: string): string {
  if (digits.length > 6) return Array.from(digits, (d) => ONES[Number(d)] ?? 'digit').join(' ');
  const n = Number(digits);
  const below100 = (x: number) => (x < 20 ? ONES[x]! : TENS[Math.floor(x / 10)]! + (x % 10 ? '-' + ONES[x % 10] : ''));
  const below1000 = (x: number) => (x < 100 ? below100(x) : ONES[Math.floor(x / 100)] + ' hundred' + (x % 100 ? ' ' + below100(x % 100) : ''));
  return n < 1000 ? below1000(n) : below1000(Math.floor(n / 1000)) + ' thousand' + (n % 1000 ? ' ' + below1000(n % 1000) : '');
}

/** No decimal digit anywhere: numbers must be written in words. */
export const noDigits = defineConstraint<Record<string, never>>({
  id: 'verigen:content:no_digits',
  kwargs: [],
  check(response) {
    const n = countDigits(response);
    return { pass: n === 0, detail: n ? `found ${n} digit(s); required none (numbers spelled out)` : 'no digits found' };
  },
  sample: () => ({}),
  describe: (k, rng) =>
    phrase(rng, k, [
      () => 'Do not use any digits; spell out every number in words.',
      () => 'Write all numbers as words (for example "twelve", not "12"): no digits at all.',
      () => 'Your answer must contain no numerals 0-9 or other digits.',
    ]),
  witness: {
    phase: 'punctuation',
    apply(response) {
      const spelled = response.replace(/[0-9]+/g, (d) => inCaseOf(spellNumber(d), response));
      return spelled.replace(ND_G, () => inCaseOf('digit', response));
    },
  },
  // Sections are numbered with digits; ISO dates and digit minima need digits.
  conflicts: ['detectable_format:multiple_sections', 'verigen:content:min_digits', 'verigen:content:iso_date'],
});

/** At least `min_digits` decimal digits (each digit character counts; `2024` is four). */
export const minDigits = defineConstraint<{ min_digits: number }>({
  id: 'verigen:content:min_digits',
  kwargs: [{ name: 'min_digits', kind: { type: 'int', min: 1 } }],
  check(response, { min_digits }) {
    const n = countDigits(response);
    return { pass: n >= min_digits, detail: `found ${n} digit(s); required at least ${min_digits}` };
  },
  sample: (rng, difficulty) => ({ min_digits: rng.int(2, 4) * difficulty }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Include at least ${k.min_digits} digits (0-9) in your answer.`,
      (k) => `Your response must contain ${k.min_digits} or more numeric digits.`,
      (k) => `Use digits: no fewer than ${k.min_digits} digit characters overall.`,
    ]),
  witness: {
    phase: 'content',
    apply(response, { min_digits }, ctx) {
      const need = min_digits - countDigits(response);
      if (need <= 0) return response;
      let code = '';
      for (let i = 0; i < need; i++) code += String(ctx.rng.int(i === 0 ? 1 : 0, 9));
      return appendSentence(response, `The reference number is ${code}.`);
    },
  },
});

const EMOJI = /\p{Extended_Pictographic}/u;
const EMOJI_G = /\p{Extended_Pictographic}\uFE0F?/gu;

/** No emoji: no code point with the Unicode property Extended_Pictographic. */
export const noEmoji = defineConstraint<Record<string, never>>({
  id: 'verigen:content:no_emoji',
  kwargs: [],
  check(response) {
    const m = EMOJI.exec(response);
    return m ? { pass: false, detail: `found the emoji ${JSON.stringify(m[0])} at offset ${m.index}; required none` } : { pass: true, detail: 'no emoji found' };
  },
  sample: () => ({}),
  describe: (k, rng) =>
    phrase(rng, k, [
      () => 'Do not use any emoji.',
      () => 'Your answer must be free of emoji and pictographic symbols.',
      () => 'Write plain text only: no emoji characters at all.',
    ]),
  witness: { phase: 'punctuation', apply: (response) => response.replace(EMOJI_G, '') },
});

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first occurrence of `date` not glued to other digits. */
function findDate(response: string, date: string): CheckResult {
  let i = response.indexOf(date);
  while (i >= 0) {
    const before = i > 0 ? response.charCodeAt(i - 1) : -1;
    const after = response.charCodeAt(i + date.length);
    const digit = (c: number) => c >= 0x30 && c <= 0x39;
    const glued = digit(before) || digit(after) || (after === 0x2d && digit(response.charCodeAt(i + date.length + 1)));
    if (!glued) return { pass: true, detail: `contains the date ${date} at offset ${i}` };
    i = response.indexOf(date, i + 1);
  }
  return { pass: false, detail: `does not contain the date ${date} in YYYY-MM-DD form` };
}

/** The ISO date `date` (YYYY-MM-DD, a real calendar day) appears with no ASCII digit or hyphen-digit right before or after it. */
export const isoDate = defineConstraint<{ date: string }>({
  id: 'verigen:content:iso_date',
  kwargs: [{ name: 'date', kind: { type: 'string', nonEmpty: true } }],
  parse(raw) {
    const k = parseKwargs<{ date: string }>([{ name: 'date', kind: { type: 'string', nonEmpty: true } }], raw);
    const m = ISO.exec(k.date);
    const ok = m && (() => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const t = new Date(Date.UTC(y, mo - 1, d));
      return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
    })();
    if (!ok) throw new KwargsError('date', `must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(k.date)}`);
    return k;
  },
  check: (response, { date }) => findDate(response, date),
  sample(rng) {
    const t = new Date(Date.UTC(rng.int(1990, 2030), 0, 1) + rng.int(0, 364) * 86400000);
    const p = (n: number) => String(n).padStart(2, '0');
    return { date: `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}` };
  },
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Mention the date ${k.date}, written in ISO form (YYYY-MM-DD).`,
      (k) => `Include the date "${k.date}" exactly in that year-month-day format.`,
      (k) => `Your answer must state the date ${k.date} in ISO 8601 form.`,
    ]),
  witness: { phase: 'content', apply: (response, { date }) => (findDate(response, date).pass ? response : appendSentence(response, `The date is ${date}.`)) },
});

export const verigenContentConstraints = [noDigits, minDigits, noEmoji, isoDate] as const;

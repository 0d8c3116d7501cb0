/**
 * Reading numbers, dates and words out of a free-text answer, for the selffact verifier. Every function is one
 * left-to-right pass over the text (the only regular expressions have no nested or adjacent overlapping
 * quantifiers), so a verifier built on them is linear in the response and never throws.
 */

/**
 * Whether code unit `i` of the lower-cased text `t` belongs to a word: a letter (a character with an upper case of
 * its own) or digit, or a dot or comma between two digits ("1.7" is one token, not "1" and "7").
 */
function wordAt(t: string, i: number, c: number): boolean {
  if (c < 0x80) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) return true;
    return (c === 0x2e || c === 0x2c) && isDigit(t[i - 1]) && isDigit(t[i + 1]);
  }
  return t[i]!.toUpperCase() !== t[i];
}

/** Lower case, with every run of characters other than letters and digits turned into one space. */
export function normalizeWords(s: string): string {
  // Whole runs are sliced, not appended a character at a time: this runs on every target and truth phrase.
  const t = s.toLowerCase();
  let out = '';
  let start = -1;
  for (let i = 0; i < t.length; i++) {
    if (wordAt(t, i, t.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out += out === '' ? t.slice(start, i) : ' ' + t.slice(start, i);
      start = -1;
    }
  }
  if (start >= 0) out += out === '' ? t.slice(start) : ' ' + t.slice(start);
  return out;
}

/** The words of normalizeWords(s), without building the joined string. */
export function tokens(s: string): string[] {
  const t = s.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < t.length; i++) {
    if (wordAt(t, i, t.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(t.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(t.slice(start));
  return out;
}

/** Token indices where `phrase` (already tokenized) starts in `toks`. */
export function phraseAt(toks: readonly string[], phrase: readonly string[]): number[] {
  const out: number[] = [];
  if (phrase.length === 0) return out;
  for (let i = 0; i + phrase.length <= toks.length; i++) {
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) ok = toks[i + k] === phrase[k];
    if (ok) out.push(i);
  }
  return out;
}

/** Words that turn a statement into its opposite; "t" is what is left of "n't" after normalization. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 't', 'neither', 'nor', 'cannot']);

/** Whether a negation sits in the `window` tokens before position `at`. */
export function negatedAt(toks: readonly string[], at: number, window = 3): boolean {
  for (let k = Math.max(0, at - window); k < at; k++) if (NEGATIONS.has(toks[k]!)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

export interface NumberMention {
  value: number;
  /** Written with digits (true) or in words ("thirty-two"). */
  digits: boolean;
  /** Carried a scale word or letter ("8B", "8 billion", "128K"), already applied to `value`. */
  scaled: boolean;
}

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** Scale words and letters that may follow a digit number: "8B", "8 billion", "128K", "1.5 bn". */
const SUFFIXES: Readonly<Record<string, number>> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, millions: 1e6, b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9,
  t: 1e12, tn: 1e12, trillion: 1e12, trillions: 1e12,
};
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
/** Characters that group thousands: "8,030,261,248", "8 030 261 248" (thin or no-break space), "8_030", "8'030". */
const GROUP_SEPARATORS = ',_\u202f\u00a0\u2009\'';

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c > '\u007f' && c.toUpperCase() !== c));
}

function digitEnd(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j])) j++;
  return j;
}

/**
 * Every number in `text` (lower-cased by the caller): digit numbers with thousands groups, decimals and a scale
 * suffix, and number words ("thirty-two", "eight billion"). Digits glued to letters on their left ("v0.3",
 * "qwen2.5", "h100") are names, not numbers, and are skipped whole.
 */
export function scanNumbers(s: string): NumberMention[] {
  const out: NumberMention[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s[i]!;
    if (isDigit(c) || (c === '.' && isDigit(s[i + 1]) && !isDigit(s[i - 1]))) {
      if (isLetter(s[i - 1])) {
        // Part of a name: skip the whole run of letters, digits, dots and hyphens.
        while (i < n && (isLetter(s[i]) || isDigit(s[i]) || s[i] === '.' || s[i] === '-')) i++;
        continue;
      }
      let j = digitEnd(s, i);
      let intPart = s.slice(i, j);
      if (intPart.length >= 1 && intPart.length <= 3) {
        const sep = s[j];
        if (sep !== undefined && GROUP_SEPARATORS.includes(sep)) {
          while (s[j] === sep && digitEnd(s, j + 1) === j + 4) {
            intPart += s.slice(j + 1, j + 4);
            j += 4;
          }
        }
      }
      let frac = '';
      if (s[j] === '.' && isDigit(s[j + 1])) {
        const end = digitEnd(s, j + 1);
        frac = s.slice(j + 1, end);
        j = end;
      }
      let value = Number(`${intPart || '0'}.${frac || '0'}`);
      // A scientific exponent: "1e6", "5e+05".
      if (s[j] === 'e' && (isDigit(s[j + 1]) || ((s[j + 1] === '+' || s[j + 1] === '-') && isDigit(s[j + 2])))) {
        const start = s[j + 1] === '+' || s[j + 1] === '-' ? j + 2 : j + 1;
        const end = digitEnd(s, start);
        if (end - start <= 3 && !isLetter(s[end])) {
          value *= 10 ** ((s[j + 1] === '-' ? -1 : 1) * Number(s.slice(start, end)));
          j = end;
        }
      }
      // A scale suffix, glued or after one space or hyphen.
      let k = j;
      if (s[k] === ' ' || s[k] === '-') k++;
      let w = k;
      while (isLetter(s[w])) w++;
      const word = s.slice(k, w);
      let scaled = false;
      if (word !== '' && SUFFIXES[word] !== undefined) {
        value *= SUFFIXES[word]!;
        scaled = true;
        j = w;
      } else if (k === j && word !== '' && !ORDINAL_SUFFIXES.has(word)) {
        // Digits glued to other letters on their right ("4o", "3d"): a name; skip it.
        i = w;
        continue;
      } else if (k === j && ORDINAL_SUFFIXES.has(word)) {
        j = w;
      }
      out.push({ value, digits: true, scaled });
      i = j;
      continue;
    }
    if (isLetter(c)) {
      let j = i;
      while (isLetter(s[j])) j++;
      const word = s.slice(i, j);
      if (UNITS[word] === undefined) {
        i = j;
        continue;
      }
      // A run of number words: "one hundred twenty-eight thousand", "eight billion".
      let total = 0;
      let current = 0;
      let scaled = false;
      let last = i;
      let pos = i;
      for (;;) {
        let e = pos;
        while (isLetter(s[e])) e++;
        const w = s.slice(pos, e);
        if (UNITS[w] !== undefined) current += UNITS[w]!;
        else if (w === 'hundred') current = (current || 1) * 100;
        else if (SCALES[w] !== undefined) {
          total += (current || 1) * SCALES[w]!;
          current = 0;
          scaled = true;
        } else if (w !== 'and' || e === pos) break;
        last = e;
        let next = e;
        if (s[next] === ' ' || s[next] === '-') next++;
        if (!isLetter(s[next])) break;
        pos = next;
      }
      out.push({ value: total + current, digits: false, scaled });
      i = last;
      continue;
    }
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

export interface DateMention {
  year?: number;
  month?: number;
  day?: number;
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7,
  jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};

const ISO = /(?<![0-9])([0-9]{4})[-/]([0-9]{1,2})(?:[-/]([0-9]{1,2}))?(?![0-9])/g;

function dayToken(t: string | undefined): number | undefined {
  if (t === undefined) return undefined;
  let end = 0;
  while (end < t.length && isDigit(t[end])) end++;
  if (end === 0 || end > 2) return undefined;
  const rest = t.slice(end);
  if (rest !== '' && !ORDINAL_SUFFIXES.has(rest)) return undefined;
  const d = Number(t.slice(0, end));
  return d >= 1 && d <= 31 ? d : undefined;
}

function yearToken(t: string | undefined): number | undefined {
  if (t === undefined || t.length !== 4 || !isDigit(t[0]) || !isDigit(t[3])) return undefined;
  const y = Number(t);
  return Number.isInteger(y) && y >= 1900 && y <= 2099 ? y : undefined;
}

/** Every date in `text`: ISO (2024-03-05, 2024-03, 2024/03/05), "March 5, 2024", "5 March 2024", "Dec 2023", years. */
export function scanDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  const lower = text.toLowerCase();
  ISO.lastIndex = 0;
  let rest = '';
  let from = 0;
  for (let m = ISO.exec(lower); m !== null; m = ISO.exec(lower)) {
    const month = Number(m[2]);
    const day = m[3] === undefined ? undefined : Number(m[3]);
    if (month >= 1 && month <= 12 && (day === undefined || (day >= 1 && day <= 31))) {
      out.push(day === undefined ? { year: Number(m[1]), month } : { year: Number(m[1]), month, day });
      rest += lower.slice(from, m.index) + ' ';
      from = m.index + m[0].length;
    }
  }
  rest += lower.slice(from);
  const toks = tokens(rest);
  const used = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const month = MONTHS[toks[i]!];
    // "may" is also a verb: it is a month only next to a day or a year.
    if (month === undefined) continue;
    let day: number | undefined;
    let year: number | undefined;
    let j = i + 1;
    const after = dayToken(toks[j]);
    if (after !== undefined && yearToken(toks[j]) === undefined) {
      day = after;
      j++;
    }
    if (toks[j] === 'of') j++;
    year = yearToken(toks[j]);
    if (year !== undefined) used[j] = 1;
    if (day === undefined) {
      // "5 March 2024", "5th of March 2024".
      let b = i - 1;
      if (toks[b] === 'of') b--;
      const before = dayToken(toks[b]);
      if (before !== undefined && b >= 0 && !used[b]) {
        day = before;
        used[b] = 1;
      }
    }
    if (day === undefined && year === undefined) continue;
    used[i] = 1;
    const m: DateMention = { month };
    if (year !== undefined) m.year = year;
    if (day !== undefined) m.day = day;
    out.push(m);
  }
  for (let i = 0; i < toks.length; i++) {
    if (used[i]) continue;
    const y = yearToken(toks[i]);
    if (y !== undefined) out.push({ year: y });
  }
  return out;
}

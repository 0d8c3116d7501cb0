/**
 * Python `str` semantics that IFEval's reference verifiers depend on, written for JavaScript strings.
 *
 * The reference is Python 3: `str.strip()`, `str.split()`, the `\s`, `\w` and `\d` classes of `re` on str patterns,
 * `str.isupper()` / `str.islower()` all follow Unicode, where JavaScript's `trim()`, `\s`, `\w` differ (JS trims
 * U+FEFF and not U+001C–U+001F or U+0085; JS `\w` and `\d` are ASCII). Character classes here follow the Unicode
 * version of the running Node (17.0 on Node 20.19); Python 3.11 uses Unicode 14.0, so only code points assigned after
 * 14.0 can be classed differently.
 */

/** Python's whitespace (`str.isspace()`, and `\s` in `re` str patterns), as a regex class body. */
export const PY_WS_CLASS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Python's `\w` in str patterns: `str.isalnum()` or `_` (letters and numbers of any category, not marks). */
export const PY_WORD_CLASS = '\\p{L}\\p{N}_';
/** Python's `\d` in str patterns: decimal digits (Nd). */
export const PY_DIGIT_CLASS = '\\p{Nd}';

const WORD_RE = new RegExp(`[${PY_WORD_CLASS}]`, 'u');
const UPPER_RE = /\p{Uppercase}/u;
const LOWER_RE = /\p{Lowercase}/u;
const TITLE_RE = /\p{Lt}/u;
const CASED_RE = /[\p{Uppercase}\p{Lowercase}\p{Lt}]/u;

/** True when the UTF-16 code unit (or code point) is Python whitespace. */
export function isPyWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Python `\w` membership of BMP code points, filled on first use: 0 unknown, 1 word, 2 not. */
const wordBmp = new Uint8Array(0x10000);

/** Whether code point `cp` is a Python `\w` character. */
export function isPyWordCp(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
  if (cp < 0x10000) {
    let k = wordBmp[cp]!;
    if (k === 0) wordBmp[cp] = k = WORD_RE.test(String.fromCharCode(cp)) ? 1 : 2;
    return k === 1;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

/** True when the code point at `i` of `s` (a whole code point, or a lone surrogate) is a Python `\w` character. */
export function isPyWordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  return isPyWordCp(s.codePointAt(i)!);
}

/** Python `str.strip()` with no argument. */
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isPyWhitespaceCode(s.charCodeAt(a))) a++;
  while (b > a && isPyWhitespaceCode(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Python `str.rstrip()` with no argument. */
export function pyRstrip(s: string): string {
  let b = s.length;
  while (b > 0 && isPyWhitespaceCode(s.charCodeAt(b - 1))) b--;
  return b === s.length ? s : s.slice(0, b);
}

/** Python `str.strip(chars)` for a set of BMP characters. */
export function pyStripChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Python `str.split()` with no argument: runs of whitespace separate, leading and trailing runs give no field. */
export function pySplitWhitespace(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isPyWhitespaceCode(s.charCodeAt(i))) {
      if (start >= 0) out.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** The first whitespace-separated field of `s` (Python `s.split()[0]`), or '' when there is none. */
export function pyFirstField(s: string): string {
  let i = 0;
  while (i < s.length && isPyWhitespaceCode(s.charCodeAt(i))) i++;
  let j = i;
  while (j < s.length && !isPyWhitespaceCode(s.charCodeAt(j))) j++;
  return s.slice(i, j);
}

/** Python `str.lower()`: the full Unicode lowercase mapping, as JavaScript's `toLowerCase` also applies. */
export function pyLower(s: string): string {
  return s.toLowerCase();
}

export type CaseKind = 'upper' | 'lower' | 'title' | null;

const caseCache = new Map<number, CaseKind>();

/** Python case predicate of one code point: 'upper', 'lower', 'title' or null (uncased). */
export function caseOfCp(cp: number): CaseKind {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? 'upper' : cp >= 0x61 && cp <= 0x7a ? 'lower' : null;
  let k = caseCache.get(cp);
  if (k !== undefined) return k;
  const ch = String.fromCodePoint(cp);
  k = !CASED_RE.test(ch) ? null : TITLE_RE.test(ch) ? 'title' : LOWER_RE.test(ch) ? 'lower' : UPPER_RE.test(ch) ? 'upper' : null;
  if (caseCache.size >= 1 << 16) caseCache.clear();
  caseCache.set(cp, k);
  return k;
}

/** Python `str.isupper()`: at least one cased character and no lowercase or titlecase one. */
export function pyIsUpper(s: string): boolean {
  let cased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) return false;
      if (c >= 0x41 && c <= 0x5a) cased = true;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const k = caseOfCp(cp);
    if (k === 'lower' || k === 'title') return false;
    if (k === 'upper') cased = true;
  }
  return cased;
}

/** Python `str.islower()`: at least one cased character and no uppercase or titlecase one. */
export function pyIsLower(s: string): boolean {
  let cased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) return false;
      if (c >= 0x61 && c <= 0x7a) cased = true;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const k = caseOfCp(cp);
    if (k === 'upper' || k === 'title') return false;
    if (k === 'lower') cased = true;
  }
  return cased;
}

/** Whether the first code point of `s` is uppercase / lowercase in Python's sense (`s[0].isupper()`). */
export function firstIsUpper(s: string): boolean {
  return s.length > 0 && caseOfCp(s.codePointAt(0)!) === 'upper';
}
export function firstIsLower(s: string): boolean {
  return s.length > 0 && caseOfCp(s.codePointAt(0)!) === 'lower';
}

/** Number of code points (Python `len`); a lone surrogate counts as one, as Python counts it. */
export function pyLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

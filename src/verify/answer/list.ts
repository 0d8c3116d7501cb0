/**
 * Lists: the candidate is split into elements on commas, semicolons and newlines, after removing a bullet or a
 * number at the start of each line ("- a", "* a", "• a", "1. a", "2) a", "(3) a") and a bracket pair around the
 * whole ("[a, b]"). A second, looser split also cuts at the word "and" and at "&" ("a, b and c", "a & b"); the
 * cascade tries the strict split first so that an element such as "Procter and Gamble" survives when the answer
 * has it. Elements are compared like strings (wrappers stripped, case and whitespace folded unless case-sensitive),
 * and elements that are plain numbers compare by value ("3.0" = "3").
 */
import { decimalKey, parseNumber } from './number.js';
import { collapseWhitespace, normalizeAnswerText, stripWrappers } from './normalize.js';

const BULLETS = '-*•+·‣▪–';

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Index after a bullet or list number (and the blanks after it) at `i`, the start of a line; `i` if none. */
function afterLineMarker(s: string, i: number): number {
  let j = i;
  if (BULLETS.includes(s[j] ?? '\u0000')) j++;
  else {
    const paren = s[j] === '(';
    if (paren) j++;
    const start = j;
    while (j - start < 3 && isDigitCode(s.charCodeAt(j))) j++;
    if (j === start) return i;
    if (paren ? s[j] !== ')' : s[j] !== '.' && s[j] !== ')') return i;
    j++;
  }
  if (s[j] !== ' ' && s[j] !== '\t') return i;
  while (s[j] === ' ' || s[j] === '\t') j++;
  return j;
}

/**
 * Splits `piece` at the word "and" (any case, between blanks, or at either end), pushing non-empty parts, and stops
 * once `out` holds more than `limit`.
 */
function pushAndParts(piece: string, out: string[], limit: number): void {
  const p = collapseWhitespace(piece);
  let start = 0;
  for (let i = 0; i + 3 <= p.length && out.length <= limit; i++) {
    if ((p.charCodeAt(i) | 0x20) !== 0x61 || (p.charCodeAt(i + 1) | 0x20) !== 0x6e || (p.charCodeAt(i + 2) | 0x20) !== 0x64) continue;
    if ((i > 0 && p[i - 1] !== ' ') || (i + 3 < p.length && p[i + 3] !== ' ')) continue;
    const part = p.slice(start, i).trim();
    if (part !== '') out.push(part);
    start = i + 3;
    i += 2;
  }
  if (out.length > limit) return;
  const last = p.slice(start).trim();
  if (last !== '') out.push(last);
}

/**
 * Splits a candidate into raw element texts; `loose` also splits at "and" and "&". One pass; it stops as soon as it
 * has more than `limit` elements (the caller needs the same count as the answer), so a 5 MB text of commas costs
 * one scan and not millions of elements.
 */
export function splitList(text: string, loose: boolean, limit = Infinity): string[] {
  let body = stripWrappers(text);
  const open = body[0];
  const close = body[body.length - 1];
  if ((open === '[' && close === ']') || (open === '(' && close === ')') || (open === '{' && close === '}')) {
    body = body.slice(1, -1);
  }
  const out: string[] = [];
  let lineStart = true;
  let pieceStart = 0;
  const n = body.length;
  for (let i = 0; i <= n && out.length <= limit; i++) {
    if (lineStart) {
      while (body.charCodeAt(i) === 0x20 || body.charCodeAt(i) === 0x09) i++;
      i = afterLineMarker(body, i);
      pieceStart = i;
      lineStart = false;
    }
    const c = body.charCodeAt(i); // NaN at the end
    const newline = c === 0x0a || c === 0x0d;
    if (i === n || newline || c === 0x2c /* , */ || c === 0x3b /* ; */ || (loose && c === 0x26) /* & */) {
      const piece = body.slice(pieceStart, i);
      if (loose) pushAndParts(piece, out, limit);
      else {
        const t = piece.trim();
        if (t !== '') out.push(t);
      }
      pieceStart = i + 1;
      lineStart = newline;
    }
  }
  return out;
}

/** The comparison key of one element: its value for a plain number, else its normalized text. */
export function elementKey(el: string, caseSensitive: boolean): string {
  const norm = normalizeAnswerText(el, caseSensitive);
  const c = norm.charCodeAt(0);
  // Only texts that start like a number can be one (a spelled number starts with a letter and is short).
  const maybe = (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x2212 || norm.length <= 9;
  const num = maybe ? parseNumber(caseSensitive ? norm.toLowerCase() : norm, [], false) : null;
  return num !== null && num.ok ? `n:${decimalKey(num.num)}` : `s:${norm}`;
}

/** Where two key lists part: null when they match. Described only on demand (most mismatches are retried). */
export interface ListMismatch {
  expected: string[];
  got: string[];
  /** -1: the lengths differ. */
  index: number;
  ordered: boolean;
}

function preview(key: string): string {
  const t = key.slice(2);
  return JSON.stringify(t.length > 30 ? t.slice(0, 30) + '…' : t);
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Compares element keys in order, or as multisets when `ordered` is false. */
export function compareLists(expected: string[], got: string[], ordered: boolean): ListMismatch | null {
  if (expected.length !== got.length) return { expected, got, index: -1, ordered };
  const e = ordered ? expected : [...expected].sort(byCodeUnit);
  const g = ordered ? got : [...got].sort(byCodeUnit);
  for (let i = 0; i < e.length; i++) if (e[i] !== g[i]) return { expected: e, got: g, index: i, ordered };
  return null;
}

export function describeMismatch(m: ListMismatch): string {
  if (m.index < 0) return `${m.got.length} elements, expected ${m.expected.length}`;
  if (m.ordered) return `element ${m.index + 1} is ${preview(m.got[m.index]!)}, expected ${preview(m.expected[m.index]!)}`;
  return `${preview(m.got[m.index]!)} is not among the expected elements (or is there too often)`;
}

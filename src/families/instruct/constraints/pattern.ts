/**
 * Kwargs that the reference uses as Python regular expressions (keywords, forbidden words, the section splitter, a
 * custom postscript marker), compiled to JavaScript patterns that run in linear time.
 *
 * IFEval's kwargs are plain words, for which a Python pattern is a literal: those match exactly as in the reference.
 * The one metacharacter that plain text commonly holds, `.`, keeps its Python meaning (any character but a newline),
 * as does a backslash before punctuation (`\.` is a literal period). Any other regex syntax (quantifiers, groups,
 * classes, anchors, alternation, `\d`-style escapes) is matched literally instead: a pattern from kwargs must never
 * backtrack catastrophically, and the reference itself fails on several of them (`c++` raises "multiple repeat").
 * The compiled pattern has no quantifier, so a search costs O(response × pattern).
 */
import { isPyWordAt, PY_WORD_CLASS } from '../../../text/python.js';

export interface PyPattern {
  /** JavaScript source of the pattern (no flags). */
  source: string;
  /** False when regex syntax was found and the kwarg is matched literally. */
  asPython: boolean;
}

const JS_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

function escapeJs(s: string): string {
  return s.replace(JS_SYNTAX, '\\$&');
}

const ALNUM = /^[A-Za-z0-9]$/;
/** Python's IGNORECASE also equates i, I, dotless ı and dotted İ, which JavaScript's `iu` folding does not. */
const PY_I_CLASS = '[iI\u0131\u0130]';

function compile(src: string, ignoreCase: boolean): PyPattern {
  let out = '';
  const chars = Array.from(src);
  const lit = (c: string) => (ignoreCase && 'iI\u0131\u0130'.includes(c) ? PY_I_CLASS : escapeJs(c));
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\') {
      const next = chars[i + 1];
      if (next === undefined || ALNUM.test(next)) return literal(src, ignoreCase);
      out += lit(next);
      i++;
    } else if (c === '.') out += '[^\\n]';
    else if ('^$*+?()[|'.includes(c)) return literal(src, ignoreCase);
    else if (c === '{' && /^\{\d*,?\d*\}/.test(chars.slice(i, i + 24).join(''))) return literal(src, ignoreCase);
    else out += lit(c);
  }
  return { source: out, asPython: true };
}

function literal(src: string, ignoreCase: boolean): PyPattern {
  const source = ignoreCase ? Array.from(src, (c) => ('iI\u0131\u0130'.includes(c) ? PY_I_CLASS : escapeJs(c))).join('') : escapeJs(src);
  return { source, asPython: false };
}

const compiled = new Map<string, PyPattern>();

/** Python regex source → linear JavaScript source, or a literal when it uses more than `.` and escaped punctuation. */
export function compilePyPattern(src: string, ignoreCase = false): PyPattern {
  const key = (ignoreCase ? 'i' : '-') + src;
  let p = compiled.get(key);
  if (!p) {
    p = compile(src, ignoreCase);
    if (compiled.size > 4096) compiled.clear();
    compiled.set(key, p);
  }
  return p;
}

const cache = new Map<string, RegExp>();

/**
 * A compiled, cached RegExp for `src` (a Python pattern) with JavaScript `flags` (`u` is always added), optionally
 * between a `prefix` and a `suffix` of JavaScript source.
 */
export function pyRegExp(src: string, flags: string, prefix = '', suffix = ''): RegExp {
  const key = flags + '\u0000' + prefix + '\u0000' + suffix + '\u0000' + src;
  let re = cache.get(key);
  if (!re) {
    const body = compilePyPattern(src, flags.includes('i')).source;
    const f = flags.includes('u') ? flags : flags + 'u';
    try {
      re = new RegExp(prefix + body + suffix, f);
    } catch {
      // Unreachable for escaped sources; a literal match keeps the check total if it ever is reached.
      re = new RegExp(prefix + escapeJs(src) + suffix, f);
    }
    if (cache.size > 4096) cache.clear();
    cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * The first match of Python's `\bPATTERN\b` (IGNORECASE) in `text`, or -1: candidates from a plain search, each
 * checked for a word boundary (Python's Unicode `\w`) at both ends. Cheaper than lookbehinds in the pattern.
 */
export function searchBetweenBoundaries(src: string, text: string): number {
  const re = pyRegExp(src, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const a = m.index;
    const b = a + m[0].length;
    if (boundaryAt(text, a) && boundaryAt(text, b)) return a;
    // Next start: one code point on (a lastIndex inside a surrogate pair would be moved back by a `u` RegExp).
    const cp = text.codePointAt(a);
    re.lastIndex = a + (cp !== undefined && cp > 0xffff ? 2 : 1);
    if (re.lastIndex > text.length) break;
  }
  return -1;
}

/** Python's `\b` at offset `i`: exactly one of the characters around it is a word character. */
function boundaryAt(text: string, i: number): boolean {
  const before = i > 0 && isPyWordAt(text, prevCharStart(text, i));
  const after = i < text.length && isPyWordAt(text, i);
  return before !== after;
}

function prevCharStart(text: string, i: number): number {
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/** Python's `\b` (Unicode word boundary) as a lookaround. */
export const PY_WORD_BOUNDARY = `(?:(?<=[${PY_WORD_CLASS}])(?![${PY_WORD_CLASS}])|(?<![${PY_WORD_CLASS}])(?=[${PY_WORD_CLASS}]))`;

/** Number of non-overlapping matches of a global RegExp (Python `len(re.findall(...))` for non-empty patterns). */
export function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    n++;
    if (m[0].length === 0) {
      // Python's findall also yields an empty match at every position (code point), end included.
      const cp = text.codePointAt(re.lastIndex);
      re.lastIndex += cp !== undefined && cp > 0xffff ? 2 : 1;
      if (re.lastIndex > text.length) break;
    }
  }
  return n;
}

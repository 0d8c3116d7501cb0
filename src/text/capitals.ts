/**
 * The number of all-capital words as IFEval's `change_case:capital_word_frequency` counts them: the tokens of
 * `nltk.word_tokenize` (src/text/treebank.ts) for which Python's `str.isupper()` holds.
 *
 * Running the Treebank rules on every sentence is the slow part, and mostly unnecessary: the rules only ever split a
 * whitespace-delimited chunk at punctuation (or at a contraction point, or next to an apostrophe), and never join
 * chunks. So a chunk whose cased characters all sit in one run of word characters, with no apostrophe next to the run
 * and no contraction word as the run, yields exactly one token holding those cased characters: it adds 1 when the
 * chunk is upper case, else 0, wherever it stands; a chunk with no uppercase character adds 0 whatever it holds. Only
 * sentences holding some other chunk (`DON'T`, `A;B`, `U.S.`, `CANNOT`, `I'm`) go through punkt and the Treebank
 * rules. Exact either way; the tests compare both paths with NLTK.
 */
import { sentenceSpans } from './punkt.js';
import { caseOfCp, isPyWhitespaceCode as isWs, isPyWordCp, pyIsUpper } from './python.js';
import { treebankTokenize } from './treebank.js';

/** Runs the contraction rules split inside (`wanna` only before whitespace, but any occurrence is sent the slow way). */
const CONTRACTION_RUNS = new Set(['cannot', 'gimme', 'gonna', 'gotta', 'lemme', 'wanna']);

const COMPLEX = -1;

/** ASCII `\w` (letters, digits, `_`). */
function isAsciiWord(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * A chunk's contribution: 1 or 0, or COMPLEX when only the Treebank rules can tell. A chunk without an uppercase
 * character contributes 0 however the rules split it (they only insert spaces and rewrite quotes, so no token of it
 * can be upper case), which keeps `don't` or `e.g.` off the slow path.
 */
function chunkCapitals(text: string, a: number, b: number): number {
  // Plain ASCII chunks (most of them) in one pass; anything else takes the general path.
  let first = -1;
  let lastEnd = -1;
  let upper = false;
  let lower = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return chunkCapitalsGeneral(text, a, b);
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c >= 0x61 && c <= 0x7a) lower = true;
    else continue;
    if (first < 0) first = i;
    lastEnd = i + 1;
  }
  if (!upper) return 0;
  for (let i = first; i < lastEnd; i++) if (!isAsciiWord(text.charCodeAt(i))) return COMPLEX;
  let s = first;
  while (s > a && isAsciiWord(text.charCodeAt(s - 1))) s--;
  let e = lastEnd;
  while (e < b && isAsciiWord(text.charCodeAt(e))) e++;
  if (s > a && text.charCodeAt(s - 1) === 0x27) return COMPLEX;
  if (e < b && text.charCodeAt(e) === 0x27) return COMPLEX;
  if (e - s >= 5 && e - s <= 6 && CONTRACTION_RUNS.has(text.slice(s, e).toLowerCase())) return COMPLEX;
  return lower ? 0 : 1;
}

/** chunkCapitals for a chunk with some non-ASCII character. */
function chunkCapitalsGeneral(text: string, a: number, b: number): number {
  let first = -1;
  let lastEnd = -1;
  let upper = false;
  for (let i = a; i < b; i++) {
    const cp = text.codePointAt(i)!;
    const wide = cp > 0xffff;
    const k = caseOfCp(cp);
    if (k !== null) {
      if (first < 0) first = i;
      lastEnd = i + (wide ? 2 : 1);
      if (k === 'upper') upper = true;
    }
    if (wide) i++;
  }
  if (!upper) return 0;
  for (let i = first; i < lastEnd; i++) {
    const cp = text.codePointAt(i)!;
    if (!isPyWordCp(cp)) return COMPLEX;
    if (cp > 0xffff) i++;
  }
  // Extend to the whole word run, and refuse runs next to an apostrophe or equal to a contraction.
  let s = first;
  while (s > a && isPyWordCp(text.codePointAt(s - 1)!) && !isLowSurrogate(text.charCodeAt(s - 1))) s--;
  if (s > a && isLowSurrogate(text.charCodeAt(s - 1))) return COMPLEX;
  let e = lastEnd;
  while (e < b && isPyWordCp(text.codePointAt(e)!)) e += text.codePointAt(e)! > 0xffff ? 2 : 1;
  if (text[s - 1] === "'" && s > a) return COMPLEX;
  if (text[e] === "'" && e < b) return COMPLEX;
  // ı and İ match the contraction rules' `i` (as in Python's `re`); İ is replaced first, as lowercasing makes it two.
  if (e - s <= 6 && CONTRACTION_RUNS.has(text.slice(s, e).replace(/[\u0131\u0130]/g, 'i').toLowerCase())) return COMPLEX;
  return pyIsUpper(text.slice(a, b)) ? 1 : 0;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Sum of chunk contributions over text[a, b), or COMPLEX as soon as one chunk is. */
function simpleCount(text: string, a: number, b: number): number {
  let n = 0;
  let i = a;
  while (i < b) {
    while (i < b && isWs(text.charCodeAt(i))) i++;
    if (i >= b) break;
    let j = i;
    while (j < b && !isWs(text.charCodeAt(j))) j++;
    const c = chunkCapitals(text, i, j);
    if (c === COMPLEX) return COMPLEX;
    n += c;
    i = j;
  }
  return n;
}

/**
 * Counts of recent sentences that needed the Treebank rules. The loose variants of a response share all but a line,
 * so the same sentences come back up to 8 times. Bounded: forgotten all at once when full; long sentences are not kept.
 */
const treebankMemo = new Map<string, number>();
const TREEBANK_MEMO_MAX = 1024;
const TREEBANK_MEMO_KEY_MAX = 2000;

function treebankCapitals(sentence: string): number {
  const keep = sentence.length <= TREEBANK_MEMO_KEY_MAX;
  let n = keep ? treebankMemo.get(sentence) : undefined;
  if (n !== undefined) return n;
  n = 0;
  for (const tok of treebankTokenize(sentence)) if (pyIsUpper(tok)) n++;
  if (keep) {
    if (treebankMemo.size >= TREEBANK_MEMO_MAX) treebankMemo.clear();
    treebankMemo.set(sentence, n);
  }
  return n;
}

/** The number of `nltk.word_tokenize` tokens that are all capitals (`str.isupper()`). */
export function countCapitalWords(text: string): number {
  const quick = simpleCount(text, 0, text.length);
  if (quick !== COMPLEX) return quick;
  let n = 0;
  for (const [a, b] of sentenceSpans(text)) {
    const c = simpleCount(text, a, b);
    n += c !== COMPLEX ? c : treebankCapitals(text.slice(a, b));
  }
  return n;
}

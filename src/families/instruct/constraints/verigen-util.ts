/**
 * Shared pieces of verigen's own constraints (`verigen:<group>:<name>`): word spans with Python's `\w`, kwargs
 * checks beyond the plain specs, phrasing helpers and witness helpers. Every function here is total and linear.
 *
 * Words everywhere in the verigen groups are the maximal runs of Python's Unicode `\w` (letters and numbers of any
 * script, and `_`), as IFEval's `count_words` reads them; `don't` is two words. Sentences are NLTK punkt's English
 * sentences (src/text/punkt.ts). Case-insensitive comparisons use Python's `str.lower()`.
 */
import type { Rng } from '../../../core/rng.js';
import { sentenceSpans } from '../../../text/punkt.js';
import { isPyWhitespaceCode, isPyWordAt, pyIsLower, pyIsUpper, pyLower, pyRstrip, pyStrip } from '../../../text/python.js';
import { wordTokens } from '../../../text/words.js';
import { KwargsError, type WitnessContext } from './types.js';

/** Spans [start, end) of the maximal `\w` runs of `text`, in order (surrogate pairs kept whole). */
export function wordSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (isPyWordAt(text, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push([start, i]);
      start = -1;
    }
    if (wide) i++;
  }
  if (start >= 0) out.push([start, text.length]);
  return out;
}

/** The punkt sentences of `text` as strings. */
export function sentenceList(text: string): string[] {
  return sentenceSpans(text).map(([a, b]) => text.slice(a, b));
}

/** Validates that `value` (the kwarg `field`) is exactly one `\w` word. */
export function requireWord(field: string, value: string): string {
  const toks = wordTokens(value);
  if (toks.length !== 1 || toks[0] !== value) throw new KwargsError(field, `must be a single word of letters, digits or _, got ${JSON.stringify(value)}`);
  return value;
}

/** Validates that `value` is one ASCII letter; returns it lowercased. */
export function requireAsciiLetter(field: string, value: string): string {
  if (!/^[A-Za-z]$/.test(value)) throw new KwargsError(field, `must be one ASCII letter a-z or A-Z, got ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

/** Validates `lo <= hi` for a range's two kwargs. */
export function requireRange(loName: string, lo: number, hiName: string, hi: number): void {
  if (hi < lo) throw new KwargsError(hiName, `must be at least ${loName} (${lo}), got ${hi}`);
}

/** One phrasing, drawn among several, rendered from the kwargs. */
export function phrase<K>(rng: Rng, k: K, forms: readonly ((k: K) => string)[]): string {
  return rng.pick(forms)(k);
}

/** `s` with its first character uppercased. */
export function cap(s: string): string {
  return s.length ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/**
 * `word` in the case the response already keeps: all upper when the response is all upper, all lower when it is all
 * lower (so that a step run after a case step does not undo it), else as given.
 */
export function inCaseOf(word: string, response: string): string {
  if (pyIsUpper(response)) return word.toUpperCase();
  if (pyIsLower(response)) return word.toLowerCase();
  return word;
}

/** Appends `sentence` after `response` with one space (or alone when the response is blank). */
export function appendSentence(response: string, sentence: string): string {
  const base = pyRstrip(response);
  return base ? `${base} ${sentence}` : sentence;
}

/** A sentence of `n` filler words, capitalized and ended with a period. */
export function fillerSentence(ctx: WitnessContext, n: number): string {
  const words = ctx.words(Math.max(1, n));
  return cap(words.join(' ')) + '.';
}

/** Counts whole-word, case-insensitive occurrences of `word` among the `\w` runs of `text`. */
export function countWord(text: string, word: string): number {
  const w = pyLower(word);
  let n = 0;
  for (const [a, b] of wordSpans(text)) if (b - a === w.length && pyLower(text.slice(a, b)) === w) n++;
  return n;
}

/** Non-overlapping, case-sensitive literal occurrences of `needle` (no regex: kwargs are matched literally). */
export function countLiteral(text: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  let i = text.indexOf(needle);
  while (i >= 0) {
    n++;
    i = text.indexOf(needle, i + needle.length);
  }
  return n;
}

/** True when the text holds a line break (`\n`, `\r`, or a Python line boundary such as U+2028). */
export function hasLineBreak(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x1c || c === 0x1d || c === 0x1e || c === 0x85 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Whether every character of `s` is Python whitespace (true for ''). */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isPyWhitespaceCode(s.charCodeAt(i))) return false;
  return true;
}

/** The non-blank lines of `text`, split on `\n` (a trailing `\r` stays with its line). */
export function nonBlankLines(text: string): string[] {
  return text.split('\n').filter((l) => !isBlank(l));
}

/** The sentences of `response` as separate strings, padded with filler sentences to at least `min`. */
export function sentencePieces(response: string, ctx: WitnessContext, min: number): string[] {
  const pieces = sentenceList(oneLine(response)).map((s) => s.trim()).filter((s) => s);
  if (pieces.length < min) pieces.push(...ctx.sentences(min - pieces.length));
  return pieces;
}

/** Splits `items` into `n` consecutive non-empty groups (n <= items.length), the first groups one longer. */
export function distribute<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  const base = Math.floor(items.length / n);
  let extra = items.length % n;
  let at = 0;
  for (let g = 0; g < n; g++) {
    const size = base + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}

/** The text on one line: each line stripped, blank lines dropped, joined by single spaces. */
export function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => pyStrip(l))
    .filter((l) => l)
    .join(' ');
}

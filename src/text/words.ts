/**
 * Words as IFEval's reference counts them: `nltk.tokenize.RegexpTokenizer(r"\w+")`, i.e. the maximal runs of Python's
 * Unicode `\w` (letters and numbers of any script, and `_`; not combining marks, so a Devanagari vowel sign splits a
 * word as it does in the reference). Linear, total on any string.
 */
import { isPyWordAt, isPyWordCp } from './python.js';

/** Calls `fn(start, end)` for every maximal `\w+` run, in order. */
function eachWordRun(text: string, fn: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const word = isPyWordAt(text, i);
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      fn(start, i);
      start = -1;
    }
    if (wide) i++;
  }
  if (start >= 0) fn(start, text.length);
}

/** 1 for the ASCII `\w` characters (letters, digits, `_`), by code unit. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f ? 1 : 0;
}

/** The number of `\w+` words (the reference's `count_words`). */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    let word: boolean;
    if (cp < 0x80) word = ASCII_WORD[cp] === 1;
    else {
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      word = isPyWordCp(cp);
    }
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

/** The `\w+` words themselves, in order. */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  eachWordRun(text, (a, b) => out.push(text.slice(a, b)));
  return out;
}

/**
 * Punkt's own word tokenizer (NLTK's `PunktLanguageVars.word_tokenize`), which splits punctuation other than periods
 * off words. NLTK states it as one regular expression with a lazy `\S+?` and lookaheads; this is the same tokenization
 * as a hand-written scanner, linear in the line:
 *
 * - a multi-character punctuation token: `--…`, `..…`, or `. . .` (periods each followed by one whitespace);
 * - else, from a character that may start a word (not one of `("\`{[:;&#*@)}]-,`), the shortest run of non-whitespace
 *   that is followed by whitespace, the end, a non-word character (`)";}]*:@'({[?!`), a multi-character punctuation,
 *   or a comma that is itself followed by one of those;
 * - else one character.
 */
import { isPyWhitespaceCode as isWs } from './python.js';

function isNonWord(c: number): boolean {
  return (
    c === 0x29 || c === 0x22 || c === 0x3b || c === 0x7d || c === 0x5d || c === 0x2a || c === 0x3a || c === 0x40 ||
    c === 0x27 || c === 0x28 || c === 0x7b || c === 0x5b || c === 0x3f || c === 0x21
  );
}

/** Characters that cannot start a word token: `("\`{[:;&#*@)}]-,`. */
function cannotStartWord(c: number): boolean {
  return (
    c === 0x28 || c === 0x22 || c === 0x60 || c === 0x7b || c === 0x5b || c === 0x3a || c === 0x3b || c === 0x26 ||
    c === 0x23 || c === 0x2a || c === 0x40 || c === 0x29 || c === 0x7d || c === 0x5d || c === 0x2d || c === 0x2c
  );
}

/** Length of the multi-character punctuation at `j` (`\-{2,}|\.{2,}|(?:\.\s){2,}\.`), or 0. */
export function multiCharAt(s: string, j: number): number {
  const c = s.charCodeAt(j);
  if (c === 0x2d || c === 0x2e) {
    if (s.charCodeAt(j + 1) === c) {
      let e = j + 2;
      while (s.charCodeAt(e) === c) e++;
      return e - j;
    }
  }
  if (c !== 0x2e || j + 1 >= s.length || !isWs(s.charCodeAt(j + 1))) return 0;
  let pairs = 0;
  let p = j;
  while (s.charCodeAt(p) === 0x2e && p + 1 < s.length && isWs(s.charCodeAt(p + 1))) {
    pairs++;
    p += 2;
  }
  if (pairs >= 2 && s.charCodeAt(p) === 0x2e) return 2 * pairs + 1;
  if (pairs >= 3) return 2 * pairs - 1;
  return 0;
}

/** Whether a word token may end before position `j`. */
function wordEndsAt(s: string, j: number): boolean {
  if (j >= s.length) return true;
  const c = s.charCodeAt(j);
  if (isWs(c) || isNonWord(c) || multiCharAt(s, j) > 0) return true;
  if (c !== 0x2c) return false;
  const k = j + 1;
  return k >= s.length || isWs(s.charCodeAt(k)) || isNonWord(s.charCodeAt(k)) || multiCharAt(s, k) > 0;
}

/** The punkt word tokens of one line (a string without `\n`). */
export function tokenizePunktLine(line: string): string[] {
  const out: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (isWs(c)) {
      i++;
      continue;
    }
    const multi = multiCharAt(line, i);
    let end: number;
    if (multi > 0) end = i + multi;
    else if (!cannotStartWord(c)) {
      end = i + 1;
      while (!wordEndsAt(line, end)) end++;
    } else end = i + 1;
    out.push(line.slice(i, end));
    i = end;
  }
  return out;
}

/**
 * Text preparation for the purity rules: one lowercase copy of the text in which every offset is the original's, so a
 * finding's span points into the caller's string without an offset map.
 *
 * - ASCII letters are lowercased; other characters keep their code unit (String#toLowerCase can change the length, for
 *   example 'İ' becomes two code units, and then it is not used).
 * - Curly apostrophes become `'`; tabs, carriage returns and Unicode spaces become ' ' (newlines stay: they end
 *   sentences for the rules that need a sentence start).
 * - What the speaker does not claim is blanked to spaces: quoted passages of two or more words (straight, curly and
 *   guillemet quotes; single quotes only where they cannot be apostrophes) and markdown code (fenced blocks, inline
 *   spans). A quote or fence that never closes is left as text, so a stray quote mark cannot hide the rest of a target.
 *
 * Every step is linear: closers are found with indexOf whose negative answers are remembered (a later opener of the same
 * kind searches a suffix of the same text), and single quotes, which need a per-character test, search a bounded window.
 */

/** How far a single-quoted passage may run; longer ones are treated as apostrophes, not quotes. */
const SINGLE_QUOTE_WINDOW = 600;
/** Backtick runs longer than this are literal text (bounds the number of distinct closer searches). */
const MAX_BACKTICK_RUN = 16;

/** Characters that can open a quote or a code span (global: maskedRanges moves it along with lastIndex). */
const OPENERS = /["'`~\u201c\u00ab\u201e\u2018]/g;
const SPACE_LIKE = /[\t\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
const SPACE_LIKE_ANY = /[\t\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const CURLY_APOSTROPHE = /[\u2018\u2019\u02bc\u2032]/g;
const CURLY_APOSTROPHE_ANY = /[\u2018\u2019\u02bc\u2032]/;
const CURLY_OR_SPACE_ANY = /[\u2018\u2019\u02bc\u2032\t\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** Any character that prepareFromLower may change: quote marks, backticks, tildes, curly apostrophes, odd spaces. */
const SPECIAL = /["'`~\u201c\u201d\u00ab\u201e\u2018\u2019\u02bc\u2032\t\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c >= 0xc0;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
}

/** Lowercase ASCII letters only, keeping the length (the fallback when toLowerCase changes it). */
function asciiLower(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      out += text.slice(from, i) + String.fromCharCode(c + 32);
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/** Lowercase with the length kept. */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : asciiLower(text);
}

/** Half-open ranges [start, end) of the text that are quoted or code, in increasing order, not overlapping. */
export function maskedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const n = text.length;
  // Remembered failures: once a closer of a kind is absent after position p, it is absent after any later position.
  let noCloser: Set<string> | null = null;
  const findCloser = (closer: string, from: number): number => {
    if (noCloser !== null && noCloser.has(closer)) return -1;
    const at = text.indexOf(closer, from);
    if (at < 0) (noCloser ??= new Set()).add(closer);
    return at;
  };
  let paragraphEnd = -2; // cached index of the next blank line at or after the last asked position (-1: none)
  const quoteClosing = (open: number, closer: string): number => {
    const close = findCloser(closer, open + 1);
    if (close < 0) return -1;
    if (paragraphEnd !== -1 && paragraphEnd < open) paragraphEnd = text.indexOf('\n\n', open);
    return paragraphEnd >= 0 && close > paragraphEnd ? -1 : close;
  };
  let i = 0;
  while (i < n) {
    // Jump to the next character that can open a quote or code span (test() leaves lastIndex just past it, one code
    // unit, and builds no match array).
    OPENERS.lastIndex = i;
    if (!OPENERS.test(text)) break;
    i = OPENERS.lastIndex - 1;
    const c = text.charCodeAt(i);
    let end = -1; // end of a masked range starting at i, or -1
    let skipTo = i + 1; // where to go on when nothing is masked
    if (c === 96 /* ` */ || c === 126 /* ~ */) {
      let run = 1;
      while (i + run < n && text.charCodeAt(i + run) === c && run <= MAX_BACKTICK_RUN) run++;
      const fence = text.slice(i, i + run);
      const atLineStart = i === 0 || text.charCodeAt(i - 1) === 10;
      if ((run >= 3 && atLineStart) || (c === 96 && run <= MAX_BACKTICK_RUN)) {
        const close = findCloser(fence, i + run);
        if (close >= 0) end = close + run;
      }
      skipTo = i + run;
    } else if (c === 34 /* " */) {
      const close = quoteClosing(i, '"');
      if (close >= 0) {
        if (hasSpace(text, i + 1, close)) end = close + 1;
        else skipTo = close + 1;
      }
    } else if (c === 0x201c /* “ */ || c === 0x00ab /* « */ || c === 0x201e /* „ */) {
      const close = quoteClosing(i, c === 0x00ab ? '\u00bb' : c === 0x201e ? '\u201c' : '\u201d');
      if (close >= 0 && hasSpace(text, i + 1, close)) end = close + 1;
    } else if (i === 0 || !isWordChar(text.charCodeAt(i - 1))) {
      // ' or ‘: a quote only where it cannot be an apostrophe (not after a letter, not before a space).
      if (i + 1 < n && !isSpace(text.charCodeAt(i + 1))) {
        const close = singleQuoteClose(text, i);
        if (close >= 0 && hasSpace(text, i + 1, close)) end = close + 1;
      }
    }
    if (end > i) {
      ranges.push([i, end]);
      i = end;
    } else {
      i = skipTo;
    }
  }
  return ranges;
}

function hasSpace(text: string, from: number, to: number): boolean {
  const at = text.indexOf(' ', from);
  return at >= 0 && at < to;
}

/** The closing single quote of the one opened at `open`: prev char not a space, next char not a letter or digit. */
function singleQuoteClose(text: string, open: number): number {
  const limit = Math.min(text.length, open + SINGLE_QUOTE_WINDOW);
  for (let j = open + 2; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 && text.charCodeAt(j - 1) === 10) return -1; // a blank line ends any quote
    if ((c === 39 || c === 0x2019) && !isSpace(text.charCodeAt(j - 1)) && (j + 1 >= text.length || !isWordChar(text.charCodeAt(j + 1)))) return j;
  }
  return -1;
}

/** The text the rules run on (see the module comment). Same length as `text`. */
export function prepareText(text: string): string {
  return prepareFromLower(lowerSameLength(text));
}

/** prepareText for a string already lowercased by lowerSameLength. */
export function prepareFromLower(lower: string): string {
  if (!SPECIAL.test(lower)) return lower;
  const ranges = maskedRanges(lower);
  let out = lower;
  if (ranges.length > 0) {
    out = '';
    let from = 0;
    for (const [s, e] of ranges) {
      // Keep newlines inside a masked range so that line structure (sentence starts) survives.
      out += lower.slice(from, s) + lower.slice(s, e).replace(/[^\n]/g, ' ');
      from = e;
    }
    out += lower.slice(from);
  }
  // One test for both replacements below: most texts that reach here have only straight quotes or apostrophes.
  if (!CURLY_OR_SPACE_ANY.test(out)) return out;
  if (CURLY_APOSTROPHE_ANY.test(out)) out = out.replace(CURLY_APOSTROPHE, "'");
  if (SPACE_LIKE_ANY.test(out)) out = out.replace(SPACE_LIKE, ' ');
  return out;
}

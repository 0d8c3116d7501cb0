/**
 * The string stages of the answer cascade: strip the wrapping a model puts around an answer (quotes, markdown
 * emphasis, trailing punctuation), then fold case and whitespace. Every function here is a single linear pass.
 */

/** Opening quote → closing quote. Only a matching pair at both ends is removed, so "It's" keeps its apostrophe. */
const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map(Object.entries({
  '"': '"',
  "'": "'",
  '`': '`',
  '\u201C': '\u201D', // “ ”
  '\u2018': '\u2019', // ‘ ’
  '\u00AB': '\u00BB', // « »
  '\u201E': '\u201C', // „ “
  '\u300C': '\u300D', // 「 」
}));

/** . , ; : ! ? and their CJK full-width forms. */
function isTrailingPunct(c: number): boolean {
  return (
    c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f ||
    c === 0x3002 || c === 0xff0e || c === 0xff01 || c === 0xff1f
  );
}

/** The code points of JavaScript's \s (and of String.prototype.trim), tested without building a substring. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Removes, repeatedly and only at the ends: whitespace, a matching pair of quotes, a matching pair of markdown
 * emphasis runs (`**x**`, `_x_`, `~~x~~`), a `$…$` math pair, and trailing sentence punctuation. Works on indices
 * and slices once, so a long run of wrappers costs one pass.
 */
export function stripWrappers(s: string): string {
  let lo = 0;
  let hi = s.length;
  for (;;) {
    const before = hi - lo;
    while (lo < hi && isSpace(s.charCodeAt(lo))) lo++;
    while (hi > lo && isSpace(s.charCodeAt(hi - 1))) hi--;
    while (hi > lo && isTrailingPunct(s.charCodeAt(hi - 1))) hi--;
    if (hi - lo >= 2) {
      const first = s[lo]!;
      const close = QUOTE_PAIRS.get(first);
      if (close !== undefined && s[hi - 1] === close) {
        if (hi - lo === 2) break; // '""' is an empty quote, kept as it is
        // A run of the same pair ("''x''") goes in one step; pairs are still only ever removed two ends at a time.
        let run = 1;
        while (lo + run < hi - 1 - run && s[lo + run] === first && s[hi - 1 - run] === close) run++;
        lo += run;
        hi -= run;
      } else if (first === '*' || first === '_' || first === '~' || first === '$') {
        // The equal runs (at most 3 long) at both ends; the shorter one is removed from both.
        let head = 0;
        while (head < 3 && lo + head < hi && s[lo + head] === first) head++;
        let tail = 0;
        while (tail < 3 && hi - 1 - tail >= lo && s[hi - 1 - tail] === first) tail++;
        const run = head < tail ? head : tail;
        if (run > 0 && hi - lo > 2 * run && (first !== '~' || run === 2)) {
          lo += run;
          hi -= run;
        }
      }
    }
    if (hi - lo === before) break;
  }
  return s.slice(lo, hi);
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Trims and turns every whitespace run into one ' '. Returns the input itself when nothing changes (the common case
 * of a short answer), and otherwise writes code units into one buffer: a global regex replace on a 5 MB text of
 * short lines builds millions of pieces and spends seconds in the garbage collector.
 */
export function collapseWhitespace(s: string): string {
  const n = s.length;
  let clean = n === 0 || (!isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(n - 1)));
  for (let i = 0; clean && i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0xa0) continue;
    if (isSpace(c) && (c !== 0x20 || isSpace(s.charCodeAt(i + 1)))) clean = false;
  }
  if (clean) return s;
  const buf = new Uint16Array(n);
  let len = 0;
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = len > 0;
      continue;
    }
    if (pendingSpace) {
      buf[len++] = 0x20;
      pendingSpace = false;
    }
    buf[len++] = c;
  }
  let out = '';
  // fromCharCode keeps lone surrogates as they are (a UTF-16 TextDecoder would replace them).
  for (let i = 0; i < len; i += 8192) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(len, i + 8192)) as unknown as number[]);
  }
  return out;
}

/** Case (unless caseSensitive), Unicode composition (NFC) and inner whitespace folded; ends trimmed. */
export function foldText(s: string, caseSensitive: boolean): string {
  let t = s;
  // NFC, not NFKC: NFKC would turn "10³" into "103" and "½" into "1⁄2".
  if (NON_ASCII.test(t)) t = t.normalize('NFC');
  if (!caseSensitive) t = t.toLowerCase();
  return collapseWhitespace(t);
}

/**
 * The text of an answer as the cascade compares it at its last string stage: wrappers stripped, then case and
 * whitespace folded. Exported for generators that want to check that two answers would be told apart.
 */
export function normalizeAnswerText(s: string, caseSensitive = false): string {
  return foldText(stripWrappers(s), caseSensitive);
}

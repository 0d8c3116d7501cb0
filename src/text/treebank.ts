/**
 * Word tokens as `nltk.word_tokenize` makes them (NLTK 3.8): punkt sentences, each split by NLTK's improved Treebank
 * tokenizer (`NLTKWordTokenizer`). IFEval's reference counts capital words over these tokens, so the splits that
 * separate letters from letters matter: clitics (`DON'T` → `DO`, `N'T`), contractions (`CANNOT` → `CAN`, `NOT`),
 * and punctuation such as `;@#$%&?!*()[]{}<>`, `--`, quotes and `:,` before a non-digit.
 *
 * The Treebank rules are a fixed sequence of substitutions; they are applied here in the same order with the same
 * leftmost, non-overlapping semantics. Python's Unicode `\w`, `\d`, `\s` and `\b` are spelled out (JavaScript's are
 * ASCII), and the two rules for a sentence-final period, whose `[...]*\s*$` backtracks quadratically on long runs of
 * spaces, are hand-written. Linear in the text, total on any string.
 */
import { PY_DIGIT_CLASS, PY_WORD_CLASS, isPyWhitespaceCode as isWs, pySplitWhitespace } from './python.js';
import { sentences } from './punkt.js';

const W = `[${PY_WORD_CLASS}]`;
const NOT_W_BEFORE = `(?<!${W})`;
const NOT_W_AFTER = `(?!${W})`;

const STARTING_QUOTES_1 = /([«“‘„]|`+)/gu;
const STARTING_QUOTES_3 = /``/g;
const STARTING_QUOTES_4 = /([ ([{<])("|'')/g;
const STARTING_QUOTES_5 = new RegExp(`(')(?!re|ve|ll|m|t|s|d|n)(${W})${NOT_W_AFTER}`, 'giu');
const COLON_COMMA = new RegExp(`([:,])([^${PY_DIGIT_CLASS}])`, 'gu');
const COLON_COMMA_END = /([:,])(?=\n?$)/u;
const DOT_RUNS = /\.{2,}/g;
const SYMBOLS = /[;@#$%&]/g;
const QUESTION_BANG = /[?!]/g;
const APOSTROPHE_SPACE = /([^'])' /gu;
const STAR = /\*/g;
const BRACKETS = /[\][(){}<>]/g;
const DOUBLE_DASH = /--/g;
const ENDING_QUOTES_1 = /([»”’])/gu;
const DOUBLE_SINGLE = /''/g;
const DOUBLE_QUOTE = /"/g;
const CLITICS_1 = /([^' ])('[sS]|'[mM]|'[dD]|') /gu;
const CLITICS_2 = /([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) /gu;
const CONTRACTIONS: RegExp[] = [
  new RegExp(`${NOT_W_BEFORE}(can)(not)${NOT_W_AFTER}`, 'giu'),
  new RegExp(`${NOT_W_BEFORE}(d)('ye)${NOT_W_AFTER}`, 'giu'),
  new RegExp(`${NOT_W_BEFORE}(g[i\u0131\u0130]m)(me)${NOT_W_AFTER}`, 'giu'),
  new RegExp(`${NOT_W_BEFORE}(gon)(na)${NOT_W_AFTER}`, 'giu'),
  new RegExp(`${NOT_W_BEFORE}(got)(ta)${NOT_W_AFTER}`, 'giu'),
  new RegExp(`${NOT_W_BEFORE}(lem)(me)${NOT_W_AFTER}`, 'giu'),
  new RegExp(`${NOT_W_BEFORE}(more)('n)${NOT_W_AFTER}`, 'giu'),
  new RegExp(`${NOT_W_BEFORE}(wan)(na)(?=[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000])`, 'giu'),
];
// `(?i) ('t)(is)\b`: the leading space is part of the pattern. `'t` is preceded by a space, so the first \b is implied.
const CONTRACTIONS_3: RegExp[] = [
  new RegExp(` ('t)([i\u0131\u0130]s)${NOT_W_AFTER}`, 'giu'),
  new RegExp(` ('t)(was)${NOT_W_AFTER}`, 'giu'),
];

/** Closing characters that may follow a sentence-final period (`]})>"'»”’` and space; the second rule drops the last four). */
const FINAL_CLOSERS_WIDE = new Set([...']})>"\'»”’ ']);
const FINAL_CLOSERS = new Set([...']})>"\'']);

/**
 * `([^\.])(\.)([closers]*)\s*$`: the period must be the last one in the text, preceded by a non-period, and followed
 * only by closers and then whitespace. `spaced` chooses the replacement `\1 \2 \3 ` (true) or `\1 \2\3 ` (false).
 */
function splitFinalPeriod(text: string, closers: ReadonlySet<string>, spaced: boolean): string {
  const p = text.lastIndexOf('.');
  if (p < 1 || text[p - 1] === '.') return text;
  let q = p + 1;
  while (q < text.length && closers.has(text[q]!)) q++;
  for (let r = q; r < text.length; r++) if (!isWs(text.charCodeAt(r))) return text;
  return text.slice(0, p) + (spaced ? ' . ' : ' .') + text.slice(p + 1, q) + ' ';
}

// Trigger characters: a rule whose characters are absent cannot change the text, so it is skipped.
const T_OPEN_QUOTES = 1; // « “ ‘ „ `
const T_DQUOTE = 2; // "
const T_APOS = 4; // '
const T_COLON_COMMA = 8;
const T_PERIOD = 16;
const T_SYMBOL = 32; // ; @ # $ % &
const T_QBANG = 64;
const T_STAR = 128;
const T_BRACKET = 256;
const T_DASH = 512;
const T_CLOSE_QUOTES = 1024; // » ” ’

function triggers(t: string): number {
  let f = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) continue;
    switch (c) {
      case 0xab: case 0x201c: case 0x2018: case 0x201e: case 0x60: f |= T_OPEN_QUOTES; break;
      case 0x22: f |= T_DQUOTE; break;
      case 0x27: f |= T_APOS; break;
      case 0x3a: case 0x2c: f |= T_COLON_COMMA; break;
      case 0x2e: f |= T_PERIOD; break;
      case 0x3b: case 0x40: case 0x23: case 0x24: case 0x25: case 0x26: f |= T_SYMBOL; break;
      case 0x3f: case 0x21: f |= T_QBANG; break;
      case 0x2a: f |= T_STAR; break;
      case 0x5b: case 0x5d: case 0x28: case 0x29: case 0x7b: case 0x7d: case 0x3c: case 0x3e: f |= T_BRACKET; break;
      case 0x2d: f |= T_DASH; break;
      case 0xbb: case 0x201d: case 0x2019: f |= T_CLOSE_QUOTES; break;
    }
  }
  return f;
}

/** Any of the contractions' letters, case-insensitively as Python matches them (i also as ı and İ). */
const CONTRACTION_HINT = /can|d'ye|g[i\u0131\u0130]m|gon|got|lem|more'n|wan|'t/iu;

/** One sentence's tokens by NLTK's `NLTKWordTokenizer.tokenize`. */
export function treebankTokenize(sentence: string): string[] {
  let t = sentence;
  const f = triggers(t);
  if (f & T_OPEN_QUOTES) t = t.replace(STARTING_QUOTES_1, ' $1 ');
  if (f & T_DQUOTE && t.startsWith('"')) t = '``' + t.slice(1);
  if (f & (T_OPEN_QUOTES | T_DQUOTE)) t = t.replace(STARTING_QUOTES_3, ' `` ');
  if (f & (T_DQUOTE | T_APOS)) t = t.replace(STARTING_QUOTES_4, '$1 `` ');
  if (f & T_APOS) t = t.replace(STARTING_QUOTES_5, '$1 $2');

  if (f & T_PERIOD) t = splitFinalPeriod(t, FINAL_CLOSERS_WIDE, true);
  if (f & T_COLON_COMMA) {
    t = t.replace(COLON_COMMA, ' $1 $2');
    t = t.replace(COLON_COMMA_END, ' $1 ');
  }
  if (f & T_PERIOD) t = t.replace(DOT_RUNS, ' $& ');
  if (f & T_SYMBOL) t = t.replace(SYMBOLS, ' $& ');
  if (f & T_PERIOD) t = splitFinalPeriod(t, FINAL_CLOSERS, false);
  if (f & T_QBANG) t = t.replace(QUESTION_BANG, ' $& ');
  if (f & T_APOS) t = t.replace(APOSTROPHE_SPACE, "$1 ' ");
  if (f & T_STAR) t = t.replace(STAR, ' $& ');

  if (f & T_BRACKET) t = t.replace(BRACKETS, ' $& ');
  if (f & T_DASH) t = t.replace(DOUBLE_DASH, ' -- ');
  t = ' ' + t + ' ';

  if (f & T_CLOSE_QUOTES) t = t.replace(ENDING_QUOTES_1, ' $1 ');
  if (f & T_APOS) t = t.replace(DOUBLE_SINGLE, " '' ");
  if (f & T_DQUOTE) t = t.replace(DOUBLE_QUOTE, " '' ");
  if (f & (T_APOS | T_DQUOTE)) {
    t = t.replace(CLITICS_1, '$1 $2 ');
    t = t.replace(CLITICS_2, '$1 $2 ');
  }
  if (CONTRACTION_HINT.test(t)) {
    for (const re of CONTRACTIONS) t = t.replace(re, ' $1 $2 ');
    for (const re of CONTRACTIONS_3) t = t.replace(re, ' $1 $2 ');
  }
  return pySplitWhitespace(t);
}

/** `nltk.word_tokenize(text)`: punkt sentences, then Treebank tokens of each. */
export function wordTokenize(text: string): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) for (const tok of treebankTokenize(s)) out.push(tok);
  return out;
}

/**
 * Sentence boundaries as NLTK's English punkt model finds them (`nltk.data.load('tokenizers/punkt/english.pickle')
 * .tokenize(text)`, NLTK 3.8), which is how IFEval's reference counts sentences.
 *
 * The algorithm is Kiss & Strunk (2006), "Unsupervised Multilingual Sentence Boundary Detection": a first pass marks
 * period-final tokens as abbreviations (known abbreviation types) or sentence breaks, a second pass revises that with
 * the collocation, orthographic and frequent-sentence-starter heuristics. The model's parameters (abbreviation types,
 * collocations, sentence starters, orthographic contexts) are data: data/punkt/english.json, loaded once.
 *
 * NLTK's way of applying the algorithm decides the counts too, and is reproduced here: candidate boundaries are the
 * `.?!` followed by other punctuation or by whitespace and a token; each candidate is judged on a small context (the
 * whitespace-delimited word before it, where only ASCII whitespace delimits, through the token after it), candidates
 * inside one word merge, and closing quotes or brackets after a boundary are moved back into the sentence before it.
 * Everything is a hand-written scanner: linear in the text, total on any string.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import { firstIsLower, firstIsUpper, isPyWhitespaceCode as isWs, pyRstrip, pyStrip } from './python.js';
import { tokenizePunktLine } from './punkt-words.js';

const ORTHO_BEG_UC = 1 << 1;
const ORTHO_MID_UC = 1 << 2;
const ORTHO_UNK_UC = 1 << 3;
const ORTHO_BEG_LC = 1 << 4;
const ORTHO_MID_LC = 1 << 5;
const ORTHO_UNK_LC = 1 << 6;
const ORTHO_UC = ORTHO_BEG_UC | ORTHO_MID_UC | ORTHO_UNK_UC;
const ORTHO_LC = ORTHO_BEG_LC | ORTHO_MID_LC | ORTHO_UNK_LC;

export interface PunktModel {
  abbrevTypes: ReadonlySet<string>;
  /** first type → second types that form a known collocation. */
  collocations: ReadonlyMap<string, ReadonlySet<string>>;
  sentStarters: ReadonlySet<string>;
  orthoContext: ReadonlyMap<string, number>;
}

export const PUNKT_MODEL_PATH = path.join(PACKAGE_ROOT, 'data', 'punkt', 'english.json');

let cached: PunktModel | undefined;

/** The English model, read from data/punkt/english.json on first use. */
export function punktModel(): PunktModel {
  if (cached) return cached;
  const raw = JSON.parse(fs.readFileSync(PUNKT_MODEL_PATH, 'utf8')) as {
    abbrev_types: string[];
    collocations: [string, string][];
    sent_starters: string[];
    ortho_context: Record<string, number>;
  };
  const collocations = new Map<string, Set<string>>();
  for (const [a, b] of raw.collocations) {
    let set = collocations.get(a);
    if (!set) collocations.set(a, (set = new Set()));
    set.add(b);
  }
  cached = {
    abbrevTypes: new Set(raw.abbrev_types),
    collocations,
    sentStarters: new Set(raw.sent_starters),
    orthoContext: new Map(Object.entries(raw.ortho_context)),
  };
  return cached;
}

/** One word token with its punkt annotations. */
interface Tok {
  tok: string;
  type: string;
  periodFinal: boolean;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

const DIGIT_RE = /\p{Nd}/u;
const LETTERISH_RE = /^[\p{L}\p{N}_]$/u;

function isDigitCp(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39 ? true : cp < 0x80 ? false : DIGIT_RE.test(String.fromCodePoint(cp));
}

/** NLTK's `^-?[\.,]?\d[\d,\.-]*\.?$` on the lowercased token: such tokens get the type `##number##`. */
function isNumeric(s: string): boolean {
  let i = 0;
  if (s[i] === '-') i++;
  if (s[i] === '.' || s[i] === ',') i++;
  const cp = s.codePointAt(i);
  if (cp === undefined || !isDigitCp(cp)) return false;
  i += cp > 0xffff ? 2 : 1;
  while (i < s.length) {
    const c = s.codePointAt(i)!;
    if (c !== 0x2c && c !== 0x2e && c !== 0x2d && !isDigitCp(c)) return false;
    i += c > 0xffff ? 2 : 1;
  }
  return true;
}

function typeNoPeriod(type: string): string {
  return type.length > 1 && type.endsWith('.') ? type.slice(0, -1) : type;
}

function typeNoSentPeriod(t: Tok): string {
  return t.sentbreak ? typeNoPeriod(t.type) : t.type;
}

/** `[^\W\d]\.$`: one letter-like code point (not a decimal digit) and a period. */
function isInitial(tok: string): boolean {
  if (!tok.endsWith('.')) return false;
  const cp = tok.codePointAt(0)!;
  const width = cp > 0xffff ? 2 : 1;
  if (tok.length !== width + 1) return false;
  const ch = String.fromCodePoint(cp);
  return LETTERISH_RE.test(ch) && !isDigitCp(cp);
}

function isEllipsis(tok: string): boolean {
  if (tok.length < 2) return false;
  for (let i = 0; i < tok.length; i++) if (tok.charCodeAt(i) !== 0x2e) return false;
  return true;
}

/** First pass: decisions from the token's type alone. */
function makeToken(tok: string, m: PunktModel): Tok {
  const lower = tok.toLowerCase();
  const t: Tok = {
    tok,
    type: isNumeric(lower) ? '##number##' : lower,
    periodFinal: tok.endsWith('.'),
    sentbreak: false,
    abbr: false,
    ellipsis: false,
  };
  if (tok === '.' || tok === '?' || tok === '!') t.sentbreak = true;
  else if (isEllipsis(tok)) t.ellipsis = true;
  else if (t.periodFinal && !tok.endsWith('..')) {
    const core = tok.slice(0, -1).toLowerCase();
    const dash = core.lastIndexOf('-');
    if (m.abbrevTypes.has(core) || m.abbrevTypes.has(dash < 0 ? core : core.slice(dash + 1))) t.abbr = true;
    else t.sentbreak = true;
  }
  return t;
}

/** Kiss & Strunk's orthographic heuristic: does `t` start a sentence? true, false or 'unknown'. */
function orthoHeuristic(t: Tok, m: PunktModel): boolean | 'unknown' {
  if (t.tok.length === 1 && ';:,.!?'.includes(t.tok)) return false;
  const ctx = m.orthoContext.get(typeNoSentPeriod(t)) ?? 0;
  const upper = firstIsUpper(t.tok);
  if (upper && ctx & ORTHO_LC && !(ctx & ORTHO_MID_UC)) return true;
  if (firstIsLower(t.tok) && (ctx & ORTHO_UC || !(ctx & ORTHO_BEG_LC))) return false;
  return 'unknown';
}

/** Second pass on a pair of neighbouring tokens: revises the first one's decision. */
function secondPass(t1: Tok, t2: Tok, m: PunktModel): void {
  if (!t1.periodFinal) return;
  const typ = typeNoPeriod(t1.type);
  const nextTyp = typeNoSentPeriod(t2);
  const initial = isInitial(t1.tok);
  if (m.collocations.get(typ)?.has(nextTyp)) {
    t1.sentbreak = false;
    t1.abbr = true;
    return;
  }
  if ((t1.abbr || t1.ellipsis) && !initial) {
    if (orthoHeuristic(t2, m) === true) {
      t1.sentbreak = true;
      return;
    }
    if (firstIsUpper(t2.tok) && m.sentStarters.has(nextTyp)) {
      t1.sentbreak = true;
      return;
    }
  }
  if (initial || typ === '##number##') {
    const starter = orthoHeuristic(t2, m);
    if (starter === false) {
      t1.sentbreak = false;
      t1.abbr = true;
      return;
    }
    if (starter === 'unknown' && initial && firstIsUpper(t2.tok) && !((m.orthoContext.get(nextTyp) ?? 0) & ORTHO_LC)) {
      t1.sentbreak = false;
      t1.abbr = true;
    }
  }
}

/** Whether a break falls inside `context` before its last token (NLTK's `text_contains_sentbreak`). */
function containsSentbreak(context: string, m: PunktModel): boolean {
  const toks: Tok[] = [];
  for (const line of context.split('\n')) {
    if (!pyStrip(line)) continue;
    for (const w of tokenizePunktLine(line)) toks.push(makeToken(w, m));
  }
  for (let i = 0; i + 1 < toks.length; i++) {
    secondPass(toks[i]!, toks[i + 1]!, m);
    if (toks[i]!.sentbreak) return true;
  }
  return false;
}

/** `)";}]*:@'({[` and `?!`: what may follow a sentence-end character directly. */
function isNonWord(c: number): boolean {
  return (
    c === 0x29 || c === 0x22 || c === 0x3b || c === 0x7d || c === 0x5d || c === 0x2a || c === 0x3a || c === 0x40 ||
    c === 0x27 || c === 0x28 || c === 0x7b || c === 0x5b || c === 0x3f || c === 0x21
  );
}

/** Python's `string.whitespace`: the ASCII whitespace NLTK uses to find the word before a candidate. */
function isAsciiWs(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * The candidates, as flat triples (at, nextTok, afterEnd): `[.?!]` at `at` followed by a non-word character
 * (nextTok -1, the lookahead ends after that character) or by whitespace and a token from nextTok to afterEnd.
 */
function candidates(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2e && c !== 0x3f && c !== 0x21) continue;
    if (i + 1 >= n) continue;
    const d = text.charCodeAt(i + 1);
    if (isNonWord(d)) {
      out.push(i, -1, i + 2);
      continue;
    }
    if (!isWs(d)) continue;
    let j = i + 1;
    while (j < n && isWs(text.charCodeAt(j))) j++;
    if (j >= n) {
      i = j;
      continue;
    }
    let k = j;
    while (k < n && !isWs(text.charCodeAt(k))) k++;
    out.push(i, j, k);
    i = j - 1;
  }
  return out;
}

/**
 * Verdicts of recent contexts. A context is a word or two around one candidate, and texts repeat them (the loose
 * variants of a response share all but a line; generated witnesses draw from fixed sentence banks), while judging one
 * tokenizes it. Bounded: forgotten all at once when full; long contexts are not kept.
 */
const sentbreakMemo = new Map<string, boolean>();
const SENTBREAK_MEMO_MAX = 4096;
const SENTBREAK_MEMO_KEY_MAX = 200;

function contextBreaks(context: string, m: PunktModel): boolean {
  if (m !== cached || context.length > SENTBREAK_MEMO_KEY_MAX) return containsSentbreak(context, m);
  let v = sentbreakMemo.get(context);
  if (v === undefined) {
    v = containsSentbreak(context, m);
    if (sentbreakMemo.size >= SENTBREAK_MEMO_MAX) sentbreakMemo.clear();
    sentbreakMemo.set(context, v);
  }
  return v;
}

/**
 * NLTK's `_match_potential_end_contexts` and the decision on each: the break positions [end, next start) in order.
 * A candidate's context runs from after the last ASCII whitespace before it (back to the previous candidate) through
 * its lookahead; candidates within one word merge (only the last of them is judged, on the merged context).
 */
function breakSlices(text: string, model: PunktModel): [number, number][] {
  const slices: [number, number][] = [];
  const cands = candidates(text);
  let lastBreak = 0;
  let prevStart = 0;
  let prevStop = 0;
  let prev = -1; // offset of the pending candidate in `cands`
  const judge = (p: number, start: number) => {
    const at = cands[p]!;
    const nextTok = cands[p + 1]!;
    // NLTK joins text[start, at) and the candidate's lookahead, which starts at `at`: one slice.
    if (contextBreaks(text.slice(start, cands[p + 2]!), model)) {
      slices.push([lastBreak, at + 1]);
      lastBreak = nextTok >= 0 ? nextTok : at + 1;
    }
  };
  for (let c = 0; c < cands.length; c += 3) {
    const at = cands[c]!;
    // The last ASCII whitespace in text[prevStop, at); one at offset 0 counts as none (NLTK's quirk).
    let idx = 0;
    for (let i = at - 1; i >= prevStop; i--) {
      if (isAsciiWs(text.charCodeAt(i))) {
        idx = i - prevStop;
        break;
      }
    }
    const start = idx ? idx + prevStop + 1 : prevStart;
    if (prev >= 0 && prevStop <= start) judge(prev, prevStart);
    prev = c;
    prevStart = start;
    prevStop = at;
  }
  if (prev >= 0) judge(prev, prevStart);
  slices.push([lastBreak, pyRstrip(text).length]);
  return slices;
}

const CLOSERS = '"\')]}';

/** Length of the realignment match (`["')\]}]+?(?:\s+|(?=--)|$)`, multiline) at `text[a, b)`: [kept, consumed]. */
function realignment(text: string, a: number, b: number): [number, number] | undefined {
  let n = a;
  while (n < b && CLOSERS.includes(text[n]!)) {
    n++;
    if (n < b && isWs(text.charCodeAt(n))) {
      let e = n;
      while (e < b && isWs(text.charCodeAt(e))) e++;
      return [n - a, e - a];
    }
    if (n === b || (text[n] === '-' && text[n + 1] === '-' && n + 1 < b)) return [n - a, n - a];
  }
  return undefined;
}

/** Sentence spans [start, end) of `text`, as punkt returns them (realigned). */
export function sentenceSpans(text: string, model: PunktModel = punktModel()): [number, number][] {
  const slices = breakSlices(text, model);

  const out: [number, number][] = [];
  let realign = 0;
  for (let i = 0; i < slices.length; i++) {
    const s1: [number, number] = [slices[i]![0] + realign, slices[i]![1]];
    const s2 = slices[i + 1];
    if (!s2) {
      if (s1[1] > s1[0]) out.push(s1);
      continue;
    }
    const m = realignment(text, s2[0], s2[1]);
    if (m) {
      out.push([s1[0], s2[0] + m[0]]);
      realign = m[1];
    } else {
      realign = 0;
      if (s1[1] > s1[0]) out.push(s1);
    }
  }
  return out;
}

/** The sentences of `text` (NLTK's `sent_tokenize` for English). */
export function sentences(text: string): string[] {
  return sentenceSpans(text).map(([a, b]) => text.slice(a, b));
}

/** The number of sentences (the reference's `count_sentences`). */
export function countSentences(text: string): number {
  return sentenceSpans(text).length;
}

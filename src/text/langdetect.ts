/**
 * Language identification as Python's langdetect 1.0.9 (seeded with 0) does it, which is what IFEval's reference
 * verdicts record. The algorithm is Nakatani Shuyo's language-detection (Cybozu Labs): character n-grams (n ≤ 3) of
 * the normalized text are sampled at random, each multiplying per-language probabilities from the language profiles,
 * in 7 trials with a random smoothing parameter; the language with the highest mean probability above 0.1 wins.
 *
 * The profiles (55 languages) and the normalization tables are langdetect's own data (Apache-2.0), copied verbatim
 * into data/langdetect/. With the same seeded random stream (src/text/pyrandom.ts), the same text normalization and
 * the same floating-point operations in the same order, the result is the reference's, not an approximation of it.
 * Only the summation order across languages can differ (langdetect takes the profile directory's listing order; we
 * sort by name), which changes a normalized probability in its last bit at most.
 *
 * Linear in the text: at most 10,000 characters are sampled, and the trials are bounded (1,000 draws each).
 */
import { DENSE_IDS, langdetectModel, lookupRow, slotOf, type LangdetectModel as Model } from './langdetect-model.js';
import { caseOfCp } from './python.js';
import { PyRandom } from './pyrandom.js';

const ALPHA_DEFAULT = 0.5;
const ALPHA_WIDTH = 0.05;
const ITERATION_LIMIT = 1000;
const PROB_THRESHOLD = 0.1;
const CONV_THRESHOLD = 0.99999;
const BASE_FREQ = 10000;
const N_TRIAL = 7;
const MAX_TEXT_LENGTH = 10000;
const SEED = 0;
/**
 * The number of language profiles (checked when the model loads). A constant loop bound lets the compiler drop the
 * index checks of the scoring loop, most of the work on a text.
 */
const LANGS = 55;

const URL_RE = /https?:\/\/[-_.?&~;+=/#0-9A-Za-z]{1,2076}/g;
const MAIL_RE = /[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}/g;

/** NGram.normalize: one code point to its representative (0x20 for a space). */
function normalize(cp: number, m: Model): number {
  if (cp <= 0x7f) return cp < 0x41 || (cp > 0x5a && cp < 0x61) || cp > 0x7a ? 0x20 : cp;
  if (cp <= 0xff) return m.latin1Excluded.includes(String.fromCharCode(cp)) ? 0x20 : cp;
  if (cp >= 0x180 && cp <= 0x24f) return cp === 0x219 ? 0x15f : cp === 0x21b ? 0x163 : cp;
  if (cp >= 0x2000 && cp <= 0x206f) return 0x20;
  if (cp >= 0x600 && cp <= 0x6ff) return cp === 0x6cc ? 0x64a : cp;
  if (cp >= 0x1e00 && cp <= 0x1eff) return cp >= 0x1ea0 ? 0x1ec3 : cp;
  if (cp >= 0x3040 && cp <= 0x309f) return 0x3042;
  if (cp >= 0x30a0 && cp <= 0x30ff) return 0x30a2;
  if ((cp >= 0x3100 && cp <= 0x312f) || (cp >= 0x31a0 && cp <= 0x31bf)) return 0x3105;
  if (cp >= 0x4e00 && cp <= 0x9fff) return m.cjk.get(cp) ?? cp;
  if (cp >= 0xac00 && cp <= 0xd7af) return 0xac00;
  return cp;
}

/**
 * Per-BMP-code-point facts, built once from `normalize` and the model so that extracting n-grams is one array lookup
 * a character: the character id of the normalized code (INFO_ID bits), whether the normalized code is a space, and
 * whether it is uppercase (filled in on first use, as Python's case of a code point costs a few regex tests).
 */
const INFO_ID = 0xfff;
const INFO_SPACE = 1 << 12;
const INFO_UPPER = 1 << 13;
const INFO_CASE_KNOWN = 1 << 14;
/** One of the Vietnamese combining marks that Detector.append composes with the letter before it. */
const INFO_VI_MARK = 1 << 15;

interface Tables {
  model: Model;
  info: Uint16Array;
  /** The row of each 1-gram by character id (-1: no profile has it). */
  unigram: Int32Array;
  spaceId: number;
  /**
   * A small direct-mapped cache of 2- and 3-gram lookups, 4 entries a slot (lo key, hi key, row, unused; lo -1 when
   * empty): text repeats its n-grams, and the cache stays in the CPU's fastest memory where the model's table cannot.
   */
  recent: Int32Array;
  /**
   * The rows of every 2- and 3-gram of space and ASCII letters (ids 1..DENSE_IDS, so D = DENSE_IDS + 1 per place):
   * `bigram[c2 * D + c1]`, `trigram[(c3 * D + c2) * D + c1]`, NO_ROW where no profile has it. Most text langdetect
   * sees is Latin script, and these lookups need neither hashing nor the model's large table; the model numbers these
   * rows first, so 16 bits hold them and the trigram table stays small enough for the CPU's caches.
   */
  bigram: Uint16Array;
  trigram: Uint16Array;
  /** Scratch space of one call (calls never overlap): per-language probabilities. */
  langprob: Float64Array;
  prob: Float64Array;
}

const D = DENSE_IDS + 1;
const NO_ROW = 0xffff;

const RECENT_SLOTS = 4096;

/** lookupRow through the cache of recent lookups (same answer). */
function cachedRow(tb: Tables, c3: number, c2: number, c1: number): number {
  const lo = c1 + c2 * 4096;
  const at = 4 * slotOf(lo, c3, RECENT_SLOTS - 1);
  const recent = tb.recent;
  if (recent[at] === lo && recent[at + 1] === c3) return recent[at + 2]!;
  const r = lookupRow(tb.model, c3, c2, c1);
  recent[at] = lo;
  recent[at + 1] = c3;
  recent[at + 2] = r;
  return r;
}

let tables: Tables | undefined;

function langdetectTables(): Tables {
  if (tables) return tables;
  const m = langdetectModel();
  if (m.langs.length !== LANGS) throw new Error(`langdetect data: ${m.langs.length} language profiles, expected ${LANGS}`);
  const info = new Uint16Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) {
    const n = normalize(cp, m); // stays in the BMP
    let v = m.charId[n]!;
    if (n === 0x20) v |= INFO_SPACE;
    if (n < 0x80) v |= INFO_CASE_KNOWN | (n >= 0x41 && n <= 0x5a ? INFO_UPPER : 0);
    if (m.viMarks.includes(String.fromCharCode(cp))) v |= INFO_VI_MARK;
    info[cp] = v;
  }
  const unigram = new Int32Array(4096);
  for (let c = 0; c < 4096; c++) unigram[c] = c === 0 ? -1 : lookupRow(m, 0, 0, c);
  const bigram = new Uint16Array(D * D).fill(NO_ROW);
  const trigram = new Uint16Array(D * D * D).fill(NO_ROW);
  const small = (r: number) => {
    if (r >= NO_ROW) throw new Error('langdetect data: an n-gram of ASCII letters has a row number above 16 bits');
    return r < 0 ? NO_ROW : r;
  };
  for (let c2 = 1; c2 < D; c2++) {
    for (let c1 = 1; c1 < D; c1++) {
      bigram[c2 * D + c1] = small(lookupRow(m, 0, c2, c1));
      for (let c3 = 1; c3 < D; c3++) trigram[(c3 * D + c2) * D + c1] = small(lookupRow(m, c3, c2, c1));
    }
  }
  tables = {
    model: m,
    info,
    unigram,
    spaceId: m.charId[0x20]!,
    recent: new Int32Array(RECENT_SLOTS * 4).fill(-1),
    bigram,
    trigram,
    langprob: new Float64Array(m.langs.length),
    prob: new Float64Array(m.langs.length),
  };
  return tables;
}

/** The facts of BMP code point `cp` with its case filled in (Python's case of a code point costs a few regex tests). */
function learnCase(cp: number, tb: Tables): number {
  const v = tb.info[cp]! | INFO_CASE_KNOWN | (caseOfCp(normalize(cp, tb.model)) === 'upper' ? INFO_UPPER : 0);
  tb.info[cp] = v;
  return v;
}

/** Scratch space of one call (calls never overlap): the n-gram rows, at most 3 per code point. */
const ngramBuf = new Int32Array(MAX_TEXT_LENGTH * 3);

/** What `scan` returns instead of a count when Vietnamese marks must be composed first (see `extractNgrams`). */
const NEEDS_VI = -1;

/**
 * Detector.append (URLs and e-mail addresses blanked, Vietnamese marks composed, space runs collapsed, 10,000 cap),
 * Detector.cleaning_text (ASCII letters dropped when the text is mostly non-Latin) and Detector._extract_ngrams, in
 * as few passes over the text as the data allows. The rows of the n-grams are in ngramBuf; returns them.
 *
 * Collapsing runs of spaces needs no work: n-gram extraction treats a space after a space as nothing at all.
 */
function extractNgrams(text: string, tb: Tables): Int32Array {
  const m = tb.model;
  // Each pattern needs a literal that a plain substring search finds much faster than the regex scans for a start.
  let t = text.includes('http') ? text.replace(URL_RE, ' ') : text;
  if (t.includes('@')) t = t.replace(MAIL_RE, ' ');
  // Vietnamese marks are rare: the scan stops at one, and the text is composed and scanned again.
  let k = scan(t, tb, true, mostlyNonLatin(t));
  if (k === NEEDS_VI) {
    t = t.replace(m.viRe, (_, a: string, d: string) => m.viNormalized[m.viMarks.indexOf(d)]![m.viAlphabet.indexOf(a)]!);
    k = scan(t, tb, false, mostlyNonLatin(t));
  }
  return ngramBuf.subarray(0, k);
}

/**
 * Detector.cleaning_text's test on the first 10,000 code points: fewer than half as many of U+0041..U+007A as of
 * U+0300 and above. langdetect means to skip Latin Extended Additional there, but compares the block number with the
 * block's name, so every character from U+0300 on counts as non-Latin. Stops once the rest of the text could not
 * change the answer (Latin text: after about a third of it).
 */
function mostlyNonLatin(t: string): boolean {
  const end = t.length;
  let latin = 0;
  let nonLatin = 0;
  for (let i = 0, n = 0; i < end && n < MAX_TEXT_LENGTH; i++, n++) {
    const c = t.charCodeAt(i);
    if (c < 0x300) {
      if (c >= 0x41 && c <= 0x7a) {
        latin++;
        // The rest holds at most end - i - 1 code points.
        if ((latin & 63) === 0 && latin * 2 >= nonLatin + (end - i)) return false;
      }
      continue;
    }
    nonLatin++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return latin * 2 < nonLatin;
}

/**
 * One pass over the first 10,000 code points of `t`: the rows of the 1- to 3-grams known to some profile, in text
 * order, skipping inside all-capital words; a character no profile holds (id 0) makes every n-gram containing it
 * unknown. Returns their number, or NEEDS_VI (only while `viPending`) where composing Vietnamese marks could change
 * the text. With `cleaning`, the code points U+0041..U+007A are left out (they still count towards the cap, which the
 * reference applies first).
 */
function scan(t: string, tb: Tables, viPending: boolean, cleaning: boolean): number {
  const out = ngramBuf;
  const info = tb.info;
  const unigram = tb.unigram;
  const bigram = tb.bigram;
  const trigram = tb.trigram;
  const spaceId = tb.spaceId;
  let k = 0;
  // The window: c1 newest (ids for the lookup); whether c1 is a space, and whether it is uppercase.
  let space1 = true;
  let id1 = 0;
  let id2 = 0;
  let id3 = 0;
  let len = 1;
  let capitalword = false;
  let prevUpper = false;
  const end = t.length;
  let i = 0;
  for (let n = 0; i < end && n < MAX_TEXT_LENGTH; i++, n++) {
    let cp = t.charCodeAt(i);
    let v: number;
    if (cp < 0x80) {
      if (cleaning && cp >= 0x41 && cp <= 0x7a) continue;
      v = info[cp]!;
    } else {
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
        const lo = t.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          i++;
        }
      }
      if (cp > 0xffff) v = caseOfCp(cp) === 'upper' ? INFO_UPPER : 0;
      else {
        v = info[cp]!;
        if (v & INFO_VI_MARK && viPending) return NEEDS_VI;
        if (!(v & INFO_CASE_KNOWN)) v = learnCase(cp, tb);
      }
    }
    const space = (v & INFO_SPACE) !== 0;
    if (space1) {
      id2 = id3 = 0;
      len = 1;
      capitalword = false;
      if (space) continue;
      // The window is " " + cp: the space is the previous character.
      id1 = spaceId;
    } else if (len >= 3) len = 2;
    id3 = len >= 2 ? id2 : 0;
    id2 = id1;
    id1 = v & INFO_ID;
    space1 = space;
    len++;
    if (v & INFO_UPPER) {
      if (prevUpper) capitalword = true;
      prevUpper = true;
    } else {
      capitalword = false;
      prevUpper = false;
    }
    if (capitalword || id1 === 0) continue;
    let r: number;
    if (!space && (r = unigram[id1]!) >= 0) out[k++] = r;
    if (id2 === 0) continue;
    if (id1 < D && id2 < D) {
      if ((r = bigram[id2 * D + id1]!) !== NO_ROW) out[k++] = r;
      if (len >= 3 && id3 !== 0) {
        if (id3 < D) {
          if ((r = trigram[(id3 * D + id2) * D + id1]!) !== NO_ROW) out[k++] = r;
        } else if ((r = cachedRow(tb, id3, id2, id1)) >= 0) out[k++] = r;
      }
      continue;
    }
    if ((r = cachedRow(tb, 0, id2, id1)) >= 0) out[k++] = r;
    if (len >= 3 && id3 !== 0 && (r = cachedRow(tb, id3, id2, id1)) >= 0) out[k++] = r;
  }
  // A mark just past the cap can still compose with the last character before it.
  if (viPending && i < end && info[t.charCodeAt(i)]! & INFO_VI_MARK) return NEEDS_VI;
  return k;
}

/** The generator every call starts from, seeded and primed once (seeding costs more than copying its state). */
let seeded: PyRandom | undefined;
/** The generator of the current call (calls never overlap), reset to `seeded` at the start of each. */
const callRng = new PyRandom(SEED);

/**
 * The language langdetect names for `text` (an ISO 639-1 code such as `en`, or `zh-cn` / `zh-tw`, or `unknown` when
 * no language reaches 0.1), or null where langdetect raises "No features in text".
 *
 * Three shortcuts leave every floating-point result that decides the answer as the reference computes it:
 * - the draws between two normalizations (1, then 5 at a time) are applied language by language, each language's
 *   product taken in draw order and the sum in language order, which are the reference's operations in its order;
 * - a normalization's divisions are done where the next batch reads the values, in the same pass as its products;
 * - the trials stop once the leader's lead over the runner-up exceeds what the remaining trials could add (each adds
 *   at most 1/7 to one language), so the winner, and that it is above 0.1, is already decided.
 */
export function langdetect(text: string): string | null {
  const tb = langdetectTables();
  const m = tb.model;
  const ngrams = extractNgrams(text, tb);
  const count = ngrams.length;
  if (count === 0) return null;
  const L = LANGS;
  const probs = m.probs;
  const langprob = tb.langprob.fill(0);
  const prob = tb.prob;
  const rng = callRng.copyFrom((seeded ??= new PyRandom(SEED).prime()));
  for (let t = 0; t < N_TRIAL; t++) {
    prob.fill(1.0 / L);
    // `prob` holds the products of the last batch; the reference's normalized values are prob[j] / norm, divided
    // where they are next read (x / 1 is x, exactly, for the first batch).
    let norm = 1;
    const alpha = ALPHA_DEFAULT + rng.gauss() * ALPHA_WIDTH;
    const weight = alpha / BASE_FREQ;
    // The reference draws i = 0, 1, 2, ... and normalizes when i % 5 === 0: after draw 0, then after every 5 more.
    for (let i = 0; ; i += 5) {
      let sum = 0;
      let max = 0;
      if (i === 0) {
        const b = ngrams[rng.below(count)]! * L;
        for (let j = 0; j < L; j++) {
          const p = (prob[j]! / norm) * (weight + probs[b + j]!);
          prob[j] = p;
          sum += p;
          if (max < p) max = p;
        }
      } else {
        const b1 = ngrams[rng.below(count)]! * L;
        const b2 = ngrams[rng.below(count)]! * L;
        const b3 = ngrams[rng.below(count)]! * L;
        const b4 = ngrams[rng.below(count)]! * L;
        const b5 = ngrams[rng.below(count)]! * L;
        for (let j = 0; j < L; j++) {
          let p = (prob[j]! / norm) * (weight + probs[b1 + j]!);
          p = p * (weight + probs[b2 + j]!);
          p = p * (weight + probs[b3 + j]!);
          p = p * (weight + probs[b4 + j]!);
          p = p * (weight + probs[b5 + j]!);
          prob[j] = p;
          sum += p;
          if (max < p) max = p;
        }
      }
      norm = sum;
      // The largest normalized value, as the reference finds it: a correctly rounded division by the same positive
      // sum never reverses an order, so it is the largest product divided by the sum.
      if (max / sum > CONV_THRESHOLD || i >= ITERATION_LIMIT) break;
    }
    let first = 0;
    let second = 0;
    for (let j = 0; j < L; j++) {
      const v = (langprob[j] = langprob[j]! + prob[j]! / norm / N_TRIAL);
      if (v > first) {
        second = first;
        first = v;
      } else if (v > second) second = v;
    }
    // A normalized probability is at most 1, so a trial adds at most 1/7 to a language (the margin covers rounding).
    if (first - second > (N_TRIAL - 1 - t) / N_TRIAL + 1e-9) break;
  }
  // The leader's value is kept rather than read back at its index: a read that only the rare text with two languages
  // above the threshold reaches made the compiled function bail out again and again.
  let best = -1;
  let bestProb = PROB_THRESHOLD;
  for (let j = 0; j < L; j++) {
    const p = langprob[j]!;
    if (p > bestProb) {
      best = j;
      bestProb = p;
    }
  }
  return best < 0 ? 'unknown' : m.langs[best]!;
}

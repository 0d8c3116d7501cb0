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
import { langdetectModel, lookupRow, type LangdetectModel as Model } from './langdetect-model.js';
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

/** Detector.append: URLs and e-mail addresses blanked, Vietnamese marks composed, space runs collapsed, 10,000 cap. */
function prepare(text: string, m: Model): number[] {
  let t = text.replace(URL_RE, ' ').replace(MAIL_RE, ' ');
  t = t.replace(m.viRe, (_, a: string, d: string) => m.viNormalized[m.viMarks.indexOf(d)]![m.viAlphabet.indexOf(a)]!);
  const out: number[] = [];
  let pre = -1;
  let n = 0;
  for (let i = 0; i < t.length && n < MAX_TEXT_LENGTH; i++, n++) {
    const cp = t.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp !== 0x20 || pre !== 0x20) out.push(cp);
    pre = cp;
  }
  return out;
}

/** Detector.cleaning_text: drop ASCII letters when the text is mostly non-Latin. */
function clean(cps: number[]): number[] {
  let latin = 0;
  let nonLatin = 0;
  for (const cp of cps) {
    if (cp >= 0x41 && cp <= 0x7a) latin++;
    // langdetect means to skip Latin Extended Additional here, but compares the block number with the block's
    // name, so every character from U+0300 on counts as non-Latin.
    else if (cp >= 0x300) nonLatin++;
  }
  if (latin * 2 >= nonLatin) return cps;
  return cps.filter((cp) => cp < 0x41 || cp > 0x7a);
}

/**
 * Detector._extract_ngrams: the rows of the 1- to 3-grams known to some profile, in text order, skipping inside
 * all-capital words. A character no profile holds (id 0) makes every n-gram containing it unknown.
 */
function extractNgrams(cps: number[], m: Model): Int32Array {
  const out = new Int32Array(cps.length * 3);
  let k = 0;
  const ids = m.charId;
  // The window: c1 newest; codes (for the space and case tests) and ids (for the lookup).
  let code1 = 0x20;
  let id1 = 0;
  let id2 = 0;
  let id3 = 0;
  let len = 1;
  let capitalword = false;
  let prevUpper = false;
  for (const raw of cps) {
    const cp = normalize(raw, m);
    if (code1 === 0x20) {
      id2 = id3 = 0;
      len = 1;
      capitalword = false;
      if (cp === 0x20) continue;
      // The window is " " + cp: the space is the previous character.
      id1 = ids[0x20]!;
    } else if (len >= 3) len = 2;
    id3 = len >= 2 ? id2 : 0;
    id2 = id1;
    id1 = cp <= 0xffff ? ids[cp]! : 0;
    code1 = cp;
    len++;
    const upper = cp < 0x80 ? cp >= 0x41 && cp <= 0x5a : caseOfCp(cp) === 'upper';
    if (upper) {
      if (prevUpper) capitalword = true;
    } else capitalword = false;
    prevUpper = upper;
    if (capitalword || id1 === 0) continue;
    let r: number;
    if (cp !== 0x20 && (r = lookupRow(m, 0, 0, id1)) >= 0) out[k++] = r;
    if (id2 === 0) continue;
    if ((r = lookupRow(m, 0, id2, id1)) >= 0) out[k++] = r;
    if (len >= 3 && id3 !== 0 && (r = lookupRow(m, id3, id2, id1)) >= 0) out[k++] = r;
  }
  return out.subarray(0, k);
}

/**
 * The language langdetect names for `text` (an ISO 639-1 code such as `en`, or `zh-cn` / `zh-tw`, or `unknown` when
 * no language reaches 0.1), or null where langdetect raises "No features in text".
 */
export function langdetect(text: string): string | null {
  const m = langdetectModel();
  const ngrams = extractNgrams(clean(prepare(text, m)), m);
  if (ngrams.length === 0) return null;
  const L = m.langs.length;
  const probs = m.probs;
  const langprob = new Float64Array(L);
  const rng = new PyRandom(SEED);
  const prob = new Float64Array(L);
  for (let t = 0; t < N_TRIAL; t++) {
    prob.fill(1.0 / L);
    const alpha = ALPHA_DEFAULT + rng.gauss() * ALPHA_WIDTH;
    const weight = alpha / BASE_FREQ;
    for (let i = 0; ; i++) {
      const base = ngrams[rng.below(ngrams.length)]! * L;
      for (let j = 0; j < L; j++) prob[j] = prob[j]! * (weight + probs[base + j]!);
      if (i % 5 === 0) {
        let sum = 0;
        for (let j = 0; j < L; j++) sum += prob[j]!;
        let max = 0;
        for (let j = 0; j < L; j++) {
          const q = prob[j]! / sum;
          if (max < q) max = q;
          prob[j] = q;
        }
        if (max > CONV_THRESHOLD || i >= ITERATION_LIMIT) break;
      }
    }
    for (let j = 0; j < L; j++) langprob[j] = langprob[j]! + prob[j]! / N_TRIAL;
  }
  let best = -1;
  for (let j = 0; j < L; j++) if (langprob[j]! > PROB_THRESHOLD && (best < 0 || langprob[j]! > langprob[best]!)) best = j;
  return best < 0 ? 'unknown' : m.langs[best]!;
}

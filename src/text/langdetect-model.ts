/**
 * langdetect's data (data/langdetect/: the 55 language profiles and messages.properties of Python langdetect 1.0.9,
 * Apache-2.0), loaded once into flat typed arrays so that an n-gram lookup is integer arithmetic:
 *
 * - every character that occurs in some profile n-gram gets a small id (1..4095; the profiles hold ~3,200);
 * - an n-gram of ids (c1 newest) is the pair lo = c1 + c2·4096 (c2 = 0 for a 1-gram), hi = c3 (0 for n < 3);
 * - an open-addressing table maps (lo, hi) to the n-gram's row in `probs`: its probability in each language,
 *   `freq / n_words[n-1]` computed as the Python code computes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import { LANGDETECT_CACHE_FILE, readLangdetectCache, sourcesHash, writeLangdetectCacheFile } from './langdetect-cache.js';

export const LANGDETECT_DIR = path.join(PACKAGE_ROOT, 'data', 'langdetect');

export interface LangdetectModel {
  langs: string[];
  /** Row-major: row r holds the probabilities of n-gram r for langs[0..L). */
  probs: Float64Array;
  /** Character id per BMP code unit, 0 where the character occurs in no profile (space and A-Z, a-z: 1..DENSE_IDS). */
  charId: Uint16Array;
  /**
   * Hash table, one slot per 4 entries (lo key, hi key or -1 for an empty slot, row, unused), so that a probe reads
   * one cache line: the table is larger than the CPU caches and n-gram lookups are most of the work on a long text.
   */
  slots: Int32Array;
  mask: number;
  latin1Excluded: string;
  viRe: RegExp;
  viAlphabet: string;
  viMarks: string;
  viNormalized: string[];
  /** CJK ideograph → its class representative (NGram.KANJI_* classes). */
  cjk: Map<number, number>;
}

/** messages.properties: `key=value` lines whose values use `\uXXXX` escapes (decoded as Python's unicode_escape). */
function parseMessages(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const t = line.trim();
    const eq = t.indexOf('=');
    if (eq < 0) continue;
    out.set(t.slice(0, eq), t.slice(eq + 1).replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  }
  return out;
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}

/** The characters whose ids are 1..DENSE_IDS, in that order. */
const DENSE_CHARS = ' ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const DENSE_IDS = DENSE_CHARS.length;

export function slotOf(lo: number, hi: number, mask: number): number {
  return (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 1, 0x85ebca6b)) & mask;
}

let cached: LangdetectModel | undefined;

/** Only BMP n-grams can occur in text as it is scanned (the profiles hold no other). */
function bmpOnly(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return false;
  }
  return true;
}

/**
 * Row order, chosen for memory locality only (a row's number changes no result): the n-grams of space and ASCII
 * letters first, then the rest, each part from the most to the least probable n-gram in its most likely language. The
 * rows that real text draws then sit together in a few megabytes at the front of `probs` rather than spread over
 * its ~38 MB, and the first part's numbers stay small (src/text/langdetect.ts keeps them in 16 bits).
 * Returns each first-seen row's new number.
 */
function renumberRows(words: readonly string[], entries: readonly ProfileEntries[], charId: Uint16Array): Int32Array {
  const peak = new Float64Array(words.length);
  for (const { row, prob } of entries) {
    for (let k = 0; k < row.length; k++) {
      const r = row[k]!;
      if (r >= 0 && prob[k]! > peak[r]!) peak[r] = prob[k]!;
    }
  }
  const isDense = new Uint8Array(words.length);
  words.forEach((w, i) => {
    let dense = 1;
    for (let j = 0; j < w.length; j++) if (charId[w.charCodeAt(j)]! > DENSE_IDS) dense = 0;
    isDense[i] = dense;
  });
  // A total order (ties broken by first-seen row), so the result does not depend on the sort algorithm.
  const order = Int32Array.from(words, (_, i) => i);
  order.sort((a, b) => (isDense[a] !== isDense[b] ? (isDense[a] ? -1 : 1) : peak[b]! - peak[a]! || a - b));
  const renumbered = new Int32Array(words.length);
  order.forEach((old, rank) => (renumbered[old] = rank));
  return renumbered;
}

/** One profile's n-grams in its key order: each one's first-seen row (-1: not a row) and its probability. */
interface ProfileEntries {
  row: Int32Array;
  prob: Float64Array;
}

/**
 * The part of the model that takes long to build from the profiles (~0.5 s: parsing 2.3 MB of JSON and numbering
 * 87,000 n-grams), which the build therefore caches (langdetect-cache.ts).
 */
export interface LangdetectArrays {
  langs: string[];
  probs: Float64Array;
  charId: Uint16Array;
  slots: Int32Array;
  mask: number;
}

/** The data files' text: messages.properties and the profiles in file-name order. */
export interface LangdetectSources {
  messages: string;
  profiles: string[];
}

export function readLangdetectSources(dir = LANGDETECT_DIR): LangdetectSources {
  const files = fs
    .readdirSync(path.join(dir, 'profiles'))
    .filter((f) => !f.startsWith('.'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    messages: fs.readFileSync(path.join(dir, 'messages.properties'), 'utf8'),
    profiles: files.map((f) => fs.readFileSync(path.join(dir, 'profiles', f), 'utf8')),
  };
}

/** The arrays built from the profiles' text (what a current cache file holds, bit for bit). */
export function buildLangdetectArrays(texts: readonly string[]): LangdetectArrays {
  const profiles = texts.map((t) => JSON.parse(t) as { name: string; freq: Record<string, number>; n_words: number[] });
  const L = profiles.length;

  // Character ids and n-gram rows. Space and the ASCII letters take ids 1..DENSE_IDS (whether or not a profile holds
  // them: an n-gram with a character no profile holds is simply not found), so that the n-grams of plain Latin text
  // can be looked up in small dense tables (src/text/langdetect.ts).
  const charId = new Uint16Array(0x10000);
  let nextId = 1;
  for (const c of DENSE_CHARS) charId[c.charCodeAt(0)] = nextId++;
  // Each profile's keys are read once (for...in over these large objects, and a Map lookup per key, three times over
  // took most of the load time): rows are numbered in first-seen order, profile by profile, key by key.
  const rows = new Map<string, number>();
  const words: string[] = [];
  const entries: ProfileEntries[] = profiles.map((p) => {
    const keys = Object.keys(p.freq); // the order for...in gives
    const row = new Int32Array(keys.length);
    const prob = new Float64Array(keys.length);
    for (let k = 0; k < keys.length; k++) {
      const word = keys[k]!;
      prob[k] = (1.0 * p.freq[word]!) / p.n_words[word.length - 1]!;
      let r = rows.get(word);
      if (r === undefined) {
        r = -1;
        if (word.length >= 1 && word.length <= 3 && bmpOnly(word)) {
          for (let i = 0; i < word.length; i++) {
            const c = word.charCodeAt(i);
            if (charId[c] === 0) {
              if (nextId > 4095) throw new Error('langdetect data: more than 4095 distinct characters');
              charId[c] = nextId++;
            }
          }
          r = words.length;
          rows.set(word, r);
          words.push(word);
        }
      }
      row[k] = r;
    }
    return { row, prob };
  });
  const renumbered = renumberRows(words, entries, charId);
  const probs = new Float64Array(words.length * L);
  entries.forEach(({ row, prob }, index) => {
    for (let k = 0; k < row.length; k++) {
      const r = row[k]!;
      if (r >= 0) probs[renumbered[r]! * L + index] = prob[k]!;
    }
  });
  let size = 1;
  while (size < words.length * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size * 4);
  for (let s = 0; s < size; s++) slots[4 * s + 1] = -1;
  // First-seen order: a slot's place under linear probing depends on the insertion order.
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const r = renumbered[w]!;
    const n = word.length;
    const c1 = charId[word.charCodeAt(n - 1)]!;
    const c2 = n >= 2 ? charId[word.charCodeAt(n - 2)]! : 0;
    const c3 = n >= 3 ? charId[word.charCodeAt(0)]! : 0;
    const lo = c1 + c2 * 4096;
    let s = slotOf(lo, c3, mask);
    while (slots[4 * s + 1] !== -1) s = (s + 1) & mask;
    slots[4 * s] = lo;
    slots[4 * s + 1] = c3;
    slots[4 * s + 2] = r;
  }
  return { langs: profiles.map((p) => p.name), probs, charId, slots, mask };
}

export function langdetectModel(): LangdetectModel {
  if (cached) return cached;
  const sources = readLangdetectSources();
  const arrays = readLangdetectCache(LANGDETECT_CACHE_FILE, sourcesHash(sources)) ?? buildLangdetectArrays(sources.profiles);
  cached = completeModel(sources.messages, arrays);
  return cached;
}

/** The model from its arrays and messages.properties (the CJK classes and Vietnamese tables, cheap to read). */
function completeModel(messages: string, arrays: LangdetectArrays): LangdetectModel {
  const msg = parseMessages(messages);
  const get = (k: string) => {
    const v = msg.get(k);
    if (v === undefined) throw new Error(`langdetect data: ${k} missing from messages.properties`);
    return v;
  };
  const cjk = new Map<number, number>();
  for (const [key, chars] of msg) {
    if (!key.startsWith('NGram.KANJI_')) continue;
    for (let i = 0; i < chars.length; i++) cjk.set(chars.charCodeAt(i), chars.charCodeAt(0));
  }
  const viAlphabet = get('TO_NORMALIZE_VI_CHARS');
  const viMarks = get('DMARK_CLASS');
  return {
    ...arrays,
    latin1Excluded: get('NGram.LATIN1_EXCLUDE'),
    viRe: new RegExp(`([${escapeClass(viAlphabet)}])([${escapeClass(viMarks)}])`, 'gu'),
    viAlphabet,
    viMarks,
    viNormalized: ['0300', '0301', '0303', '0309', '0323'].map((m) => get(`NORMALIZED_VI_CHARS_${m}`)),
    cjk,
  };
}

/** Writes the cache of the arrays that the build ships (the build's step; langdetect-cache.ts says why). */
export function writeLangdetectCache(file = LANGDETECT_CACHE_FILE): string {
  const sources = readLangdetectSources();
  writeLangdetectCacheFile(file, buildLangdetectArrays(sources.profiles), sourcesHash(sources));
  return file;
}

/** The row of the n-gram (c3, c2, c1) (ids; 0 for absent positions), or -1 when no profile has it. */
export function lookupRow(m: LangdetectModel, c3: number, c2: number, c1: number): number {
  const lo = c1 + c2 * 4096;
  let s = slotOf(lo, c3, m.mask);
  for (;;) {
    const hi = m.slots[4 * s + 1]!;
    if (hi === -1) return -1;
    if (hi === c3 && m.slots[4 * s] === lo) return m.slots[4 * s + 2]!;
    s = (s + 1) & m.mask;
  }
}

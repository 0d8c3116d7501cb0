/**
 * The purity engine: cheap trigger words first, rule patterns only for the rules they wake.
 *
 * 1. Scan the text once, case folded, for its tokens (maximal runs of a-z) and look each up in the word table. A
 *    pattern wakes when one of its trigger words occurs and, where it names them, one of its needed words (its
 *    subject: "i", "my", "me") and a word of each further group (the "am" of "I am curious"). Most targets ("Sunday",
 *    "The answer is 12.", "I have 32 layers.") wake nothing and cost that one pass.
 * 2. Only then prepare the text (lowercased, quotes and code blanked, apostrophes straightened; steps the scan saw to
 *    be no-ops are skipped) and run the woken patterns: a pattern anchored at its subject is tried only where that
 *    subject's tokens start; others scan.
 * 3. Drop matches an exception rejects, and of overlapping findings keep the one from the earliest rule.
 */
import type { PurityFinding, PurityPattern, PurityRule } from './types.js';
import { consider, resolveOverlaps, type Candidate } from './findings.js';
import { lowerSameLength, prepareFromLower } from './prepare.js';
import { buildTable, FNV_OFFSET, FNV_PRIME, lookup, shapeOf, type WordTable } from './words.js';

/** A pattern with where it sits in the registry. */
interface IndexedPattern {
  readonly rule: number;
  readonly pattern: PurityPattern;
  /** Word ids of the pattern's `needs` (empty: no condition), then of each group of its `alsoNeeds`. */
  readonly needs: readonly number[];
  readonly alsoNeeds: readonly (readonly number[])[];
  /**
   * The anchor bits (see PurityIndex.anchorBit) of the pattern's `anchors`, and a sticky copy of its regex to try at
   * them; 0 and null when not anchored.
   */
  readonly anchorMask: number;
  readonly sticky: RegExp | null;
}

export interface PurityIndex {
  readonly rules: readonly PurityRule[];
  readonly patterns: readonly IndexedPattern[];
  /** Every trigger or needed word, with its id. */
  readonly wordIds: ReadonlyMap<string, number>;
  /** The patterns word id w triggers: trigList from trigStart[w] up to trigStart[w + 1] (one flat array to walk). */
  readonly trigStart: Int32Array;
  readonly trigList: Int32Array;
  readonly table: WordTable;
  readonly scratch: Scratch;
  /** For each word id, its bit when it anchors some pattern (one bit per anchor word), else 0. */
  readonly anchorBit: Int32Array;
}

const WORD = /^[a-z]+$/;

export function buildIndex(rules: readonly PurityRule[]): PurityIndex {
  const wordIds = new Map<string, number>();
  const triggeredBy: number[][] = [];
  const idOf = (word: string, where: string): number => {
    if (!WORD.test(word)) throw new Error(`purity ${where}: '${word}' is not a lowercase a-z word`);
    let id = wordIds.get(word);
    if (id === undefined) {
      id = wordIds.size;
      wordIds.set(word, id);
      triggeredBy.push([]);
    }
    return id;
  };
  const patterns: Array<IndexedPattern & { anchors: readonly number[] | null }> = [];
  const anchorWords: number[] = [];
  rules.forEach((rule, r) => {
    if (rule.patterns.length === 0) throw new Error(`purity rule ${rule.id} has no patterns`);
    for (const pattern of rule.patterns) {
      if (!pattern.regex.global) throw new Error(`purity rule ${rule.id}: pattern ${pattern.regex.source} lacks the g flag`);
      if (pattern.triggers.length === 0) throw new Error(`purity rule ${rule.id}: a pattern has no trigger words`);
      const p = patterns.length;
      const needs = (pattern.needs ?? []).map((w) => idOf(w, `rule ${rule.id} needs`));
      const anchors = pattern.anchors === undefined ? null : pattern.anchors.map((w) => idOf(w, `rule ${rule.id} anchors`));
      if (anchors !== null && !anchors.every((a) => needs.includes(a))) throw new Error(`purity rule ${rule.id}: anchors must be needed words`);
      const sticky = anchors === null ? null : new RegExp(pattern.regex.source, 'y');
      for (const a of anchors ?? []) if (!anchorWords.includes(a)) anchorWords.push(a);
      const alsoNeeds = (pattern.alsoNeeds ?? []).map((group) => group.map((w) => idOf(w, `rule ${rule.id} needs`)));
      patterns.push({ rule: r, pattern, needs, alsoNeeds, anchors, anchorMask: 0, sticky });
      for (const word of pattern.triggers) {
        const list = triggeredBy[idOf(word, `rule ${rule.id} trigger`)]!;
        if (list[list.length - 1] !== p) list.push(p);
      }
    }
  });
  if (anchorWords.length > 30) throw new Error(`purity: ${anchorWords.length} anchor words, at most 30 fit the anchor bits`);
  const anchorBit = new Int32Array(wordIds.size);
  anchorWords.forEach((a, k) => (anchorBit[a] = 1 << k));
  const indexed: IndexedPattern[] = patterns.map(({ anchors, ...p }) => ({ ...p, anchorMask: (anchors ?? []).reduce((m, a) => m | anchorBit[a]!, 0) }));
  const trigStart = new Int32Array(wordIds.size + 1);
  triggeredBy.forEach((list, w) => (trigStart[w + 1] = trigStart[w]! + list.length));
  const trigList = Int32Array.from(triggeredBy.flat());
  const scratch: Scratch = {
    call: 0,
    wordStamp: new Int32Array(wordIds.size),
    patternStamp: new Int32Array(indexed.length),
    woken: new Int32Array(indexed.length),
    anchorCount: 0,
    anchorWords: new Int32Array(64),
    anchorStarts: new Int32Array(64),
    seen: 0,
    lower: '',
  };
  return { rules, patterns: indexed, wordIds, trigStart, trigList, table: buildTable(wordIds), scratch, anchorBit };
}

/**
 * Per-call state, reused across calls so that the trigger stage allocates nothing: a word or pattern is marked in this
 * call when its stamp equals the call's number.
 */
interface Scratch {
  call: number;
  readonly wordStamp: Int32Array;
  readonly patternStamp: Int32Array;
  /** The patterns this call woke, each once, in the order their first trigger occurs (a count is returned beside it). */
  readonly woken: Int32Array;
  /** The anchor tokens of this call, in text order: word id and start offset, the first anchorCount entries. */
  anchorCount: number;
  anchorWords: Int32Array;
  anchorStarts: Int32Array;
  /**
   * What the last scan saw besides tokens: UPPER for an ASCII capital, SPECIAL for a character prepareFromLower may
   * change (quote marks, backtick, tilde, tab, vertical tab, form feed, carriage return); -1 after a non-ASCII text,
   * which was scanned in its lowerSameLength form, kept in `lower`.
   */
  seen: number;
  lower: string;
}

const UPPER = 32;
const SPECIAL = 1;
/** A straight single quote: SPECIAL unless it follows a letter or digit, where it is an apostrophe. */
const APOSTROPHE = 2;
/**
 * SPECIAL for the ASCII characters that make prepareFromLower change an ASCII text (see prepare.ts): quote and fence
 * openers and the odd spaces. A single quote after a letter or digit ("I'm", "90's") can neither open a quoted passage
 * nor change, and one that closes a passage needs an opener, which is SPECIAL.
 */
const SPECIAL_ASCII = new Uint8Array(128);
for (const c of ['"', '`', '~', '\t', '\v', '\f', '\r']) SPECIAL_ASCII[c.charCodeAt(0)] = SPECIAL;
SPECIAL_ASCII[39] = APOSTROPHE;

/** Whether the single quote at `i` opens nothing: it follows an ASCII letter or digit. */
function afterWord(text: string, i: number): boolean {
  const c = i > 0 ? text.charCodeAt(i - 1) : 0;
  const low = c | 32;
  return (low >= 97 && low <= 122) || (c >= 48 && c <= 57);
}

function pushAnchor(scratch: Scratch, id: number, start: number): void {
  const k = scratch.anchorCount;
  if (k === scratch.anchorWords.length) {
    const words = new Int32Array(2 * k);
    const starts = new Int32Array(2 * k);
    words.set(scratch.anchorWords);
    starts.set(scratch.anchorStarts);
    scratch.anchorWords = words;
    scratch.anchorStarts = starts;
  }
  scratch.anchorWords[k] = id;
  scratch.anchorStarts[k] = start;
  scratch.anchorCount = k + 1;
}

/**
 * Mark the indexed words that occur in `text` as tokens (maximal runs of ASCII letters, case folded) and put the
 * patterns they trigger, each once, in scratch.woken; return their count, or -1 when `strict` and the text has a
 * non-ASCII character (whose lowercase may be an ASCII letter, as the Kelvin sign's is 'k': the caller then lowercases
 * first and calls again without `strict`, where non-ASCII characters separate tokens).
 */
function scan(text: string, index: PurityIndex, strict: boolean): number {
  const { table, trigStart, trigList, scratch, anchorBit } = index;
  const { wordStamp, patternStamp, woken } = scratch;
  const shapes = table.shapes;
  const call = scratch.call;
  let count = 0;
  let seen = 0;
  scratch.anchorCount = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    // c | 32 folds A-Z onto a-z and maps no other code unit into a-z.
    let low = c | 32;
    if (low < 97 || low > 122) {
      if (c < 128) {
        const kind = SPECIAL_ASCII[c]!;
        if (kind === APOSTROPHE) {
          if (!afterWord(text, i)) seen |= SPECIAL;
        } else seen |= kind;
      } else if (strict) return -1;
      i++;
      continue;
    }
    seen |= c ^ low; // UPPER for a capital
    // A token: hash its folded letters as they are read (FNV-1a, as the word table does).
    const from = i;
    const first = low;
    let last = low;
    let h = Math.imul(FNV_OFFSET ^ low, FNV_PRIME);
    while (++i < n) {
      c = text.charCodeAt(i);
      low = c | 32;
      if (low < 97 || low > 122) break;
      seen |= c ^ low;
      h = Math.imul(h ^ low, FNV_PRIME);
      last = low;
    }
    if (shapes[shapeOf(first, last, i - from)] !== 1) continue;
    const id = lookup(table, h, text, from, i);
    if (id < 0) continue;
    if (anchorBit[id] !== 0) pushAnchor(scratch, id, from);
    if (wordStamp[id] === call) continue;
    wordStamp[id] = call;
    for (let k = trigStart[id]!, stop = trigStart[id + 1]!; k < stop; k++) {
      const p = trigList[k]!;
      if (patternStamp[p] !== call) {
        patternStamp[p] = call;
        woken[count++] = p;
      }
    }
  }
  scratch.seen = seen;
  return count;
}

/** Start a new call's marks (stamps are call numbers; on wrap-around the arrays are cleared). */
function nextCall(scratch: Scratch): void {
  if (scratch.call === 0x7fffffff) {
    scratch.wordStamp.fill(0);
    scratch.patternStamp.fill(0);
    scratch.call = 0;
  }
  scratch.call++;
}

/** Whether a word of `group` is marked in the current call. */
function present(group: readonly number[], stamp: Int32Array, call: number): boolean {
  for (let k = 0; k < group.length; k++) if (stamp[group[k]!] === call) return true;
  return false;
}

/**
 * The trigger stage: leave in scratch.woken the patterns whose trigger words and needed words occur in `text`, and
 * return how many.
 */
function wake(text: string, index: PurityIndex): number {
  const { scratch, patterns } = index;
  nextCall(scratch);
  let count = scan(text, index, true);
  if (count < 0) {
    nextCall(scratch);
    scratch.lower = lowerSameLength(text);
    count = scan(scratch.lower, index, false);
    scratch.seen = -1;
  }
  const { woken, wordStamp, call } = scratch;
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const p = woken[k]!;
    const { needs, alsoNeeds } = patterns[p]!;
    if (needs.length > 0 && !present(needs, wordStamp, call)) continue;
    let all = true;
    for (let g = 0; g < alsoNeeds.length && all; g++) all = present(alsoNeeds[g]!, wordStamp, call);
    if (all) woken[kept++] = p;
  }
  return kept;
}

/** The patterns (by index) whose trigger words and needed words occur in `text`; empty when none. */
export function wokenPatterns(text: string, index: PurityIndex): number[] {
  return Array.from(index.scratch.woken.subarray(0, wake(text, index)));
}

/**
 * prepareFromLower(lowerSameLength(text)) for the text just scanned, skipping what the scan showed to be no-ops: an
 * ASCII text without capitals is its own lowercase, and one without SPECIAL characters its own preparation.
 */
function preparedAfterScan(text: string, scratch: Scratch): string {
  const seen = scratch.seen;
  if (seen < 0) return prepareFromLower(scratch.lower);
  const lower = (seen & UPPER) !== 0 ? lowerSameLength(text) : text;
  return (seen & SPECIAL) !== 0 ? prepareFromLower(lower) : lower;
}

/**
 * Run the rules over `text`. With `everyRule`, skip the trigger stage and run every pattern (tests use it to prove that
 * the trigger and needed words lose no finding).
 */
export function runRules(text: string, index: PurityIndex, everyRule = false): PurityFinding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const count = everyRule ? index.patterns.length : wake(text, index);
  if (count === 0) return [];
  const prepared = everyRule ? prepareFromLower(lowerSameLength(text)) : preparedAfterScan(text, index.scratch);
  const candidates: Candidate[] = [];
  const { scratch, anchorBit } = index;
  const { woken, anchorCount, anchorWords, anchorStarts } = scratch;
  for (let w = 0; w < count; w++) {
    const p = everyRule ? w : woken[w]!;
    const { rule: r, pattern, anchorMask, sticky } = index.patterns[p]!;
    const rule = index.rules[r]!;
    if (everyRule || sticky === null) {
      // Scan the whole text.
      const regex = pattern.regex;
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(prepared)) !== null) {
        const end = regex.lastIndex;
        if (end === m.index) {
          regex.lastIndex = end + 1;
          continue;
        }
        consider(rule, r, prepared, text, m.index, end, candidates);
      }
    } else {
      // Try only where a match can start, skipping anchors inside the previous match (as a global scan would). test()
      // leaves lastIndex at the match's end and builds no match array.
      let resume = 0;
      for (let k = 0; k < anchorCount; k++) {
        const at = anchorStarts[k]!;
        if (at < resume || (anchorBit[anchorWords[k]!]! & anchorMask) === 0) continue;
        sticky.lastIndex = at;
        if (!sticky.test(prepared)) continue;
        const end = sticky.lastIndex;
        if (end === at) continue;
        resume = end;
        consider(rule, r, prepared, text, at, end, candidates);
      }
    }
  }
  return resolveOverlaps(candidates);
}

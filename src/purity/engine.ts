/**
 * The purity engine: cheap trigger words first, rule patterns only for the rules they wake.
 *
 * 1. Scan the text once, case folded, for its tokens (maximal runs of a-z) and look each up in the word table. A
 *    pattern wakes when one of its trigger words occurs and, where it names them, one of its needed words (its
 *    subject: "i", "my", "me") and a word of each further group (the "am" of "I am curious"). Most targets ("Sunday",
 *    "The answer is 12.", "I have 32 layers.") wake nothing and cost that one pass.
 * 2. Only then prepare the text (lowercased, quotes and code blanked, apostrophes straightened) and run the woken
 *    patterns: a pattern anchored at its subject is tried only where that subject's tokens start; others scan.
 * 3. Drop matches an exception rejects, and of overlapping findings keep the one from the earliest rule.
 */
import type { PurityFinding, PurityPattern, PurityRule } from './types.js';
import { lowerSameLength, prepareFromLower } from './prepare.js';
import { buildTable, FNV_OFFSET, FNV_PRIME, lookup, shapeOf, type WordTable } from './words.js';

/** How far past a match an exception may look (the clause it starts, cut at the sentence end). */
const CLAUSE_WINDOW = 240;

/** A pattern with where it sits in the registry. */
interface IndexedPattern {
  readonly rule: number;
  readonly pattern: PurityPattern;
  /** Word ids of the pattern's `needs` (empty: no condition), then of each group of its `alsoNeeds`. */
  readonly needs: readonly number[];
  readonly alsoNeeds: readonly (readonly number[])[];
  /** Word ids of the pattern's `anchors`, and a sticky copy of its regex to try at them; null when not anchored. */
  readonly anchors: readonly number[] | null;
  readonly sticky: RegExp | null;
}

export interface PurityIndex {
  readonly rules: readonly PurityRule[];
  readonly patterns: readonly IndexedPattern[];
  /** Every trigger or needed word, with its id. */
  readonly wordIds: ReadonlyMap<string, number>;
  /** For each word id, the patterns it triggers. */
  readonly triggeredBy: readonly (readonly number[])[];
  readonly table: WordTable;
  readonly scratch: Scratch;
  /** 1 for the word ids that anchor some pattern. */
  readonly isAnchor: Uint8Array;
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
  const patterns: IndexedPattern[] = [];
  const anchorWords = new Set<number>();
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
      for (const a of anchors ?? []) anchorWords.add(a);
      const alsoNeeds = (pattern.alsoNeeds ?? []).map((group) => group.map((w) => idOf(w, `rule ${rule.id} needs`)));
      patterns.push({ rule: r, pattern, needs, alsoNeeds, anchors, sticky });
      for (const word of pattern.triggers) {
        const list = triggeredBy[idOf(word, `rule ${rule.id} trigger`)]!;
        if (list[list.length - 1] !== p) list.push(p);
      }
    }
  });
  const scratch: Scratch = { call: 0, wordStamp: new Int32Array(wordIds.size), patternStamp: new Int32Array(patterns.length), anchorWords: [], anchorStarts: [] };
  const isAnchor = new Uint8Array(wordIds.size);
  for (const a of anchorWords) isAnchor[a] = 1;
  return { rules, patterns, wordIds, triggeredBy, table: buildTable(wordIds), scratch, isAnchor };
}

/**
 * Per-call marks, reused across calls so that the trigger stage allocates nothing for a clean text: a word or pattern is
 * marked in this call when its stamp equals the call's number.
 */
interface Scratch {
  call: number;
  readonly wordStamp: Int32Array;
  readonly patternStamp: Int32Array;
  /** The anchor tokens of this call, in text order: word id and start offset. */
  readonly anchorWords: number[];
  readonly anchorStarts: number[];
}

/**
 * Mark the indexed words that occur in `text` as tokens (maximal runs of ASCII letters, case folded) and return the
 * patterns they trigger, each once, or null when `strict` and the text has a non-ASCII character (whose lowercase may be
 * an ASCII letter, as the Kelvin sign's is 'k': the caller then lowercases first and calls again without `strict`, where
 * non-ASCII characters separate tokens).
 */
function scan(text: string, index: PurityIndex, strict: boolean): number[] | null {
  const { table, triggeredBy, scratch, isAnchor } = index;
  const call = scratch.call;
  const triggered: number[] = [];
  scratch.anchorWords.length = 0;
  scratch.anchorStarts.length = 0;
  const n = text.length;
  const shapes = table.shapes;
  let start = -1; // start of the current token, -1 outside one
  let first = 0;
  let last = 0;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) {
      if (start < 0) {
        start = i;
        first = c;
      }
      last = c;
      continue;
    }
    if (c >= 128 && strict) return null;
    if (start < 0) continue;
    const end = i;
    const from = start;
    start = -1;
    if (shapes[shapeOf(first, last, end - from)] !== 1) continue;
    let h = FNV_OFFSET;
    for (let j = from; j < end; j++) h = Math.imul(h ^ (text.charCodeAt(j) | 32), FNV_PRIME);
    const id = lookup(table, h, text, from, end);
    if (id < 0) continue;
    if (isAnchor[id] === 1) {
      scratch.anchorWords.push(id);
      scratch.anchorStarts.push(from);
    }
    if (scratch.wordStamp[id] === call) continue;
    scratch.wordStamp[id] = call;
    for (const p of triggeredBy[id]!) {
      if (scratch.patternStamp[p] !== call) {
        scratch.patternStamp[p] = call;
        triggered.push(p);
      }
    }
  }
  return triggered;
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

/** The patterns (by index) whose trigger words and needed words occur in `text`; empty when none. */
export function wokenPatterns(text: string, index: PurityIndex): number[] {
  const { scratch } = index;
  nextCall(scratch);
  let triggered = scan(text, index, true);
  if (triggered === null) {
    nextCall(scratch);
    triggered = scan(lowerSameLength(text), index, false)!;
  }
  if (triggered.length === 0) return triggered;
  const out: number[] = [];
  const present = (group: readonly number[]): boolean => {
    for (const w of group) if (scratch.wordStamp[w] === scratch.call) return true;
    return false;
  };
  for (const p of triggered) {
    const { needs, alsoNeeds } = index.patterns[p]!;
    if ((needs.length === 0 || present(needs)) && alsoNeeds.every(present)) out.push(p);
  }
  return out;
}

/** The clause a match starts: up to the next sentence end, at most CLAUSE_WINDOW characters past the match. */
function clauseAt(prepared: string, start: number, end: number): string {
  const limit = Math.min(prepared.length, end + CLAUSE_WINDOW);
  let stop = end;
  while (stop < limit) {
    const c = prepared.charCodeAt(stop);
    if (c === 46 || c === 33 || c === 63 || c === 10) break; // . ! ? newline
    stop++;
  }
  return prepared.slice(start, stop);
}

/** The sentence around [start, end): from the previous sentence end to the next, at most CLAUSE_WINDOW each way. */
function sentenceAround(prepared: string, start: number, end: number): string {
  const low = Math.max(0, start - CLAUSE_WINDOW);
  let from = start;
  while (from > low) {
    const c = prepared.charCodeAt(from - 1);
    if (c === 46 || c === 33 || c === 63 || c === 10) break;
    from--;
  }
  const high = Math.min(prepared.length, end + CLAUSE_WINDOW);
  let to = end;
  while (to < high) {
    const c = prepared.charCodeAt(to);
    if (c === 46 || c === 33 || c === 63 || c === 10) break;
    to++;
  }
  return prepared.slice(from, to);
}

/** True for a-z and 0-9: a match's span starts at its first such character (sentence-start patterns consume marks). */
function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

interface Candidate {
  finding: PurityFinding;
  rank: number;
}

/**
 * Run the rules over `text`. With `everyRule`, skip the trigger stage and run every pattern (tests use it to prove that
 * the trigger and needed words lose no finding).
 */
/** Keep a match [matchStart, end) of `rule` unless an exception clears it. */
function consider(rule: PurityRule, rank: number, prepared: string, text: string, matchStart: number, end: number, out: Candidate[]): void {
  let start = matchStart;
  while (start < end && !isAlnum(prepared.charCodeAt(start))) start++;
  if (start === end) return;
  if (rule.matchExceptions !== undefined && rule.matchExceptions.some((x) => x.test(prepared.slice(start, end)))) return;
  if (rule.requires !== undefined) {
    const sentence = sentenceAround(prepared, start, end);
    if (!rule.requires.every((x) => x.test(sentence))) return;
  }
  if (rule.exceptions !== undefined && rule.exceptions.length > 0) {
    const clause = clauseAt(prepared, start, end);
    if (rule.exceptions.some((x) => x.test(clause))) return;
  }
  out.push({ finding: { rule: rule.id, category: rule.category, start, end, match: text.slice(start, end) }, rank });
}

export function runRules(text: string, index: PurityIndex, everyRule = false): PurityFinding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const woken = everyRule ? index.patterns.map((_, p) => p) : wokenPatterns(text, index);
  if (woken.length === 0) return [];
  const prepared = prepareFromLower(lowerSameLength(text));
  const candidates: Candidate[] = [];
  const { anchorWords, anchorStarts } = index.scratch;
  for (const p of woken) {
    const { rule: r, pattern, anchors, sticky } = index.patterns[p]!;
    const rule = index.rules[r]!;
    if (everyRule || anchors === null || sticky === null) {
      // Scan the whole text.
      const regex = pattern.regex;
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(prepared)) !== null) {
        if (m[0].length === 0) {
          regex.lastIndex = m.index + 1;
          continue;
        }
        consider(rule, r, prepared, text, m.index, m.index + m[0].length, candidates);
      }
    } else {
      // Try only where a match can start, skipping anchors inside the previous match (as a global scan would).
      let resume = 0;
      for (let k = 0; k < anchorWords.length; k++) {
        const at = anchorStarts[k]!;
        if (at < resume || !anchors.includes(anchorWords[k]!)) continue;
        sticky.lastIndex = at;
        const m = sticky.exec(prepared);
        if (m === null || m[0].length === 0) continue;
        resume = at + m[0].length;
        consider(rule, r, prepared, text, at, resume, candidates);
      }
    }
  }
  return resolveOverlaps(candidates);
}

/** Group findings whose spans overlap (transitively) and keep, per group, the one from the earliest rule. */
function resolveOverlaps(candidates: Candidate[]): PurityFinding[] {
  if (candidates.length <= 1) return candidates.map((c) => c.finding);
  candidates.sort((a, b) => a.finding.start - b.finding.start || a.rank - b.rank || a.finding.end - b.finding.end);
  const kept: PurityFinding[] = [];
  let best = candidates[0]!;
  let groupEnd = best.finding.end;
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.finding.start < groupEnd) {
      if (c.rank < best.rank) best = c;
      if (c.finding.end > groupEnd) groupEnd = c.finding.end;
    } else {
      kept.push(best.finding);
      best = c;
      groupEnd = c.finding.end;
    }
  }
  kept.push(best.finding);
  return kept;
}

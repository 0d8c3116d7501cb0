/**
 * From a pattern's match to a finding: trim the span to its first letter or digit, let the rule's exceptions clear it,
 * and of overlapping findings keep the one from the earliest rule.
 */
import type { PurityFinding, PurityRule } from './types.js';

/** How far past a match an exception may look (the clause it starts, cut at the sentence end). */
const CLAUSE_WINDOW = 240;

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

export interface Candidate {
  finding: PurityFinding;
  rank: number;
}

/** Keep a match [matchStart, end) of `rule` unless an exception clears it. */
export function consider(rule: PurityRule, rank: number, prepared: string, text: string, matchStart: number, end: number, out: Candidate[]): void {
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

/** Group findings whose spans overlap (transitively) and keep, per group, the one from the earliest rule. */
export function resolveOverlaps(candidates: Candidate[]): PurityFinding[] {
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

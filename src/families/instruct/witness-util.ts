/**
 * Text surgery the constraints' witness steps share. Every helper keeps what earlier steps established where it can
 * (keywords, placeholders, sentence text) and leaves the final judgment to the item's verifier, which checks the
 * composed witness as the reference reads it.
 */
import { sentences as punktSentences } from '../../text/punkt.js';
import { pyIsLower, pyIsUpper, pyStrip } from '../../text/python.js';
import type { WitnessContext } from './constraints/types.js';

/** `phrase` in the case the response already has: all upper, all lower, or as written. */
export function caseLike(response: string, phrase: string): string {
  if (pyIsUpper(response)) return phrase.toUpperCase();
  if (pyIsLower(response)) return phrase.toLowerCase();
  return phrase;
}

/** The response's sentences as punkt splits them (whitespace inside each collapsed to the original). */
export function sentencesOf(response: string): string[] {
  return punktSentences(response)
    .map((s) => pyStrip(s))
    .filter((s) => s.length > 0);
}

/** `count` groups of the response's sentences (filler added when there are fewer sentences than groups), in order. */
export function groupSentences(response: string, count: number, ctx: WitnessContext): string[][] {
  const all = sentencesOf(response);
  if (all.length < count) all.push(...ctx.sentences(count - all.length));
  const groups: string[][] = [];
  const per = Math.floor(all.length / count);
  let extra = all.length % count;
  let at = 0;
  for (let g = 0; g < count; g++) {
    const size = per + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    groups.push(all.slice(at, at + size));
    at += size;
  }
  return groups;
}

/** Appends sentences to the response (a space apart, or a newline where the response ends a line of its own). */
export function appendSentences(response: string, extra: readonly string[]): string {
  if (extra.length === 0) return response;
  const body = pyStrip(response);
  return body ? `${body} ${extra.join(' ')}` : extra.join(' ');
}

/** Merges the sentences from index `keep - 1` on into one ("A. B. C." → "A and b and c."), so punkt counts `keep`. */
export function mergeSentencesFrom(response: string, keep: number): string {
  const all = sentencesOf(response);
  if (all.length <= keep || keep < 1) return response;
  const head = all.slice(0, keep - 1);
  const tail = all.slice(keep - 1).map((s, i) => {
    let t = s.replace(/[.!?]+$/, '');
    if (i > 0 && /^[A-Z][a-z]/.test(t)) t = t[0]!.toLowerCase() + t.slice(1);
    return t;
  });
  return [...head, `${tail.join(' and ')}.`].join(' ');
}

/** Lowercases the first letter of a sentence unless it starts a name-like all-capital token or a bracket. */
export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

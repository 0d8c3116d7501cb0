/**
 * The `answer` verifier: finds the answer in a response (see answer/extract.ts), then compares it with the truth in
 * a cascade that can only upgrade a match. The stages, tried in order, the first match deciding:
 *   exact → trimmed → stripped (quotes, markdown emphasis, trailing punctuation) → folded (case unless
 *   case_sensitive, Unicode NFC, inner whitespace) → typed (number, date, list or boolean).
 * The answer and every alias are targets at every stage. Strictness, decided here once:
 *   - nothing but the answer may be in the extracted text: "about 5", "5 or 6", "not 5", "yes, it is" fail, and
 *     "The total is 5 apples." fails unless a marker ("Answer:", "The answer is", a tag or a box) isolates "5 apples";
 *   - booleans are the bare words yes/no/true/false with punctuation only ("Yes." passes; "y" does not);
 *   - number, date and boolean words are read case-insensitively whatever case_sensitive says (it is about text);
 *     list elements honour it.
 * Total and linear: any string in, a Verdict out, in one pass per stage.
 */
import type { AnswerTruth } from '../families/inference/answer-truth.js';
import { extractAnswer } from './answer/extract.js';
import { parseDate, isoDate } from './answer/date.js';
import { compareLists, describeMismatch, elementKey, splitList } from './answer/list.js';
import { foldText, stripWrappers } from './answer/normalize.js';
import { decimalsEqual, parseNumber, unitSpellings } from './answer/number.js';
import type { Check, Verdict } from './types.js';

export { normalizeAnswerText } from './answer/normalize.js';

const TYPES = new Set(['string', 'number', 'date', 'list', 'boolean']);
const PLAIN = /^[ !#-[\]-~]*$/;
const LOOSE_CUT = /&|and/i;
// Maps, not object literals: a response such as "constructor" must not find Object.prototype's members.
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([['yes', true], ['true', true], ['no', false], ['false', false]]);

/** A text for a check's detail: quoted, escaped (lone surrogates and control characters included), truncated. */
function quote(s: string, max = 60): string {
  if (s.length <= 8 && PLAIN.test(s)) return `"${s}"`; // the common short unit, without JSON.stringify
  return JSON.stringify(s.length > max ? s.slice(0, max) + '…' : s);
}

function verdict(extract: Check, match: Check): Verdict {
  const pass = extract.pass && match.pass;
  return { pass, score: pass ? 1 : 0, checks: [extract, match] };
}

function matched(extract: Check, targets: readonly string[], stage: string, k: number): Verdict {
  return verdict(extract, { name: 'match', pass: true, detail: k === 0 ? stage : stage + via(targets, k) });
}

/** Which target matched, for the detail: nothing for the answer itself, the alias otherwise. */
function via(targets: readonly string[], k: number): string {
  return k === 0 ? '' : ` via alias ${quote(targets[k]!)}`;
}

/**
 * The typed stage on the raw extracted text (lists keep their lines) and its stripped, case-folded form `t`;
 * `foldedTargets` are the targets stripped and case-folded the same way.
 */
function typedStage(
  truth: AnswerTruth,
  targets: readonly string[],
  foldedTargets: readonly string[],
  raw: string,
  t: string,
): { pass: boolean; detail: string } {
  switch (truth.type) {
    case 'number': {
      let cached: readonly string[] | null = null;
      const spellings = () => (cached ??= unitSpellings(truth.units));
      const got = parseNumber(t, spellings);
      if (!got.ok) return { pass: false, detail: got.reason };
      for (let k = 0; k < targets.length; k++) {
        const want = parseNumber(foldedTargets[k]!, spellings);
        if (want.ok && decimalsEqual(want.num, got.num, truth.tolerance)) {
          return { pass: true, detail: `number${got.unit !== null ? ` (unit ${quote(got.unit)})` : ''}${via(targets, k)}` };
        }
      }
      const tol = typeof truth.tolerance === 'number' && truth.tolerance > 0 ? ` within ${truth.tolerance}` : '';
      return { pass: false, detail: `read the number ${got.num.value}, not equal${tol}` };
    }
    case 'date': {
      const got = parseDate(t);
      if (!got.ok) return { pass: false, detail: got.reason };
      for (let k = 0; k < targets.length; k++) {
        const want = parseDate(foldedTargets[k]!);
        const w = want.ok ? want.date : null;
        if (w !== null && w.y === got.date.y && w.m === got.date.m && w.d === got.date.d) {
          return { pass: true, detail: `date${via(targets, k)}` };
        }
      }
      return { pass: false, detail: `read the date ${isoDate(got.date)}` };
    }
    case 'boolean': {
      const got = BOOLEANS.get(t);
      if (got === undefined) return { pass: false, detail: 'not a bare yes/no/true/false' };
      for (let k = 0; k < targets.length; k++) {
        if (BOOLEANS.get(foldedTargets[k]!) === got) return { pass: true, detail: `boolean${via(targets, k)}` };
      }
      return { pass: false, detail: `read ${got ? 'yes' : 'no'}` };
    }
    case 'list': {
      const cs = truth.case_sensitive === true;
      const ordered = truth.ordered !== false;
      const kind = ordered ? 'ordered' : 'unordered';
      const wants = targets.map((target) => splitList(target, false).map((e) => elementKey(e, cs)));
      let limit = 0;
      for (const w of wants) limit = Math.max(limit, w.length);
      const strict = splitList(raw, false, limit).map((e) => elementKey(e, cs));
      let loose: string[] | null = null;
      let firstMismatch = '';
      for (let k = 0; k < wants.length; k++) {
        const want = wants[k]!;
        const a = compareLists(want, strict, ordered);
        if (a === null) return { pass: true, detail: `list (${kind}, ${want.length} elements)${via(targets, k)}` };
        // The loose split differs only where an "and" or a "&" can cut.
        if (loose === null) loose = LOOSE_CUT.test(raw) ? splitList(raw, true, limit).map((e) => elementKey(e, cs)) : strict;
        if (compareLists(want, loose, ordered) === null) {
          return { pass: true, detail: `list (${kind}, ${want.length} elements, split at "and"/"&")${via(targets, k)}` };
        }
        if (k === 0) firstMismatch = `${kind} list: ${describeMismatch(a)}`;
      }
      return { pass: false, detail: firstMismatch };
    }
    default:
      return { pass: false, detail: 'no typed stage for strings' };
  }
}

function cascade(truth: AnswerTruth, response: string): Verdict {
  const ex = extractAnswer(response);
  const text = ex.text;
  const extract: Check = { name: 'extract', pass: text.trim() !== '', detail: ex.method };
  const targets: string[] = [truth.answer];
  if (Array.isArray(truth.aliases)) for (const a of truth.aliases) if (typeof a === 'string') targets.push(a);
  const cs = truth.case_sensitive === true;

  for (let k = 0; k < targets.length; k++) if (targets[k] === text) return matched(extract, targets, 'exact', k);
  const trimmed = text.trim();
  for (let k = 0; k < targets.length; k++) if (targets[k]!.trim() === trimmed) return matched(extract, targets, 'trimmed', k);
  const stripped = stripWrappers(trimmed);
  const strippedTargets: string[] = [];
  for (let k = 0; k < targets.length; k++) {
    strippedTargets.push(stripWrappers(targets[k]!));
    if (strippedTargets[k] === stripped) return matched(extract, targets, 'stripped (quotes, emphasis, punctuation)', k);
  }
  const folded = foldText(stripped, cs);
  const foldedTargets: string[] = [];
  for (let k = 0; k < targets.length; k++) {
    foldedTargets.push(foldText(strippedTargets[k]!, cs));
    if (foldedTargets[k] === folded) return matched(extract, targets, cs ? 'folded (whitespace)' : 'folded (case, whitespace)', k);
  }

  // The typed stages read words (units, months, yes/no) without case, whatever case_sensitive says.
  const typed = cs
    ? typedStage(truth, targets, strippedTargets.map((t) => foldText(t, false)), text, foldText(stripped, false))
    : typedStage(truth, targets, foldedTargets, text, folded);
  if (typed.pass) return verdict(extract, { name: 'match', pass: true, detail: typed.detail });
  const aliases = targets.length > 1 ? ` (or ${targets.length - 1} alias${targets.length > 2 ? 'es' : ''})` : '';
  return verdict(extract, {
    name: 'match',
    pass: false,
    detail: `extracted ${quote(text)} by ${ex.method}; expected ${truth.type} ${quote(truth.answer)}${aliases}: ${typed.detail}`,
  });
}

/** Verifies one response against an answer truth. Never throws, whatever the response or a malformed truth. */
export function verifyAnswer(truth: AnswerTruth, response: string): Verdict {
  if (truth === null || typeof truth !== 'object' || typeof truth.answer !== 'string' || !TYPES.has(truth.type)) {
    const detail = 'ground truth needs a string answer and a type among string, number, date, list, boolean';
    return { pass: false, score: 0, checks: [{ name: 'truth', pass: false, detail }] };
  }
  try {
    return cascade(truth, typeof response === 'string' ? response : '');
  } catch (err) {
    // Unreachable by design; kept so that a bug here fails one response instead of a whole verification run.
    return { pass: false, score: 0, checks: [{ name: 'match', pass: false, detail: `internal error: ${quote(String(err))}` }] };
  }
}

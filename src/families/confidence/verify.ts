/**
 * The `confidence` verifier: the wrapped item's verdict on the response without its confidence tag, the confidence
 * the response states, and a proper-scoring reward of that confidence against the verdict.
 *
 * The confidence is the last `<tag>x</tag>` in the response, x a probability written as a decimal in [0, 1] or a
 * percentage ("0.85", ".85", "85%"). A missing or malformed confidence is a defined outcome: `confidence` is null,
 * a failed `confidence` check says why, and the reward is 0, the worst a stated confidence could score.
 */
import type { Check, Verdict } from '../../verify/types.js';
import type { ConfidenceTruth } from './truth.js';

/** The floor of a stated probability under the log score: ln(0.001) maps to a reward of 0. */
export const LOG_FLOOR = 0.001;

export interface ConfidenceVerdict extends Verdict {
  /** The parsed confidence, or null when the response states none or an unreadable one. */
  confidence: number | null;
  /** The proper-scoring reward in [0, 1] (also `score`). */
  reward: number;
  /** The wrapped item's own verdict. */
  inner: Verdict;
}

export type InnerVerify = (item: { verifier: string; ground_truth: unknown }, response: string) => Verdict;

const NUMBER = /^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/;
const PERCENT = /^(\d{1,3}(?:\.\d+)?)\s*%$/;

/** A stated probability in [0, 1], or a reason why the text is not one. */
export function parseProbability(text: string): { value: number } | { error: string } {
  const t = text.trim();
  if (NUMBER.test(t)) return { value: Number(t) };
  const pct = PERCENT.exec(t);
  if (pct) {
    const v = Number(pct[1]) / 100;
    if (v <= 1) return { value: v };
  }
  return { error: `'${t.slice(0, 40)}' is not a probability from 0 to 1 (e.g. 0.8 or 80%)` };
}

/** The response split into the part the wrapped verifier judges and the stated confidence (last tag wins). */
export function splitConfidence(response: string, tag: string): { answer: string; stated: string | null } {
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  const start = response.lastIndexOf(open);
  if (start < 0) return { answer: response, stated: null };
  const end = response.indexOf(close, start + open.length);
  if (end < 0) return { answer: response, stated: null };
  const before = response.slice(0, start);
  const after = response.slice(end + close.length);
  // A tag on its own last line is removed with the line break before it, so the answer is exactly what came before.
  const answer = after.trim() === '' ? before.replace(/\s+$/, '') : before + after;
  return { answer, stated: response.slice(start + open.length, end) };
}

/** Brier reward 1 - (c - y)^2, or the log score ln(c_y) mapped from [ln 0.001, 0] onto [0, 1]. */
export function confidenceReward(confidence: number, correct: boolean, scoring: ConfidenceTruth['scoring']): number {
  const y = correct ? 1 : 0;
  if (scoring === 'brier') return 1 - (confidence - y) ** 2;
  const p = Math.max(LOG_FLOOR, correct ? confidence : 1 - confidence);
  return 1 + Math.log(p) / -Math.log(LOG_FLOOR);
}

export function verifyConfidence(gt: ConfidenceTruth, response: string, verifyInner: InnerVerify): ConfidenceVerdict {
  const { answer, stated } = splitConfidence(response, gt.tag);
  const inner = verifyInner({ verifier: gt.verifier, ground_truth: gt.ground_truth }, answer);
  let confidence: number | null = null;
  let check: Check;
  if (stated === null) {
    check = { name: 'confidence', pass: false, detail: `no <${gt.tag}>...</${gt.tag}> in the response` };
  } else {
    const parsed = parseProbability(stated);
    if ('error' in parsed) check = { name: 'confidence', pass: false, detail: parsed.error };
    else {
      confidence = parsed.value;
      check = { name: 'confidence', pass: true, detail: `${confidence}` };
    }
  }
  const reward = confidence === null ? 0 : confidenceReward(confidence, inner.pass, gt.scoring);
  return { pass: inner.pass, score: reward, checks: [...inner.checks, check], confidence, reward, inner };
}

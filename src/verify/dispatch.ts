/**
 * Routing by the item's `verifier` field. Each family registers its verifier here; the table is the one place a new
 * verifier is added.
 */
import type { Item } from '../core/item.js';
import type { AnswerTruth } from '../families/inference/answer-truth.js';
import { verifyAnswer } from './answer.js';
import { verifySelffact, type SelffactTruth } from '../families/selffact/index.js';
import { verifyIfeval } from '../families/instruct/ifeval.js';
import { verifyInjection, type InjectionTruth } from '../families/injection/index.js';
import { verifyConfidence, type ConfidenceTruth } from '../families/confidence/index.js';
import type { Verdict, VerifierFn } from './types.js';

export const VERIFIERS: Readonly<Record<string, VerifierFn<any>>> = {
  answer: (gt: AnswerTruth, response: string) => verifyAnswer(gt, response),
  selffact: (gt: SelffactTruth, response: string) => verifySelffact(gt, response),
  ifeval: (gt: unknown, response: string) => verifyIfeval(gt, response),
  injection: (gt: InjectionTruth, response: string) => verifyInjection(gt, response),
  confidence: (gt: ConfidenceTruth, response: string) => verifyConfidence(gt, response, (inner, r) => verifyItem(inner as never, r)),
};

/** Verifies one response against one item. Never throws on a response; an unknown verifier is a defined failure. */
export function verifyItem(item: Pick<Item, 'verifier' | 'ground_truth'>, response: string): Verdict {
  const fn = VERIFIERS[item.verifier];
  if (!fn) return { pass: false, score: 0, checks: [{ name: 'verifier', pass: false, detail: `unknown verifier '${item.verifier}'` }] };
  return fn(item.ground_truth, response);
}

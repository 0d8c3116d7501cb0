/** PLACEHOLDER, replaced by the normalization cascade. */
import type { AnswerTruth } from '../families/inference/answer-truth.js';
import type { Verdict } from './types.js';

export function verifyAnswer(truth: AnswerTruth, response: string): Verdict {
  const pass = response.trim() === truth.answer;
  return { pass, score: pass ? 1 : 0, checks: [{ name: 'exact', pass }] };
}

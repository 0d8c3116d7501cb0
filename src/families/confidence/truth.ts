/** The ground truth of a confidence item: the wrapped item's verifier and ground truth, the tag, the scoring rule. */
export interface ConfidenceTruth {
  verifier: 'answer' | 'ifeval' | 'selffact' | 'injection';
  ground_truth: Record<string, unknown>;
  tag: string;
  scoring: 'brier' | 'log';
}

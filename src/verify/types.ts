/** What every verifier returns: a verdict, a score in [0, 1], and the checks it ran, each saying why it failed. */
export interface Check {
  name: string;
  pass: boolean;
  detail?: string;
}

export interface Verdict {
  pass: boolean;
  score: number;
  checks: Check[];
}

/** A verifier: total on any string (never throws), given the item's ground truth. */
export type VerifierFn<G = unknown> = (groundTruth: G, response: string) => Verdict;

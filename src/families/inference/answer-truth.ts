/** The ground truth of the `answer` verifier, shared by every inference generator. */

export type AnswerType = 'string' | 'number' | 'date' | 'list' | 'boolean';

export interface AnswerTruth {
  /** The canonical answer, exactly as the target. */
  answer: string;
  type: AnswerType;
  /** Other surface forms that count as the same answer (e.g. a full name and a surname). */
  aliases?: string[];
  /** String answers whose case is the point (string reversal): compare case-sensitively. */
  case_sensitive?: boolean;
  /** Numbers: the largest absolute difference that still counts as equal (absent or 0: equal as exact decimals). */
  tolerance?: number;
  /** Numbers: unit words or symbols that may follow or precede the number ("km", "$", "%"). */
  units?: string[];
  /** Lists: whether order matters (default true). */
  ordered?: boolean;
}

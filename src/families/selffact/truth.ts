/**
 * The ground truth of the `selffact` verifier: one of eight kinds, each carrying everything its check needs, so an
 * item verifies by itself (DESIGN.md principle 2).
 */

/** A number, equal within `tolerance` (absolute) or `rel_tolerance` (a fraction of the value); exact when neither. */
export interface NumberTruth {
  kind: 'number';
  value: number;
  tolerance?: number;
  rel_tolerance?: number;
  /** Names whose digits are not answers ("Llama 3.1 8B", "Qwen2.5"): removed before numbers are read. */
  ignore?: string[];
  /**
   * The value is in units of this size (1e6 for "in millions"): a bare number is read in those units, and a number
   * with its own scale ("8 billion") is converted to them.
   */
  unit_scale?: number;
}

export interface BooleanTruth {
  kind: 'boolean';
  value: boolean;
}

/** A name or short phrase: one of `accept` must be said, none of `reject`, and nothing negated. */
export interface TextTruth {
  kind: 'text';
  accept: string[];
  reject?: string[];
}

/** A multiple-choice question: the letter, the option text, or both; no other option. */
export interface ChoiceTruth {
  kind: 'choice';
  correct: string;
  /** Letter → option text. */
  options: Record<string, string>;
}

/** A date at the precision given: YYYY-MM (month) or YYYY-MM-DD (day). */
export interface DateTruth {
  kind: 'date';
  value: string;
}

/** One word of a text, compared without case and surrounding punctuation. */
export interface WordTruth {
  kind: 'word';
  value: string;
}

/** A set of names (tools): every one of `items` and none of `reject`; an empty set must be answered "none". */
export interface ListTruth {
  kind: 'list';
  items: string[];
  reject?: string[];
}

/** The context does not determine `setting`: the answer must say so and must not guess a value. */
export interface UndeterminedTruth {
  kind: 'undetermined';
  setting: string;
}

export type SelffactTruth = (
  | NumberTruth
  | BooleanTruth
  | TextTruth
  | ChoiceTruth
  | DateTruth
  | WordTruth
  | ListTruth
  | UndeterminedTruth
) & {
  /** What is asked (a profile fact such as "architecture.layers", or a runtime task such as "runtime.date"). */
  fact: string;
};

export const TRUTH_KINDS = ['number', 'boolean', 'text', 'choice', 'date', 'word', 'list', 'undetermined'] as const;

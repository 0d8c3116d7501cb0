/** The data types of the purity gate (DESIGN.md, principle 3). */

/** What kind of subjective or experiential self-claim a rule catches. */
export type PurityCategory =
  | 'boilerplate'
  | 'consciousness'
  | 'relationship'
  | 'desire'
  | 'emotion'
  | 'preference'
  | 'opinion'
  | 'experience';

/** The categories in registry order (earlier wins when two findings overlap). */
export const PURITY_CATEGORIES: readonly PurityCategory[] = [
  'boilerplate',
  'consciousness',
  'relationship',
  'desire',
  'emotion',
  'preference',
  'opinion',
  'experience',
];

/**
 * One pattern of a rule. The engine runs `regex` only when one of `triggers` occurs in the text as a whole word and, if
 * `needs` is given, one of `needs` does too (typically the subject: "i", "we", "my", "me"). Tokens are maximal runs of
 * a-z in the lowercased text, so "I'm" gives "i" and "m", and "self-aware" gives "self" and "aware".
 */
export interface PurityPattern {
  /**
   * A global (`g`) regex run over the prepared text: lowercased (ASCII), apostrophes straightened, quoted passages and
   * code blanked to spaces, offsets identical to the original text. The match, less any leading characters that are not
   * letters or digits (sentence-start patterns consume the previous sentence's end mark), is the finding's span.
   */
  readonly regex: RegExp;
  /** Lowercase a-z words; every match contains at least one of them as a word (a test checks this on the corpus). */
  readonly triggers: readonly string[];
  /** Lowercase a-z words; every match contains at least one of them as a word. */
  readonly needs?: readonly string[];
  /**
   * Set when every match starts at the start of a token from this list (a subject: "i", "we", "my"). The engine then
   * tries the pattern only at those tokens instead of scanning the whole text. A subset of `needs`.
   */
  readonly anchors?: readonly string[];
  /**
   * Further groups of words, each of which must also have a word in the text (the linking verb of "I'm curious", the
   * "have" of "I have no feelings"). Derived by the pattern builders; they only narrow which texts wake the pattern.
   */
  readonly alsoNeeds?: readonly (readonly string[])[];
}

/** One rule, as data: what it flags, the patterns that find it, and the exceptions that clear a match. */
export interface PurityRule {
  /** `<category>.<name>`, stable: findings and reports name it. */
  readonly id: string;
  readonly category: PurityCategory;
  /** One sentence for people: what it flags and why. */
  readonly description: string;
  readonly patterns: readonly PurityPattern[];
  /**
   * A match is dropped when one of these matches the clause that starts at the match (from the match's start to the end
   * of its sentence, at most 240 characters). Anchor with `^` to test the match itself.
   */
  readonly exceptions?: readonly RegExp[];
  /**
   * A match is kept only if each of these matches the sentence that contains it (for a pattern that needs a first-person
   * word somewhere in its sentence, not at a fixed place).
   */
  readonly requires?: readonly RegExp[];
  /** A match is dropped when one of these matches the matched text itself (for example a hedge that ends in the key). */
  readonly matchExceptions?: readonly RegExp[];
  /** Sentences the rule must flag, and sentences nothing may flag: documentation that the unit tests also run. */
  readonly examples: { readonly flag: readonly string[]; readonly pass: readonly string[] };
}

/** One flagged span of the input. `start`/`end` are UTF-16 offsets into the original text; `match` is its slice. */
export interface PurityFinding {
  rule: string;
  category: PurityCategory;
  start: number;
  end: number;
  match: string;
}

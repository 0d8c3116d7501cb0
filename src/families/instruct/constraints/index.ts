/**
 * The ordered constraint registry: IFEval's 25 instruction ids in the reference's own order (instructions_registry.py).
 * Append only; verigen's own constraints (`verigen:...`) come after.
 */
import { changeCaseConstraints } from './change_case.js';
import { combinationConstraints } from './combination.js';
import { detectableContentConstraints } from './detectable_content.js';
import { detectableFormatConstraints } from './detectable_format.js';
import { keywordsConstraints } from './keywords.js';
import { languageConstraints } from './language.js';
import { lengthConstraints } from './length_constraints.js';
import { punctuationConstraints } from './punctuation.js';
import { startendConstraints } from './startend.js';
import type { ConstraintDef } from './types.js';
import { verigenContentConstraints } from './verigen-content.js';
import { verigenFormatConstraints } from './verigen-format.js';
import { verigenKeywordsConstraints } from './verigen-keywords.js';
import { verigenLengthConstraints } from './verigen-length.js';
import { verigenPunctuationConstraints } from './verigen-punctuation.js';
import { verigenWordsConstraints } from './verigen-words.js';

const byId = <T extends { id: string }>(list: readonly T[], id: string): T => {
  const found = list.find((c) => c.id === id);
  if (!found) throw new Error(`constraint registry: ${id} is not defined`);
  return found;
};

const all = [
  ...keywordsConstraints,
  ...languageConstraints,
  ...lengthConstraints,
  ...detectableContentConstraints,
  ...detectableFormatConstraints,
  ...combinationConstraints,
  ...startendConstraints,
  ...changeCaseConstraints,
  ...punctuationConstraints,
] as readonly ConstraintDef<any>[];

/** IFEval's ids in the reference's registry order. */
export const IFEVAL_IDS = [
  'keywords:existence',
  'keywords:frequency',
  'keywords:forbidden_words',
  'keywords:letter_frequency',
  'language:response_language',
  'length_constraints:number_sentences',
  'length_constraints:number_paragraphs',
  'length_constraints:number_words',
  'length_constraints:nth_paragraph_first_word',
  'detectable_content:number_placeholders',
  'detectable_content:postscript',
  'detectable_format:number_bullet_lists',
  'detectable_format:constrained_response',
  'detectable_format:number_highlighted_sections',
  'detectable_format:multiple_sections',
  'detectable_format:json_format',
  'detectable_format:title',
  'combination:two_responses',
  'combination:repeat_prompt',
  'startend:end_checker',
  'change_case:capital_word_frequency',
  'change_case:english_capital',
  'change_case:english_lowercase',
  'punctuation:no_comma',
  'startend:quotation',
] as const;

export type IfevalId = (typeof IFEVAL_IDS)[number];

/** verigen's own constraints (`verigen:<group>:<name>`, docs/constraints.md), after IFEval's; append only. */
const extended = [
  ...verigenLengthConstraints,
  ...verigenWordsConstraints,
  ...verigenKeywordsConstraints,
  ...verigenPunctuationConstraints,
  ...verigenFormatConstraints,
  ...verigenContentConstraints,
] as readonly ConstraintDef<any>[];

/** verigen's ids in registry order. */
export const EXTENDED_IDS: readonly string[] = extended.map((c) => c.id);

/** IFEval's constraints, in registry order (the conformance suite's set). */
export const CONSTRAINTS: readonly ConstraintDef<any>[] = IFEVAL_IDS.map((id) => byId(all, id));

/** verigen's own constraints, in registry order. */
export const EXTENDED_CONSTRAINTS: readonly ConstraintDef<any>[] = extended;

/** The whole ordered registry: IFEval's ids first, then verigen's. */
export const ALL_CONSTRAINTS: readonly ConstraintDef<any>[] = [...CONSTRAINTS, ...EXTENDED_CONSTRAINTS];

const INDEX = new Map(ALL_CONSTRAINTS.map((c) => [c.id, c]));
if (INDEX.size !== ALL_CONSTRAINTS.length) throw new Error('constraint registry: duplicate id');

export function getConstraint(id: string): ConstraintDef<any> | undefined {
  return INDEX.get(id);
}

export type { CheckResult, ConstraintDef, KwargSpec, Relation } from './types.js';
export { KwargsError } from './types.js';

/**
 * The ordered rule registry. Order matters only where two findings overlap: the earlier rule's finding is kept (so
 * "I care about you" reports the relationship rule, not the generic feeling verb).
 */
import type { PurityRule } from './types.js';
import { boilerplateRules } from './rules/boilerplate.js';
import { consciousnessRules } from './rules/consciousness.js';
import { relationshipRules } from './rules/relationship.js';
import { desireRules } from './rules/desire.js';
import { emotionRules } from './rules/emotion.js';
import { preferenceRules } from './rules/preference.js';
import { opinionRules } from './rules/opinion.js';
import { experienceRules } from './rules/experience.js';

export const PURITY_RULES: readonly PurityRule[] = [
  ...boilerplateRules,
  ...consciousnessRules,
  ...relationshipRules,
  ...desireRules,
  ...emotionRules,
  ...preferenceRules,
  ...opinionRules,
  ...experienceRules,
];

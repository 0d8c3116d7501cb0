/**
 * IFEval group `change_case:`. Capital words are the `nltk.word_tokenize` tokens (src/text/treebank.ts) for which
 * Python's `str.isupper()` holds, so `DON'T` counts twice (`DO`, `N'T`) and `U.S.` once. English capital / lowercase:
 * Python's `isupper()` / `islower()` of the whole response, and the language identified as English; where langdetect
 * finds no features the reference counts the instruction as followed (only reachable once the case test passed).
 */
import { detectLanguage } from '../../../text/langid.js';
import { pyIsLower, pyIsUpper } from '../../../text/python.js';
import { countCapitalWords } from '../../../text/capitals.js';
import { compare, defineConstraint, RELATIONS, type Relation } from './types.js';

export const capitalWordFrequency = defineConstraint<{ capital_frequency: number; capital_relation: Relation }>({
  id: 'change_case:capital_word_frequency',
  kwargs: [
    // The reference keeps negative values here (it only replaces a missing one), so any integer is accepted.
    { name: 'capital_frequency', kind: { type: 'int' } },
    { name: 'capital_relation', kind: { type: 'enum', values: RELATIONS } },
  ],
  check: (response, k) => compare('all-capital word(s)', countCapitalWords(response), k.capital_relation, k.capital_frequency),
});

function englishIn(response: string, caseOk: boolean, caseName: string): { pass: boolean; detail: string } {
  if (!caseOk) return { pass: false, detail: `not all ${caseName}` };
  const lang = detectLanguage(response);
  if (lang === null) return { pass: true, detail: `all ${caseName}; no language features found (the reference counts this as followed)` };
  return { pass: lang === 'en', detail: `all ${caseName}; detected language ${lang}; required en` };
}

export const englishCapital = defineConstraint<Record<string, never>>({
  id: 'change_case:english_capital',
  usesLanguageId: true,
  kwargs: [],
  check: (response) => englishIn(response, pyIsUpper(response), 'capital letters'),
});

export const englishLowercase = defineConstraint<Record<string, never>>({
  id: 'change_case:english_lowercase',
  usesLanguageId: true,
  kwargs: [],
  check: (response) => englishIn(response, pyIsLower(response), 'lowercase letters'),
});

export const changeCaseConstraints = [capitalWordFrequency, englishCapital, englishLowercase] as const;

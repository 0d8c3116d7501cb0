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
import { CAPITAL_WORDS } from '../data/filler.js';
import { relationText, scaled } from '../describe-util.js';
import { appendSentences } from '../witness-util.js';

export const capitalWordFrequency = defineConstraint<{ capital_frequency: number; capital_relation: Relation }>({
  id: 'change_case:capital_word_frequency',
  kwargs: [
    // The reference keeps negative values here (it only replaces a missing one), so any integer is accepted.
    { name: 'capital_frequency', kind: { type: 'int' } },
    { name: 'capital_relation', kind: { type: 'enum', values: RELATIONS } },
  ],
  sample(rng, difficulty) {
    const capital_relation = rng.pick(RELATIONS);
    const capital_frequency = capital_relation === 'less than' ? scaled(rng, difficulty, 4, 20) : scaled(rng, difficulty, 1, 20);
    return { capital_frequency, capital_relation };
  },
  describe({ capital_frequency, capital_relation }, rng) {
    const rel = relationText(rng, capital_relation, capital_frequency);
    return rng.pick([
      `In your response, words with all capital letters should appear ${rel} times.`,
      `Use ${rel} words written entirely in capital letters.`,
      `The answer should contain ${rel} fully capitalized words (like THIS).`,
    ]);
  },
  witness: {
    phase: 'case',
    apply(response, { capital_frequency, capital_relation }, ctx) {
      if (capital_relation === 'less than') return response;
      const need = capital_frequency - countCapitalWords(response);
      if (need <= 0) return response;
      const words: string[] = [];
      for (let i = 0; i < need; i++) words.push(ctx.rng.pick(CAPITAL_WORDS));
      return appendSentences(response, [`The key terms are ${words.join(' and ')}.`]);
    },
  },
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
  sample: () => ({}),
  describe(_k, rng) {
    return rng.pick([
      'Your entire response should be in English, and in all capital letters.',
      'Write the whole answer in English using only CAPITAL LETTERS.',
      'Respond in English, with every letter in uppercase.',
    ]);
  },
  witness: { phase: 'case', apply: (response) => response.toUpperCase() },
  check: (response) => englishIn(response, pyIsUpper(response), 'capital letters'),
});

export const englishLowercase = defineConstraint<Record<string, never>>({
  id: 'change_case:english_lowercase',
  usesLanguageId: true,
  kwargs: [],
  sample: () => ({}),
  describe(_k, rng) {
    return rng.pick([
      'Your entire response should be in English, and in all lowercase letters. No capital letters are allowed.',
      'Write the whole answer in English using lowercase letters only.',
      'Respond in English and do not use a single capital letter.',
    ]);
  },
  witness: { phase: 'case', apply: (response) => response.toLowerCase() },
  check: (response) => englishIn(response, pyIsLower(response), 'lowercase letters'),
});

export const changeCaseConstraints = [capitalWordFrequency, englishCapital, englishLowercase] as const;

/**
 * IFEval group `keywords:`. Keywords are case-insensitive substring patterns, not whole words (`art` is found in
 * `start`); forbidden words are matched between Python word boundaries; letter frequency counts one lowercased
 * character, whatever it is (the 2025 reference keeps `#` or `!`; older copies replaced them with a random letter).
 */
import { pyLower, pyStrip } from '../../../text/python.js';
import { compilePyPattern, countMatches, pyRegExp, searchBetweenBoundaries } from './pattern.js';
import { compare, defineConstraint, preview, RELATIONS, type Relation } from './types.js';

const literalNote = (kw: string) => (compilePyPattern(kw, true).asPython ? '' : ' (regex syntax matched literally)');

export const existence = defineConstraint<{ keywords: string[] }>({
  id: 'keywords:existence',
  kwargs: [{ name: 'keywords', kind: { type: 'stringList', nonEmpty: true }, note: 'an empty list makes the reference draw keywords' }],
  check(response, { keywords }) {
    // The reference sorts the keywords and stops at the first one missing.
    const sorted = keywords.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const kw of sorted) {
      if (!pyRegExp(kw, 'i').test(response)) return { pass: false, detail: `keyword ${preview(kw)} not found${literalNote(kw)}` };
    }
    return { pass: true, detail: `all ${keywords.length} keyword(s) found` };
  },
});

export const frequency = defineConstraint<{ keyword: string; frequency: number; relation: Relation }>({
  id: 'keywords:frequency',
  kwargs: [
    { name: 'keyword', kind: { type: 'string', nonEmpty: true }, note: 'an empty keyword makes the reference draw one' },
    { name: 'frequency', kind: { type: 'int', min: 0 }, note: 'the reference draws a value for a negative one' },
    { name: 'relation', kind: { type: 'enum', values: RELATIONS } },
  ],
  check(response, { keyword, frequency: f, relation }) {
    const kw = pyStrip(keyword);
    const n = countMatches(pyRegExp(kw, 'gi'), response);
    return compare(`occurrence(s) of ${preview(kw)}${literalNote(kw)}`, n, relation, f);
  },
});

export const forbiddenWords = defineConstraint<{ forbidden_words: string[] }>({
  id: 'keywords:forbidden_words',
  kwargs: [{ name: 'forbidden_words', kind: { type: 'stringList', nonEmpty: true }, note: 'an empty list makes the reference draw words' }],
  check(response, { forbidden_words }) {
    const sorted = [...new Set(forbidden_words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const w of sorted) {
      const at = searchBetweenBoundaries(w, response);
      if (at >= 0) return { pass: false, detail: `forbidden word ${preview(w)} found at offset ${at}${literalNote(w)}` };
    }
    return { pass: true, detail: `none of ${sorted.length} forbidden word(s) found` };
  },
});

export const letterFrequency = defineConstraint<{ letter: string; let_frequency: number; let_relation: Relation }>({
  id: 'keywords:letter_frequency',
  kwargs: [
    { name: 'letter', kind: { type: 'string', codePoints: 1 }, note: 'the reference draws a letter for an empty or longer one' },
    { name: 'let_frequency', kind: { type: 'int', min: 0 }, note: 'the reference draws a value for a negative one' },
    { name: 'let_relation', kind: { type: 'enum', values: RELATIONS } },
  ],
  check(response, { letter, let_frequency, let_relation }) {
    // `letter.strip().lower()` can be empty (a space) or two code points (İ → i̇): then it counts nothing, as a
    // Counter of single characters never holds such a key.
    const target = pyLower(pyStrip(letter));
    let n = 0;
    const single = target.length > 0 && Array.from(target).length === 1;
    if (single) {
      const lowered = pyLower(response);
      let i = lowered.indexOf(target);
      while (i >= 0) {
        n++;
        i = lowered.indexOf(target, i + target.length);
      }
    }
    return compare(`occurrence(s) of the letter ${preview(target)}`, n, let_relation, let_frequency);
  },
});

export const keywordsConstraints = [existence, frequency, forbiddenWords, letterFrequency] as const;

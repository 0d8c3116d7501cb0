/**
 * IFEval group `keywords:`. Keywords are case-insensitive substring patterns, not whole words (`art` is found in
 * `start`); forbidden words are matched between Python word boundaries; letter frequency counts one lowercased
 * character, whatever it is (the 2025 reference keeps `#` or `!`; older copies replaced them with a random letter).
 */
import { pyLower, pyStrip } from '../../../text/python.js';
import { compilePyPattern, countMatches, pyRegExp, searchBetweenBoundaries } from './pattern.js';
import { compare, defineConstraint, preview, RELATIONS, type Relation } from './types.js';
import { FORBIDDEN_WORDS, LETTER_WORDS } from '../data/filler.js';
import { TOPICS } from '../data/topics.js';
import { listWords, relationText, scaled } from '../describe-util.js';
import { appendSentences } from '../witness-util.js';

const ALL_KEYWORDS = Object.values(TOPICS).flatMap((t) => t.keywords);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
/** Letters the witness filler never uses (src/families/instruct/data/filler.ts). */
const RARE_LETTERS = ['q', 'x', 'z', 'j'];

const literalNote = (kw: string) => (compilePyPattern(kw, true).asPython ? '' : ' (regex syntax matched literally)');

export const existence = defineConstraint<{ keywords: string[] }>({
  id: 'keywords:existence',
  kwargs: [{ name: 'keywords', kind: { type: 'stringList', nonEmpty: true }, note: 'an empty list makes the reference draw keywords' }],
  sample(rng, difficulty, topic) {
    const pool = topic?.keywords.length ? topic.keywords : ALL_KEYWORDS;
    return { keywords: rng.sample(pool, Math.min(pool.length, rng.int(1, difficulty >= 3 ? 3 : 2))) };
  },
  describe({ keywords }, rng) {
    return rng.pick([
      `Include the keywords ${listWords(keywords)} in the response.`,
      `Make sure to use the ${keywords.length === 1 ? 'word' : 'words'} ${listWords(keywords, '"')} somewhere in your answer.`,
      `Your response must contain the following ${keywords.length === 1 ? 'keyword' : 'keywords'}: ${keywords.join(', ')}.`,
    ]);
  },
  witness: {
    phase: 'content',
    apply(response, { keywords }) {
      const lower = response.toLowerCase();
      const missing = keywords.filter((k) => !lower.includes(k.toLowerCase()));
      return missing.length ? appendSentences(response, [`The notes also mention ${missing.join(' and ')}.`]) : response;
    },
  },
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
  sample(rng, difficulty, topic) {
    const pool = topic?.keywords.length ? topic.keywords : ALL_KEYWORDS;
    return { keyword: rng.pick(pool), frequency: scaled(rng, difficulty, 1, 4), relation: rng.pick(RELATIONS) };
  },
  describe({ keyword, frequency: f, relation }, rng) {
    const rel = relationText(rng, relation, f);
    return rng.pick([
      `In your response, the word ${keyword} should appear ${rel} times.`,
      `Use the word "${keyword}" ${rel} times in the answer.`,
      `The keyword ${keyword} must occur ${rel} times in your reply.`,
    ]);
  },
  witness: {
    phase: 'content',
    apply(response, { keyword, frequency: f, relation }) {
      if (relation === 'less than') return response;
      const n = countMatches(pyRegExp(keyword, 'gi'), response);
      const extra: string[] = [];
      for (let i = n; i < f; i++) extra.push(`The word ${keyword} is used here.`);
      return appendSentences(response, extra);
    },
  },
  check(response, { keyword, frequency: f, relation }) {
    const kw = pyStrip(keyword);
    const n = countMatches(pyRegExp(kw, 'gi'), response);
    return compare(`occurrence(s) of ${preview(kw)}${literalNote(kw)}`, n, relation, f);
  },
});

export const forbiddenWords = defineConstraint<{ forbidden_words: string[] }>({
  id: 'keywords:forbidden_words',
  kwargs: [{ name: 'forbidden_words', kind: { type: 'stringList', nonEmpty: true }, note: 'an empty list makes the reference draw words' }],
  sample(rng, difficulty) {
    return { forbidden_words: rng.sample(FORBIDDEN_WORDS, rng.int(1, difficulty >= 3 ? 4 : 2)) };
  },
  describe({ forbidden_words }, rng) {
    return rng.pick([
      `Do not include the ${forbidden_words.length === 1 ? 'word' : 'words'} ${listWords(forbidden_words)} in the response.`,
      `Avoid using ${listWords(forbidden_words, '"')} anywhere in your answer.`,
      `Your reply must not contain any of these words: ${forbidden_words.join(', ')}.`,
    ]);
  },
  // The filler never uses these words (test/families/instruct/witness-data.test.ts), so there is nothing to remove.
  witness: { phase: 'content', apply: (response) => response },
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
  sample(rng, difficulty) {
    const let_relation = rng.pick(RELATIONS);
    // 'less than' asks for a letter the filler never uses, as IFEval's own items mostly pair it with rare letters.
    const letter = let_relation === 'less than' ? rng.pick(RARE_LETTERS) : rng.pick(LETTERS);
    return { letter, let_frequency: scaled(rng, difficulty, let_relation === 'less than' ? 1 : 2, 10), let_relation };
  },
  describe({ letter, let_frequency, let_relation }, rng) {
    const rel = relationText(rng, let_relation, let_frequency);
    return rng.pick([
      `In your response, the letter ${letter} should appear ${rel} times.`,
      `Make sure the letter "${letter}" occurs ${rel} times in your answer.`,
      `Count your letters: the letter ${letter} must be used ${rel} times.`,
    ]);
  },
  witness: {
    phase: 'content',
    apply(response, { letter, let_frequency, let_relation }) {
      if (let_relation === 'less than') return response;
      const target = letter.toLowerCase();
      const words = LETTER_WORDS[target];
      if (!words) return response;
      let n = 0;
      for (const ch of response.toLowerCase()) if (ch === target) n++;
      const extra: string[] = [];
      for (let i = 0; n < let_frequency && i < 200; i++) {
        const w = words[i % words.length]!;
        extra.push(w);
        for (const ch of w) if (ch === target) n++;
      }
      return extra.length ? appendSentences(response, [`Other terms include ${extra.join(' and ')}.`]) : response;
    },
  },
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

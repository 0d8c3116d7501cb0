/**
 * inference.strings: exact string operations on ASCII words, names and sentences: reverse a string, count a letter,
 * the nth word or character, the number of words, the initials of the words, the length of a word.
 * Difficulty lengthens the inputs, moves n further in (and counts from the end), and from 3 on turns "the length of a
 * word" into "the length of the nth word of a sentence".
 */
import type { BaseConfig, Draft, GeneratorDef } from '../../core/generator.js';
import { ordinal } from '../../core/render.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import { lexicon, sentenceWords, wordOfLength, type Lexicon } from './data/lexicon.js';
import { keepWrong, numberMisses, recallMisses, rememberMisses, spellingMisses } from './near-misses.js';

export interface StringsConfig extends BaseConfig {
  /** The longest sentence (in words) at difficulty 5. */
  maxWords: number;
}

/**
 * One problem before phrasing: the template task, its data, the truth and the problem-derived wrong answers.
 * Single-word tasks carry a person's name for the framing sentence: a word list alone allows only a few thousand
 * different prompts per task, and a large run would repeat them.
 */
export interface StringsPlan {
  task: string;
  data: Record<string, unknown>;
  truth: AnswerTruth;
  misses: string[];
}

export const STRING_TASKS = ['reverse', 'count', 'nth-word', 'nth-char', 'word-count', 'initials', 'length', 'nth-word-length'] as const;

/** Word lengths [lo, hi] per difficulty 1..5. */
const WORD_LEN: readonly [number, number][] = [[3, 5], [5, 7], [7, 9], [9, 11], [11, 16]];

function sentenceRange(difficulty: number, maxWords: number): [number, number] {
  const ranges: [number, number][] = [[4, 6], [6, 9], [9, 13], [13, 18], [18, maxWords]];
  const [lo, hi] = ranges[difficulty - 1]!;
  return [Math.min(lo, maxWords), Math.min(Math.max(lo, hi), maxWords)];
}

function makeSentence(rng: Rng, lex: Lexicon, difficulty: number, maxWords: number): string[] {
  const [lo, hi] = sentenceRange(difficulty, maxWords);
  return sentenceWords(rng, lex, rng.int(lo, hi));
}

function fullName(rng: Rng, lex: Lexicon): string {
  return `${rng.pick(lex.names)} ${rng.pick(lex.surnames)}`;
}

/** A string to reverse or to count letters in: a word, a name, or two or three words. */
function shortText(rng: Rng, lex: Lexicon, difficulty: number): string {
  const [lo, hi] = WORD_LEN[difficulty - 1]!;
  if (difficulty <= 2) return rng.bool(0.8) ? wordOfLength(rng, lex, lo, hi) : rng.pick(lex.names);
  if (difficulty === 3) return rng.bool(0.6) ? wordOfLength(rng, lex, lo, hi) : fullName(rng, lex);
  if (difficulty === 4) return rng.bool(0.5) ? fullName(rng, lex) : `${rng.pick(lex.adjectives)} ${rng.pick(lex.nouns)}`;
  return rng.bool(0.5) ? `${fullName(rng, lex)} ${rng.pick(lex.surnames)}` : `${rng.pick(lex.adjectives)} ${rng.pick(lex.adjectives)} ${rng.pick(lex.nouns)}`;
}

/** Picks a position 1..len, biased to larger positions as difficulty grows. */
function position(rng: Rng, len: number, difficulty: number): number {
  if (difficulty === 1) return rng.int(1, Math.min(3, len));
  const lo = Math.max(1, Math.min(len, Math.floor((len * (difficulty - 2)) / 5) + 1));
  return rng.int(lo, len);
}

/** "the 4th word", "the last word", "the 2nd word from the end". */
function target(noun: string, n: number, fromEnd: boolean): string {
  if (fromEnd) return n === 1 ? `the last ${noun}` : `the ${ordinal(n)} ${noun} from the end`;
  return `the ${ordinal(n)} ${noun}`;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

function swapCase(c: string): string {
  const u = c.toUpperCase();
  return c === u ? c.toLowerCase() : u;
}

function planReverse(rng: Rng, lex: Lexicon, d: number): StringsPlan {
  let text = shortText(rng, lex, d);
  // A palindrome reads the same reversed: a "reversal" that changes nothing teaches nothing.
  for (let i = 0; i < 5 && reverse(text) === text; i++) text = shortText(rng, lex, d);
  const answer = reverse(text);
  const misses = [text, swapCase(answer[0]!) + answer.slice(1), ...spellingMisses(answer)];
  return {
    task: 'reverse',
    data: { name: rng.pick(lex.names), text, hasSpace: text.includes(' '), hasCapital: text !== text.toLowerCase() },
    truth: { answer, type: 'string', case_sensitive: true },
    misses,
  };
}

function countOf(text: string, c: string): number {
  let k = 0;
  for (const ch of text) if (ch === c) k++;
  return k;
}

function planCount(rng: Rng, lex: Lexicon, d: number, maxWords: number): StringsPlan {
  const text = d <= 3 ? shortText(rng, lex, d) : sentenceWords(rng, lex, rng.int(...sentenceRange(d - 2, maxWords))).join(' ');
  const lower = text.toLowerCase();
  const present = [...new Set(lower.replace(/ /g, ''))];
  let letter: string;
  if (rng.bool(0.9) || present.length >= 26) {
    letter = rng.pick(present);
  } else {
    const absent = 'abcdefghijklmnopqrstuvwxyz'.split('').filter((c) => !present.includes(c));
    letter = rng.pick(absent);
  }
  const upper = letter.toUpperCase();
  const lowerCount = countOf(text, letter);
  const upperCount = countOf(text, upper);
  // Case only matters when the text holds both forms of the letter; only then may the question count one form.
  let mode: 'any' | 'lower' | 'upper' = 'any';
  if (upperCount > 0 && lowerCount > 0 && rng.bool(0.5)) mode = rng.bool(0.5) ? 'lower' : 'upper';
  const count = mode === 'any' ? lowerCount + upperCount : mode === 'lower' ? lowerCount : upperCount;
  const other = mode === 'any' ? lowerCount : lowerCount + upperCount;
  const answer = String(count);
  return {
    task: 'count',
    data: { name: rng.pick(lex.names), text, letter, upperLetter: upper, caseAny: mode === 'any', countLower: mode === 'lower' },
    truth: { answer, type: 'number' },
    misses: [String(other), ...numberMisses(answer)],
  };
}

function bareSentence(words: readonly string[]): string {
  return `${words.join(' ')}.`;
}

function neighbours(list: readonly string[], i: number): string[] {
  const out: string[] = [];
  if (i > 0) out.push(list[i - 1]!);
  if (i + 1 < list.length) out.push(list[i + 1]!);
  out.push(list[list.length - 1 - i]!);
  return out;
}

function planNthWord(rng: Rng, lex: Lexicon, d: number, maxWords: number): StringsPlan {
  const words = makeSentence(rng, lex, d, maxWords);
  const n = position(rng, words.length, d);
  const fromEnd = d >= 4 && rng.bool(0.4);
  const i = fromEnd ? words.length - n : n - 1;
  const answer = words[i]!;
  return {
    task: 'nth-word',
    data: { sentence: bareSentence(words), target: target('word', n, fromEnd) },
    truth: { answer, type: 'string' },
    misses: [...neighbours(words, i), `${answer} ${words[i + 1] ?? words[i - 1]}`],
  };
}

function planNthChar(rng: Rng, lex: Lexicon, d: number): StringsPlan {
  let text: string;
  if (d <= 2) text = wordOfLength(rng, lex, ...WORD_LEN[d]!);
  else if (d === 3) text = rng.bool(0.5) ? wordOfLength(rng, lex, 10, 16) : fullName(rng, lex);
  else text = codeString(rng, d === 4 ? rng.int(10, 16) : rng.int(16, 24));
  const fromEnd = d >= 3 && rng.bool(0.35);
  let n = position(rng, text.length, d);
  let i = fromEnd ? text.length - n : n - 1;
  // Never ask for a space: a blank answer cannot be told apart from no answer.
  while (text[i] === ' ') {
    n = n > 1 ? n - 1 : n + 1;
    i = fromEnd ? text.length - n : n - 1;
  }
  const chars = text.split('');
  const answer = chars[i]!;
  return {
    task: 'nth-char',
    data: { name: rng.pick(lex.names), text, target: target('character', n, fromEnd), hasSpace: text.includes(' '), isCode: d >= 4 },
    truth: { answer, type: 'string' },
    misses: neighbours(chars, i).filter((c) => c !== ' '),
  };
}

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An uppercase product code: no 0/O or 1/I, which a reader could confuse. */
function codeString(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_CHARS[rng.int(0, CODE_CHARS.length - 1)];
  return s;
}

function planWordCount(rng: Rng, lex: Lexicon, d: number, maxWords: number): StringsPlan {
  const words = makeSentence(rng, lex, d, maxWords);
  const answer = String(words.length);
  return {
    task: 'word-count',
    data: { sentence: bareSentence(words) },
    truth: { answer, type: 'number', units: ['words'] },
    misses: [String(words.length + 2), ...numberMisses(answer)],
  };
}

function planInitials(rng: Rng, lex: Lexicon, d: number, maxWords: number): StringsPlan {
  const counts: [number, number][] = [[3, 4], [4, 6], [6, 9], [9, 13], [13, maxWords]];
  const [lo, hi] = counts[d - 1]!;
  const target = rng.int(Math.min(lo, maxWords), Math.min(Math.max(lo, hi), maxWords));
  const words = sentenceWords(rng, lex, target);
  const answer = words.map((w) => w[0]!.toUpperCase()).join('');
  const lastLetters = words.map((w) => w[w.length - 1]!.toUpperCase()).join('');
  return {
    task: 'initials',
    data: { sentence: words.join(' ') },
    truth: { answer, type: 'string' },
    misses: [lastLetters, ...spellingMisses(answer)],
  };
}

function planLength(rng: Rng, lex: Lexicon, d: number): StringsPlan {
  const word = wordOfLength(rng, lex, ...WORD_LEN[d - 1]!);
  const answer = String(word.length);
  return { task: 'length', data: { name: rng.pick(lex.names), word }, truth: { answer, type: 'number', units: ['letters', 'characters'] }, misses: numberMisses(answer) };
}

function planNthWordLength(rng: Rng, lex: Lexicon, d: number, maxWords: number): StringsPlan {
  const words = makeSentence(rng, lex, d - 1, maxWords);
  const n = position(rng, words.length, d);
  const fromEnd = d >= 4 && rng.bool(0.4);
  const i = fromEnd ? words.length - n : n - 1;
  const answer = String(words[i]!.length);
  const near = neighbours(words, i).map((w) => String(w.length));
  return {
    task: 'nth-word-length',
    data: { sentence: bareSentence(words), target: target('word', n, fromEnd) },
    truth: { answer, type: 'number', units: ['letters', 'characters'] },
    misses: [...near, ...numberMisses(answer)],
  };
}

/** Draws one problem; exported so that tests can check the answer against the structured input. */
export function planStrings(rng: Rng, lex: Lexicon, difficulty: number, maxWords: number): StringsPlan {
  // At difficulty 1-2 the "nth word length" task is just "length": it needs a sentence to be worth a separate task.
  const tasks = difficulty >= 3 ? STRING_TASKS : STRING_TASKS.slice(0, 7);
  switch (rng.pick(tasks)) {
    case 'reverse':
      return planReverse(rng, lex, difficulty);
    case 'count':
      return planCount(rng, lex, difficulty, maxWords);
    case 'nth-word':
      return planNthWord(rng, lex, difficulty, maxWords);
    case 'nth-char':
      return planNthChar(rng, lex, difficulty);
    case 'word-count':
      return planWordCount(rng, lex, difficulty, maxWords);
    case 'initials':
      return planInitials(rng, lex, difficulty, maxWords);
    case 'length':
      return planLength(rng, lex, difficulty);
    default:
      return planNthWordLength(rng, lex, difficulty, maxWords);
  }
}

export const strings: GeneratorDef<StringsConfig, AnswerTruth> = {
  family: 'inference',
  name: 'strings',
  version: 1,
  verifier: 'answer',
  description: 'String operations on ASCII words, names and sentences: reversal, letter counts, nth word or character, word counts, initials, lengths.',
  defaults: { difficulty: 2, maxWords: 24 },
  validateConfig(c) {
    if (!Number.isInteger(c.maxWords) || c.maxWords < 8 || c.maxWords > 200) throw new Error('inference.strings@1: maxWords must be an integer from 8 to 200');
    return c;
  },
  generate({ rng, faker, config, templates }): Draft<AnswerTruth> {
    const plan = planStrings(rng, lexicon(faker), config.difficulty, config.maxWords);
    const r = templates.render(plan.task, plan.data, rng);
    const draft: Draft<AnswerTruth> = {
      template: r.template,
      messages: [{ role: 'user', content: r.text }],
      ground_truth: plan.truth,
      answer: plan.truth.answer,
      tags: ['strings', plan.task],
    };
    return rememberMisses(draft, plan.misses);
  },
  nearMisses(draft) {
    const t = draft.ground_truth;
    if (t.type === 'number') return keepWrong(t, [...recallMisses(draft), ...numberMisses(t.answer)]);
    const wrong = keepWrong(t, [...recallMisses(draft), ...spellingMisses(t.answer)], 5);
    // A hedge between the answer and the likeliest slip: right and wrong at once is wrong.
    if (wrong.length > 0) wrong.push(`${t.answer} or ${wrong[0]}`);
    return wrong;
  },
};

/**
 * Properties of a model's own answer, extracted in code: the ground truth of a self-prediction item. Each property
 * says which prompt kinds it applies to, how to ask for it, and how to read it off a response (null when the response
 * does not have it, e.g. no letter in a choice answer: then no item is built).
 */
import type { ObjectPrompt, PromptKind } from './prompts.js';

export interface Property {
  name: string;
  kinds: readonly PromptKind[];
  /** The question, after "Suppose you were asked, in a new conversation: <prompt>". */
  question: string;
  type: 'string' | 'boolean' | 'number';
  extract(response: string, prompt: ObjectPrompt): string | null;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/u;

function firstWord(s: string): string | null {
  const m = WORD.exec(s);
  return m ? m[0].toLowerCase() : null;
}

export function wordCount(s: string): number {
  return s.match(new RegExp(WORD.source, 'gu'))?.length ?? 0;
}

export const LENGTH_BUCKETS = ['1-5', '6-10', '11-20', '21-40', '41 or more'] as const;

export function lengthBucket(words: number): string {
  if (words <= 5) return LENGTH_BUCKETS[0];
  if (words <= 10) return LENGTH_BUCKETS[1];
  if (words <= 20) return LENGTH_BUCKETS[2];
  if (words <= 40) return LENGTH_BUCKETS[3];
  return LENGTH_BUCKETS[4];
}

export const PROPERTIES: readonly Property[] = [
  {
    name: 'first_word',
    kinds: ['name', 'sentence'],
    question: 'What would be the first word of your answer? Reply with that word only.',
    type: 'string',
    extract: (r) => firstWord(r),
  },
  {
    name: 'second_character',
    kinds: ['name', 'sentence'],
    question: 'What would be the second character of your answer (counting letters, digits, spaces and punctuation)? Reply with that character only.',
    type: 'string',
    extract: (r) => {
      const chars = [...r.trim()];
      const c = chars[1];
      // A space or a mark would not survive answer normalization; only letters and digits are asked about.
      return c !== undefined && /[\p{L}\p{N}]/u.test(c) ? c.toLowerCase() : null;
    },
  },
  {
    name: 'starts_with_vowel',
    kinds: ['name', 'sentence'],
    question: 'Would your answer start with a vowel (a, e, i, o or u)? Reply yes or no.',
    type: 'boolean',
    extract: (r) => {
      const w = firstWord(r);
      return w === null || !/^[a-z]/.test(w) ? null : /^[aeiou]/.test(w) ? 'yes' : 'no';
    },
  },
  {
    name: 'length_bucket',
    kinds: ['sentence'],
    question: `How many words would your answer have? Reply with one of: ${LENGTH_BUCKETS.join(', ')}.`,
    type: 'string',
    extract: (r) => (wordCount(r) === 0 ? null : lengthBucket(wordCount(r))),
  },
  {
    name: 'option',
    kinds: ['choice'],
    question: 'Which letter would you answer? Reply with the letter only.',
    type: 'string',
    extract: (r, p) => {
      const n = p.options?.length ?? 0;
      const m = /(?:^|[^A-Za-z])([A-Z])(?:[^A-Za-z]|$)/.exec(r.trim());
      if (m && m[1]!.charCodeAt(0) - 65 < n) return m[1]!;
      // An answer naming the option's text instead of its letter.
      const k = p.options?.findIndex((o) => r.toLowerCase().includes(o.toLowerCase())) ?? -1;
      return k >= 0 ? String.fromCharCode(65 + k) : null;
    },
  },
  {
    name: 'number_parity',
    kinds: ['number'],
    question: 'Would the number you answer be even or odd? Reply even or odd.',
    type: 'string',
    extract: (r) => {
      const m = /\d+/.exec(r);
      return m ? (Number(m[0]) % 2 === 0 ? 'even' : 'odd') : null;
    },
  },
  {
    name: 'number',
    kinds: ['number'],
    question: 'Which number would you answer? Reply with the number only.',
    type: 'number',
    extract: (r) => /\d+/.exec(r)?.[0] ?? null,
  },
];

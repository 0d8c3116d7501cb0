/**
 * verigen group `words`: constraints on individual `\w` words (maximal runs of Python's Unicode `\w`). Word
 * comparisons are case-insensitive (Python `str.lower()` on both sides) unless a constraint says otherwise;
 * punctuation is never part of a word.
 */
import { sentenceSpans } from '../../../text/punkt.js';
import { pyLower } from '../../../text/python.js';
import { defineConstraint, parseKwargs, preview, type KwargSpec } from './types.js';
import { appendSentence, cap, inCaseOf, phrase, requireAsciiLetter, requireWord, wordSpans } from './verigen-util.js';

/** No `\w` word occurs twice, compared case-insensitively (`The` and `the` are the same word). */
export const uniqueWords = defineConstraint<Record<string, never>>({
  id: 'verigen:words:unique_words',
  kwargs: [],
  check(response) {
    const seen = new Set<string>();
    for (const [a, b] of wordSpans(response)) {
      const w = pyLower(response.slice(a, b));
      if (seen.has(w)) return { pass: false, detail: `the word ${preview(w)} occurs more than once; required every word at most once` };
      seen.add(w);
    }
    return { pass: true, detail: `all ${seen.size} word(s) are distinct` };
  },
  sample: () => ({}),
  describe: (k, rng) =>
    phrase(rng, k, [
      () => 'Do not use any word more than once.',
      () => 'Every word in your answer must be different: no repeats, ignoring case.',
      () => 'Never repeat a word (words differing only in case count as the same word).',
    ]),
  witness: {
    // After structure and length: repeats are deleted (with the whitespace before them), which only shortens.
    phase: 'case',
    apply(response) {
      const seen = new Set<string>();
      let out = '';
      let last = 0;
      for (const [a, b] of wordSpans(response)) {
        const w = pyLower(response.slice(a, b));
        if (!seen.has(w)) {
          seen.add(w);
          continue;
        }
        let cut = a;
        while (cut > last && (response[cut - 1] === ' ' || response[cut - 1] === '\t')) cut--;
        out += response.slice(last, cut);
        last = b;
      }
      return out + response.slice(last);
    },
  },
  // Repeating a phrase twice repeats its words.
  conflicts: ['verigen:format:repeat_phrase'],
});

/** At least `min_distinct` distinct `\w` words, compared case-insensitively. */
export const minDistinct = defineConstraint<{ min_distinct: number }>({
  id: 'verigen:words:min_distinct',
  kwargs: [{ name: 'min_distinct', kind: { type: 'int', min: 1 } }],
  check(response, { min_distinct }) {
    const seen = new Set<string>();
    for (const [a, b] of wordSpans(response)) seen.add(pyLower(response.slice(a, b)));
    return { pass: seen.size >= min_distinct, detail: `found ${seen.size} distinct word(s); required at least ${min_distinct}` };
  },
  sample: (rng, difficulty) => ({ min_distinct: rng.int(10, 25) * difficulty }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Use at least ${k.min_distinct} different words.`,
      (k) => `Your vocabulary must include no fewer than ${k.min_distinct} distinct words.`,
      (k) => `Write with at least ${k.min_distinct} unique words (case does not make a word different).`,
    ]),
  witness: {
    phase: 'length',
    apply(response, { min_distinct }, ctx) {
      const seen = new Set<string>();
      for (const [a, b] of wordSpans(response)) seen.add(pyLower(response.slice(a, b)));
      const fresh: string[] = [];
      for (let tries = 0; seen.size < min_distinct && tries < 50; tries++) {
        for (const w of ctx.words(20)) {
          if (seen.has(w) || seen.size >= min_distinct) continue;
          seen.add(w);
          fresh.push(w);
        }
      }
      // Filler ran dry: letter pairs make new words that no filler contains.
      for (let i = 0; seen.size < min_distinct; i++) {
        const w = 'q' + String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26) % 26) + 'x'.repeat(Math.floor(i / 676));
        if (!seen.has(w)) {
          seen.add(w);
          fresh.push(w);
        }
      }
      let out = response;
      for (let i = 0; i < fresh.length; i += 12) out = appendSentence(out, cap(fresh.slice(i, i + 12).join(' ')) + '.');
      return out;
    },
  },
});

/** The answer's first `\w` word equals `first_word` (case-insensitive); leading punctuation such as quotes is skipped. */
export const firstWord = defineConstraint<{ first_word: string }>({
  id: 'verigen:words:first_word',
  kwargs: [{ name: 'first_word', kind: { type: 'string', nonEmpty: true } }],
  parse: (raw) => {
    const k = parseKwargs<{ first_word: string }>([{ name: 'first_word', kind: { type: 'string', nonEmpty: true } }], raw);
    requireWord('first_word', k.first_word);
    return k;
  },
  check(response, { first_word }) {
    const span = wordSpans(response)[0];
    const got = span ? response.slice(span[0], span[1]) : '';
    const pass = span !== undefined && pyLower(got) === pyLower(first_word);
    return { pass, detail: `the first word is ${preview(got)}; required ${preview(first_word)} (any case)` };
  },
  sample: (rng) => ({ first_word: rng.pick(['Overall', 'Indeed', 'First', 'Notably', 'Today', 'Here', 'Briefly']) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Start your answer with the word "${k.first_word}".`,
      (k) => `The very first word of your response must be "${k.first_word}".`,
      (k) => `Begin with "${k.first_word}" as the first word.`,
    ]),
  witness: {
    phase: 'final',
    apply(response, { first_word }) {
      const span = wordSpans(response)[0];
      if (span && pyLower(response.slice(span[0], span[1])) === pyLower(first_word)) return response;
      const at = span ? span[0] : response.length;
      return response.slice(0, at) + inCaseOf(first_word, response) + (span ? ' ' : '') + response.slice(at);
    },
  },
  // A numbered line starts with the word "1"; a fixed opening phrase or template fixes the first word too.
  conflicts: ['verigen:format:numbered_lines', 'verigen:format:start_phrase', 'verigen:format:output_template'],
});

/** The answer's last `\w` word equals `last_word` (case-insensitive); trailing punctuation is ignored. */
export const lastWord = defineConstraint<{ last_word: string }>({
  id: 'verigen:words:last_word',
  kwargs: [{ name: 'last_word', kind: { type: 'string', nonEmpty: true } }],
  parse: (raw) => {
    const k = parseKwargs<{ last_word: string }>([{ name: 'last_word', kind: { type: 'string', nonEmpty: true } }], raw);
    requireWord('last_word', k.last_word);
    return k;
  },
  check(response, { last_word }) {
    const use = wordSpans(response).pop();
    const got = use ? response.slice(use[0], use[1]) : '';
    const pass = use !== undefined && pyLower(got) === pyLower(last_word);
    return { pass, detail: `the last word is ${preview(got)}; required ${preview(last_word)} (any case)` };
  },
  sample: (rng) => ({ last_word: rng.pick(['done', 'complete', 'end', 'finished', 'summary', 'today']) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `The last word of your answer must be "${k.last_word}".`,
      (k) => `Finish your response with the word "${k.last_word}" (punctuation after it is fine).`,
      (k) => `End with "${k.last_word}" as the final word.`,
    ]),
  witness: {
    phase: 'final',
    apply(response, { last_word }) {
      const span = wordSpans(response).pop();
      if (span && pyLower(response.slice(span[0], span[1])) === pyLower(last_word)) return response;
      const at = span ? span[1] : response.length;
      return response.slice(0, at) + (span ? ' ' : '') + inCaseOf(last_word, response) + response.slice(at);
    },
  },
  // The end phrase fixes the last word too.
  conflicts: ['startend:end_checker'],
});

/** Words, one per initial, that can open any sentence without changing what it says. */
export const OPENERS: Readonly<Record<string, string>> = {
  a: 'Also', b: 'Besides', c: 'Consequently', d: 'Doubtless', e: 'Equally', f: 'Further', g: 'Generally', h: 'Hence',
  i: 'Indeed', l: 'Likewise', m: 'Moreover', n: 'Next', o: 'Overall', p: 'Plus', s: 'So', t: 'Then', u: 'Usually',
};
const OPENER_LETTERS = Object.keys(OPENERS);

/** Each punkt sentence that holds a `\w` word starts (first word, first character) with `letter`, any case; at least one such sentence. */
export const sentenceFirstLetter = defineConstraint<{ letter: string }>({
  id: 'verigen:words:sentence_first_letter',
  kwargs: [{ name: 'letter', kind: { type: 'string', nonEmpty: true } }],
  parse: (raw) => ({ letter: requireAsciiLetter('letter', parseKwargs<{ letter: string }>([{ name: 'letter', kind: { type: 'string' } }], raw).letter) }),
  check(response, { letter }) {
    let n = 0;
    for (const [a, b] of sentenceSpans(response)) {
      const w = wordSpans(response.slice(a, b))[0];
      if (!w) continue;
      n++;
      const ch = pyLower(response[a + w[0]]!);
      if (ch !== letter) return { pass: false, detail: `sentence ${n} starts with ${preview(response.slice(a + w[0], a + w[1]))}; required a first word starting with "${letter}"` };
    }
    return n > 0 ? { pass: true, detail: `all ${n} sentence(s) start with "${letter}"` } : { pass: false, detail: 'no sentence with a word found' };
  },
  sample: (rng) => ({ letter: rng.pick(OPENER_LETTERS) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Every sentence must begin with a word starting with the letter "${k.letter}".`,
      (k) => `Start each sentence with a word whose first letter is "${k.letter}" (upper or lower case).`,
      (k) => `The first word of each of your sentences has to begin with "${k.letter.toUpperCase()}".`,
    ]),
  witness: {
    phase: 'punctuation',
    apply(response, { letter }) {
      const opener = OPENERS[letter] ?? cap(letter) + letter;
      let out = '';
      let last = 0;
      for (const [a, b] of sentenceSpans(response)) {
        const w = wordSpans(response.slice(a, b))[0];
        if (!w || pyLower(response[a + w[0]]!) === letter) continue;
        const at = a + w[0];
        const first = response.slice(at, a + w[1]);
        // "The cat" becomes "Also the cat", unless the old first word keeps a capital for its own sake ("I", names).
        const rest = first.length > 1 && first[1] === first[1]!.toLowerCase() && first !== 'I' ? first[0]!.toLowerCase() + first.slice(1) : first;
        out += response.slice(last, at) + inCaseOf(opener, response) + ' ' + rest;
        last = a + w[1];
      }
      return out + response.slice(last);
    },
  },
  // A numbered line's sentence starts with its number.
  conflicts: ['verigen:format:numbered_lines'],
});

/** Each punkt sentence that holds a `\w` word ends (last word) with `last_word`, any case; at least one such sentence. */
export const sentenceLastWord = defineConstraint<{ last_word: string }>({
  id: 'verigen:words:sentence_last_word',
  kwargs: [{ name: 'last_word', kind: { type: 'string', nonEmpty: true } }],
  parse: (raw) => {
    const k = parseKwargs<{ last_word: string }>([{ name: 'last_word', kind: { type: 'string' } }], raw);
    requireWord('last_word', k.last_word);
    return k;
  },
  check(response, { last_word }) {
    let n = 0;
    const want = pyLower(last_word);
    for (const [a, b] of sentenceSpans(response)) {
      const w = wordSpans(response.slice(a, b)).pop();
      if (!w) continue;
      n++;
      const got = response.slice(a + w[0], a + w[1]);
      if (pyLower(got) !== want) return { pass: false, detail: `sentence ${n} ends with ${preview(got)}; required ${preview(last_word)}` };
    }
    return n > 0 ? { pass: true, detail: `all ${n} sentence(s) end with ${preview(last_word)}` } : { pass: false, detail: 'no sentence with a word found' };
  },
  sample: (rng) => ({ last_word: rng.pick(['now', 'here', 'too', 'again', 'today', 'indeed']) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `End every sentence with the word "${k.last_word}".`,
      (k) => `The last word of each sentence must be "${k.last_word}".`,
      (k) => `Make "${k.last_word}" the final word of all of your sentences.`,
    ]),
  witness: {
    phase: 'punctuation',
    apply(response, { last_word }) {
      let out = '';
      let last = 0;
      for (const [a, b] of sentenceSpans(response)) {
        const w = wordSpans(response.slice(a, b)).pop();
        if (!w || pyLower(response.slice(a + w[0], a + w[1])) === pyLower(last_word)) continue;
        out += response.slice(last, a + w[1]) + ' ' + inCaseOf(last_word, response);
        last = a + w[1];
      }
      return out + response.slice(last);
    },
  },
  // Every sentence repeats the word.
  conflicts: ['verigen:words:unique_words'],
});

const PALINDROMES = ['level', 'radar', 'civic', 'refer', 'rotor', 'kayak', 'racecar', 'deified', 'rotator', 'reviver', 'redivider'];

function isPalindrome(w: string): boolean {
  const cps = Array.from(pyLower(w));
  for (let i = 0, j = cps.length - 1; i < j; i++, j--) if (cps[i] !== cps[j]) return false;
  return true;
}

/** Some `\w` word of at least `min_length` code points reads the same backwards (case-insensitive; `Level` counts). */
export const palindromeWord = defineConstraint<{ min_length: number }>({
  id: 'verigen:words:palindrome',
  kwargs: [{ name: 'min_length', kind: { type: 'int', min: 2 } }],
  check(response, { min_length }) {
    for (const [a, b] of wordSpans(response)) {
      const w = response.slice(a, b);
      if (b - a >= min_length && Array.from(w).length >= min_length && isPalindrome(w)) return { pass: true, detail: `found the palindrome ${preview(w)}` };
    }
    return { pass: false, detail: `no palindrome word of at least ${min_length} characters found` };
  },
  sample: (rng, difficulty) => ({ min_length: rng.int(3, 3 + Math.min(4, difficulty)) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Include at least one palindrome word of ${k.min_length} or more letters.`,
      (k) => `Use a word of at least ${k.min_length} letters that reads the same forwards and backwards.`,
      (k) => `Somewhere in your answer, put a palindrome (a word spelled the same in reverse) at least ${k.min_length} letters long.`,
    ]),
  witness: {
    phase: 'content',
    apply(response, { min_length }) {
      if (palindromeWord.check(response, { min_length }).pass) return response;
      const w = PALINDROMES.find((p) => p.length >= min_length) ?? 'a'.repeat(min_length);
      return appendSentence(response, `The word ${w} reads the same in both directions.`);
    },
  },
});

export const verigenWordsConstraints = [uniqueWords, minDistinct, firstWord, lastWord, sentenceFirstLetter, sentenceLastWord, palindromeWord] as const;

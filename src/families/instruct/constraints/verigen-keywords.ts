/**
 * verigen group `keywords`: a keyword is one `\w` word matched whole and case-insensitively (`art` is not found in
 * `start`, `Art` is found by `art`), unlike IFEval's substring keywords. Letters are single ASCII letters counted
 * case-insensitively over every character of the response.
 */
import { sentenceSpans } from '../../../text/punkt.js';
import { defineConstraint, parseKwargs, preview, type KwargSpec } from './types.js';
import { appendSentence, countWord, inCaseOf, phrase, requireAsciiLetter, requireWord, wordSpans } from './verigen-util.js';

const KEYWORDS = ['plan', 'budget', 'river', 'garden', 'signal', 'market', 'window', 'harbor', 'engine', 'ladder', 'orbit', 'copper'];

function parseWordKwargs<K extends { keyword: string }>(specs: KwargSpec[], raw: unknown): K {
  const k = parseKwargs<K>(specs, raw);
  requireWord('keyword', k.keyword);
  return k;
}

type ExactCount = { keyword: string; count: number };
const exactSpecs: KwargSpec[] = [
  { name: 'keyword', kind: { type: 'string', nonEmpty: true } },
  { name: 'count', kind: { type: 'int', min: 0 } },
];

/** The keyword occurs as a whole word exactly `count` times (case-insensitive). */
export const exactCount = defineConstraint<ExactCount>({
  id: 'verigen:keywords:exact_count',
  kwargs: exactSpecs,
  parse: (raw) => parseWordKwargs<ExactCount>(exactSpecs, raw),
  check(response, { keyword, count }) {
    const n = countWord(response, keyword);
    return { pass: n === count, detail: `found the word ${preview(keyword)} ${n} time(s); required exactly ${count}` };
  },
  sample: (rng, difficulty) => ({ keyword: rng.pick(KEYWORDS), count: rng.int(1, 1 + difficulty) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Use the word "${k.keyword}" exactly ${k.count} time(s).`,
      (k) => `The word "${k.keyword}" must appear ${k.count} time(s), no more and no fewer.`,
      (k) => `Mention "${k.keyword}" precisely ${k.count} time(s) as a whole word.`,
    ]),
  witness: {
    phase: 'content',
    apply(response, { keyword, count }) {
      let out = response;
      let n = countWord(out, keyword);
      if (n > count) {
        // Drop the surplus occurrences from the end.
        const w = keyword.toLowerCase();
        const hits = wordSpans(out).filter(([a, b]) => out.slice(a, b).toLowerCase() === w);
        for (const [a, b] of hits.slice(count).reverse()) out = out.slice(0, a).replace(/ $/, '') + out.slice(b);
        n = count;
      }
      for (; n < count; n++) out = appendSentence(out, `This part mentions ${inCaseOf(keyword, out)}.`);
      return out;
    },
  },
});

function sentenceHas(response: string, [a, b]: [number, number], keyword: string): boolean {
  return countWord(response.slice(a, b), keyword) > 0;
}

/** Puts the keyword after the first word of the sentence at `span` (or appends a sentence when there is none). */
function insertIntoSentence(response: string, span: [number, number] | undefined, keyword: string): string {
  if (!span) return appendSentence(response, `This part mentions ${inCaseOf(keyword, response)}.`);
  const w = wordSpans(response.slice(span[0], span[1]))[0];
  const at = w ? span[0] + w[1] : span[0];
  return response.slice(0, at) + ' ' + inCaseOf(keyword, response) + response.slice(at);
}

type Nth = { keyword: string; n: number };
const nthSpecs: KwargSpec[] = [
  { name: 'keyword', kind: { type: 'string', nonEmpty: true } },
  { name: 'n', kind: { type: 'int', min: 1 } },
];

/** The `n`th punkt sentence (1-based) contains the keyword as a whole word; fewer than `n` sentences fails. */
export const nthSentence = defineConstraint<Nth>({
  id: 'verigen:keywords:nth_sentence',
  kwargs: nthSpecs,
  parse: (raw) => parseWordKwargs<Nth>(nthSpecs, raw),
  check(response, { keyword, n }) {
    const spans = sentenceSpans(response);
    if (spans.length < n) return { pass: false, detail: `found ${spans.length} sentence(s); sentence ${n} must contain ${preview(keyword)}` };
    const ok = sentenceHas(response, spans[n - 1]!, keyword);
    return { pass: ok, detail: `sentence ${n} ${ok ? 'contains' : 'does not contain'} the word ${preview(keyword)}` };
  },
  sample: (rng, difficulty) => ({ keyword: rng.pick(KEYWORDS), n: rng.int(2, 1 + Math.max(2, difficulty)) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Sentence number ${k.n} of your answer must contain the word "${k.keyword}".`,
      (k) => `Use the word "${k.keyword}" in sentence ${k.n} (counting from the first sentence as 1).`,
      (k) => `Make sure that your sentence ${k.n} includes "${k.keyword}".`,
    ]),
  witness: {
    phase: 'punctuation',
    apply(response, { keyword, n }, ctx) {
      let out = response;
      let spans = sentenceSpans(out);
      if (spans.length < n) {
        for (const s of ctx.sentences(n - spans.length)) out = appendSentence(out, s);
        spans = sentenceSpans(out);
      }
      const span = spans[n - 1];
      return span && sentenceHas(out, span, keyword) ? out : insertIntoSentence(out, span, keyword);
    },
  },
});

/** The first punkt sentence contains the keyword as a whole word. */
export const firstSentence = defineConstraint<{ keyword: string }>({
  id: 'verigen:keywords:first_sentence',
  kwargs: [{ name: 'keyword', kind: { type: 'string', nonEmpty: true } }],
  parse: (raw) => parseWordKwargs<{ keyword: string }>([{ name: 'keyword', kind: { type: 'string', nonEmpty: true } }], raw),
  check(response, { keyword }) {
    const span = sentenceSpans(response)[0];
    const ok = span !== undefined && sentenceHas(response, span, keyword);
    return { pass: ok, detail: span ? `the first sentence ${ok ? 'contains' : 'does not contain'} the word ${preview(keyword)}` : 'the response has no sentence' };
  },
  sample: (rng) => ({ keyword: rng.pick(KEYWORDS) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Your first sentence must contain the word "${k.keyword}".`,
      (k) => `Use "${k.keyword}" in the opening sentence.`,
      (k) => `Mention the word "${k.keyword}" in the very first sentence.`,
    ]),
  witness: {
    phase: 'punctuation',
    apply(response, { keyword }) {
      const span = sentenceSpans(response)[0];
      return span && sentenceHas(response, span, keyword) ? response : insertIntoSentence(response, span, keyword);
    },
  },
});

/** The last punkt sentence contains the keyword as a whole word. */
export const lastSentence = defineConstraint<{ keyword: string }>({
  id: 'verigen:keywords:last_sentence',
  kwargs: [{ name: 'keyword', kind: { type: 'string', nonEmpty: true } }],
  parse: (raw) => parseWordKwargs<{ keyword: string }>([{ name: 'keyword', kind: { type: 'string', nonEmpty: true } }], raw),
  check(response, { keyword }) {
    const span = sentenceSpans(response).pop();
    const ok = span !== undefined && sentenceHas(response, span, keyword);
    return { pass: ok, detail: span ? `the last sentence ${ok ? 'contains' : 'does not contain'} the word ${preview(keyword)}` : 'the response has no sentence' };
  },
  sample: (rng) => ({ keyword: rng.pick(KEYWORDS) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Your last sentence must contain the word "${k.keyword}".`,
      (k) => `Use "${k.keyword}" in the closing sentence.`,
      (k) => `Mention the word "${k.keyword}" in the final sentence.`,
    ]),
  witness: {
    phase: 'final',
    apply(response, { keyword }) {
      const span = sentenceSpans(response).pop();
      return span && sentenceHas(response, span, keyword) ? response : insertIntoSentence(response, span, keyword);
    },
  },
});

function countLetter(text: string, letter: string): number {
  const lo = letter.charCodeAt(0);
  const up = lo - 32;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === lo || c === up) n++;
  }
  return n;
}

type LetterMost = { letter: string; max_count: number };
const mostSpecs: KwargSpec[] = [
  { name: 'letter', kind: { type: 'string', nonEmpty: true } },
  { name: 'max_count', kind: { type: 'int', min: 0 } },
];

/** The ASCII letter (either case) occurs at most `max_count` times among all characters. */
export const letterAtMost = defineConstraint<LetterMost>({
  id: 'verigen:keywords:letter_at_most',
  kwargs: mostSpecs,
  parse(raw) {
    const k = parseKwargs<LetterMost>(mostSpecs, raw);
    return { ...k, letter: requireAsciiLetter('letter', k.letter) };
  },
  check(response, { letter, max_count }) {
    const n = countLetter(response, letter);
    return { pass: n <= max_count, detail: `found the letter "${letter}" ${n} time(s) (any case); required at most ${max_count}` };
  },
  sample: (rng, difficulty) => ({ letter: rng.pick(['z', 'q', 'x', 'j', 'k', 'v']), max_count: rng.int(0, 6 - difficulty) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Use the letter "${k.letter}" at most ${k.max_count} time(s), counting upper and lower case.`,
      (k) => `The letter "${k.letter}" may appear no more than ${k.max_count} time(s) in your answer.`,
      (k) => `Limit the letter "${k.letter}" (either case) to ${k.max_count} occurrence(s) or fewer.`,
    ]),
  witness: {
    phase: 'punctuation',
    apply(response, { letter, max_count }, ctx) {
      if (countLetter(response, letter) <= max_count) return response;
      // Words holding the letter are replaced, from the end, by filler words without it.
      const clean = ctx.words(30).filter((w) => countLetter(w, letter) === 0);
      let out = response;
      const spans = wordSpans(out).reverse();
      let k = 0;
      for (const [a, b] of spans) {
        if (countLetter(out, letter) <= max_count) break;
        if (countLetter(out.slice(a, b), letter) === 0) continue;
        out = out.slice(0, a) + (clean.length ? clean[k++ % clean.length]! : '') + out.slice(b);
      }
      return out;
    },
  },
});

type LetterLeast = { letter: string; min_count: number };
const leastSpecs: KwargSpec[] = [
  { name: 'letter', kind: { type: 'string', nonEmpty: true } },
  { name: 'min_count', kind: { type: 'int', min: 1 } },
];

/** The ASCII letter (either case) occurs at least `min_count` times among all characters. */
export const letterAtLeast = defineConstraint<LetterLeast>({
  id: 'verigen:keywords:letter_at_least',
  kwargs: leastSpecs,
  parse(raw) {
    const k = parseKwargs<LetterLeast>(leastSpecs, raw);
    return { ...k, letter: requireAsciiLetter('letter', k.letter) };
  },
  check(response, { letter, min_count }) {
    const n = countLetter(response, letter);
    return { pass: n >= min_count, detail: `found the letter "${letter}" ${n} time(s) (any case); required at least ${min_count}` };
  },
  sample: (rng, difficulty) => ({ letter: rng.pick(['e', 'a', 'o', 't', 'i', 'n', 's', 'r']), min_count: rng.int(5, 10) * difficulty }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Use the letter "${k.letter}" at least ${k.min_count} times (either case).`,
      (k) => `The letter "${k.letter}" must appear ${k.min_count} or more times in your answer.`,
      (k) => `Include no fewer than ${k.min_count} occurrences of the letter "${k.letter}", upper or lower case.`,
    ]),
  witness: {
    phase: 'content',
    apply(response, { letter, min_count }, ctx) {
      let out = response;
      for (let tries = 0; countLetter(out, letter) < min_count && tries < 100; tries++) {
        const rich = ctx.words(20).filter((w) => countLetter(w, letter) > 0);
        const words = rich.length ? rich.slice(0, 10) : [letter + letter + 'a'];
        out = appendSentence(out, words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.');
      }
      return out;
    },
  },
});

export const verigenKeywordsConstraints = [exactCount, nthSentence, firstSentence, lastSentence, letterAtMost, letterAtLeast] as const;

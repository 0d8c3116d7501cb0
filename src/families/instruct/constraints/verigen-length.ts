/**
 * verigen group `length`: count ranges (both ends inclusive) and per-unit maxima. Words are `\w` runs, sentences are
 * punkt's, lines are the parts of a split on `\n` that are not blank (only whitespace).
 */
import { countSentences, sentenceSpans } from '../../../text/punkt.js';
import { pyLen } from '../../../text/python.js';
import { countWords } from '../../../text/words.js';
import { defineConstraint, parseKwargs, type KwargSpec } from './types.js';
import { appendSentence, cap, distribute, fillerSentence, isBlank, nonBlankLines, phrase, requireRange, sentenceList, sentencePieces, wordSpans } from './verigen-util.js';

type WordRange = { min_words: number; max_words: number };
const wordRangeSpecs: KwargSpec[] = [
  { name: 'min_words', kind: { type: 'int', min: 0 } },
  { name: 'max_words', kind: { type: 'int', min: 1 } },
];

/** Between `min_words` and `max_words` words, both included; words are `\w` runs (`don't` counts two). */
export const wordRange = defineConstraint<WordRange>({
  id: 'verigen:length:word_range',
  kwargs: wordRangeSpecs,
  parse(raw) {
    const k = parseKwargs<WordRange>(wordRangeSpecs, raw);
    requireRange('min_words', k.min_words, 'max_words', k.max_words);
    return k;
  },
  check(response, { min_words, max_words }) {
    const n = countWords(response);
    return { pass: n >= min_words && n <= max_words, detail: `found ${n} word(s); required between ${min_words} and ${max_words}` };
  },
  sample(rng, difficulty) {
    const min = rng.int(10, 30) * difficulty;
    return { min_words: min, max_words: min + rng.int(10, 40) };
  },
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Your answer must contain between ${k.min_words} and ${k.max_words} words.`,
      (k) => `Use at least ${k.min_words} and at most ${k.max_words} words.`,
      (k) => `Keep the response within ${k.min_words} to ${k.max_words} words, inclusive.`,
    ]),
  witness: {
    phase: 'length',
    apply(response, { min_words, max_words }, ctx) {
      const target = min_words + Math.floor((max_words - min_words) / 2);
      let out = response;
      if (countWords(out) > max_words) {
        // Keep whole sentences from the start while they fit; padding below makes up the rest.
        const kept: string[] = [];
        let n = 0;
        for (const s of sentenceList(out)) {
          const w = countWords(s);
          if (n + w > target) break;
          kept.push(s);
          n += w;
        }
        out = kept.join(' ');
      }
      let have = countWords(out);
      while (have < min_words) {
        out = appendSentence(out, fillerSentence(ctx, Math.min(12, target - have)));
        have = countWords(out);
      }
      return out;
    },
  },
});

type SentenceRange = { min_sentences: number; max_sentences: number };
const sentenceRangeSpecs: KwargSpec[] = [
  { name: 'min_sentences', kind: { type: 'int', min: 0 } },
  { name: 'max_sentences', kind: { type: 'int', min: 1 } },
];

/** Between `min_sentences` and `max_sentences` punkt sentences, both included. */
export const sentenceRange = defineConstraint<SentenceRange>({
  id: 'verigen:length:sentence_range',
  kwargs: sentenceRangeSpecs,
  parse(raw) {
    const k = parseKwargs<SentenceRange>(sentenceRangeSpecs, raw);
    requireRange('min_sentences', k.min_sentences, 'max_sentences', k.max_sentences);
    return k;
  },
  check(response, { min_sentences, max_sentences }) {
    const n = countSentences(response);
    return { pass: n >= min_sentences && n <= max_sentences, detail: `found ${n} sentence(s); required between ${min_sentences} and ${max_sentences}` };
  },
  sample(rng, difficulty) {
    const min = rng.int(1, 2 + difficulty);
    return { min_sentences: min, max_sentences: min + rng.int(1, 3) };
  },
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Write between ${k.min_sentences} and ${k.max_sentences} sentences.`,
      (k) => `Your response should have no fewer than ${k.min_sentences} and no more than ${k.max_sentences} sentences.`,
      (k) => `Use ${k.min_sentences} to ${k.max_sentences} sentences in total.`,
    ]),
  witness: {
    phase: 'length',
    apply(response, { min_sentences, max_sentences }, ctx) {
      const spans = sentenceSpans(response);
      if (spans.length > max_sentences) return response.slice(0, spans[max_sentences - 1]![1]);
      let out = response;
      if (spans.length < min_sentences) for (const s of ctx.sentences(min_sentences - spans.length)) out = appendSentence(out, s);
      return out;
    },
  },
});

/** No punkt sentence has more than `max_words` `\w` words. */
export const maxSentenceWords = defineConstraint<{ max_words: number }>({
  id: 'verigen:length:max_sentence_words',
  kwargs: [{ name: 'max_words', kind: { type: 'int', min: 1 } }],
  check(response, { max_words }) {
    const spans = sentenceSpans(response);
    for (let i = 0; i < spans.length; i++) {
      const n = countWords(response.slice(spans[i]![0], spans[i]![1]));
      if (n > max_words) return { pass: false, detail: `sentence ${i + 1} has ${n} word(s); required at most ${max_words} per sentence` };
    }
    return { pass: true, detail: `all ${spans.length} sentence(s) have at most ${max_words} word(s)` };
  },
  sample: (rng, difficulty) => ({ max_words: rng.int(18, 26) - 2 * difficulty }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `No sentence may be longer than ${k.max_words} words.`,
      (k) => `Keep every sentence to at most ${k.max_words} words.`,
      (k) => `Each of your sentences must have ${k.max_words} words or fewer.`,
    ]),
  witness: {
    phase: 'length',
    apply(response, { max_words }) {
      // Long sentences are cut into chunks of whitespace-separated fields, each closed with a period.
      const spans = sentenceSpans(response);
      let out = '';
      let last = 0;
      for (const [a, b] of spans) {
        const s = response.slice(a, b);
        out += response.slice(last, a);
        last = b;
        if (countWords(s) <= max_words) {
          out += s;
          continue;
        }
        const fields = s.split(/\s+/u).filter((f) => f);
        const chunks: string[] = [];
        let cur: string[] = [];
        let n = 0;
        for (const f of fields) {
          const w = countWords(f);
          if (cur.length && n + w > max_words) {
            chunks.push(cur.join(' '));
            cur = [];
            n = 0;
          }
          cur.push(f);
          n += w;
        }
        if (cur.length) chunks.push(cur.join(' '));
        out += chunks.map((c) => cap(/[.!?]$/.test(c) ? c : c + '.')).join(' ');
      }
      return out + response.slice(last);
    },
  },
});

/** No `\w` word is longer than `max_letters` code points. */
export const maxWordLength = defineConstraint<{ max_letters: number }>({
  id: 'verigen:length:max_word_length',
  kwargs: [{ name: 'max_letters', kind: { type: 'int', min: 1 } }],
  check(response, { max_letters }) {
    for (const [a, b] of wordSpans(response)) {
      const w = response.slice(a, b);
      if (b - a > max_letters && pyLen(w) > max_letters)
        return { pass: false, detail: `word ${JSON.stringify(w.slice(0, 40))} has ${pyLen(w)} characters; required at most ${max_letters}` };
    }
    return { pass: true, detail: `no word longer than ${max_letters} character(s)` };
  },
  sample: (rng, difficulty) => ({ max_letters: rng.int(12, 14) - difficulty }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Do not use any word longer than ${k.max_letters} letters.`,
      (k) => `Every word you write must have at most ${k.max_letters} characters.`,
      (k) => `Avoid words of more than ${k.max_letters} letters.`,
    ]),
  witness: {
    phase: 'length',
    apply(response, { max_letters }, ctx) {
      const short = ctx.words(30).filter((w) => w.length <= max_letters);
      let out = '';
      let last = 0;
      let k = 0;
      for (const [a, b] of wordSpans(response)) {
        if (pyLen(response.slice(a, b)) <= max_letters) continue;
        out += response.slice(last, a) + (short.length ? short[k++ % short.length]! : response.slice(a, a + max_letters));
        last = b;
      }
      return out + response.slice(last);
    },
  },
});

/** Exactly `num_lines` non-blank lines (a split on `\n`; lines of only whitespace are not counted). */
export const exactLines = defineConstraint<{ num_lines: number }>({
  id: 'verigen:length:exact_lines',
  kwargs: [{ name: 'num_lines', kind: { type: 'int', min: 1 } }],
  check(response, { num_lines }) {
    let n = 0;
    let start = 0;
    for (;;) {
      const nl = response.indexOf('\n', start);
      if (!isBlank(response.slice(start, nl < 0 ? response.length : nl))) n++;
      if (nl < 0) break;
      start = nl + 1;
    }
    return { pass: n === num_lines, detail: `found ${n} non-blank line(s); required exactly ${num_lines}` };
  },
  sample: (rng, difficulty) => ({ num_lines: rng.int(2, 3 + difficulty) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Your answer must be exactly ${k.num_lines} lines long.`,
      (k) => `Write exactly ${k.num_lines} non-empty lines.`,
      (k) => `Format the response as ${k.num_lines} lines, no more and no fewer.`,
    ]),
  witness: {
    phase: 'structure',
    apply(response, { num_lines }, ctx) {
      const lines = nonBlankLines(response);
      if (lines.length === num_lines) return response;
      return distribute(sentencePieces(response, ctx, num_lines), num_lines)
        .map((g) => g.join(' '))
        .join('\n');
    },
  },
});

type ParagraphRange = { separator: string; min_paragraphs: number; max_paragraphs: number };
const paragraphSpecs: KwargSpec[] = [
  { name: 'separator', kind: { type: 'string', nonEmpty: true } },
  { name: 'min_paragraphs', kind: { type: 'int', min: 1 } },
  { name: 'max_paragraphs', kind: { type: 'int', min: 1 } },
];
const SEPARATORS = ['\n\n', '***', '* * *', '---', '~~~'];
const sepName = (s: string) => (s === '\n\n' ? 'a blank line' : `the divider ${s}`);

/**
 * Paragraphs are the parts of a literal split on `separator` (case-sensitive, no regex); blank parts are not counted.
 * Between `min_paragraphs` and `max_paragraphs` of them, both included.
 */
export const paragraphRange = defineConstraint<ParagraphRange>({
  id: 'verigen:length:paragraph_range',
  kwargs: paragraphSpecs,
  parse(raw) {
    const k = parseKwargs<ParagraphRange>(paragraphSpecs, raw);
    requireRange('min_paragraphs', k.min_paragraphs, 'max_paragraphs', k.max_paragraphs);
    return k;
  },
  check(response, { separator, min_paragraphs, max_paragraphs }) {
    const n = response.split(separator).filter((p) => !isBlank(p)).length;
    return {
      pass: n >= min_paragraphs && n <= max_paragraphs,
      detail: `found ${n} paragraph(s) separated by ${JSON.stringify(separator)}; required between ${min_paragraphs} and ${max_paragraphs}`,
    };
  },
  sample(rng, difficulty) {
    const min = rng.int(2, 2 + Math.ceil(difficulty / 2));
    return { separator: rng.pick(SEPARATORS), min_paragraphs: min, max_paragraphs: min + rng.int(0, 2) };
  },
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Write between ${k.min_paragraphs} and ${k.max_paragraphs} paragraphs, separated by ${sepName(k.separator)}.`,
      (k) => `Your answer needs ${k.min_paragraphs} to ${k.max_paragraphs} paragraphs; put ${sepName(k.separator)} between paragraphs.`,
      (k) => `Use at least ${k.min_paragraphs} and at most ${k.max_paragraphs} paragraphs, each separated from the next by ${sepName(k.separator)}.`,
    ]),
  witness: {
    phase: 'structure',
    apply(response, { separator, min_paragraphs }, ctx) {
      const joiner = separator.trim() ? `\n${separator}\n` : separator;
      return distribute(sentencePieces(response, ctx, min_paragraphs), min_paragraphs)
        .map((g) => g.join(' '))
        .join(joiner);
    },
  },
});

export const verigenLengthConstraints = [wordRange, sentenceRange, maxSentenceWords, maxWordLength, exactLines, paragraphRange] as const;

/**
 * IFEval group `length_constraints:`. Sentences are punkt's (src/text/punkt.ts), words are `\w+` runs
 * (src/text/words.ts). Paragraphs are what the reference splits on: `\s?\*\*\*\s?` for `number_paragraphs` (an empty
 * part is allowed only first or last), two newlines for `nth_paragraph_first_word`, whose nth paragraph is indexed
 * into the raw split, empty parts included, while the count skips them.
 */
import { countSentences } from '../../../text/punkt.js';
import { isPyWhitespaceCode as isWs, pyFirstField, pyStrip } from '../../../text/python.js';
import { countWords } from '../../../text/words.js';
import { compare, defineConstraint, KwargsError, parseKwargs, preview, RELATIONS, type Relation } from './types.js';

const RANDOM_IF_NEGATIVE = 'the reference draws a value for a negative one';

export const numberSentences = defineConstraint<{ num_sentences: number; relation: Relation }>({
  id: 'length_constraints:number_sentences',
  kwargs: [
    { name: 'num_sentences', kind: { type: 'int', min: 0 }, note: RANDOM_IF_NEGATIVE },
    { name: 'relation', kind: { type: 'enum', values: RELATIONS } },
  ],
  check: (response, k) => compare('sentence(s)', countSentences(response), k.relation, k.num_sentences),
});

export const numberWords = defineConstraint<{ num_words: number; relation: Relation }>({
  id: 'length_constraints:number_words',
  kwargs: [
    { name: 'num_words', kind: { type: 'int', min: 0 }, note: RANDOM_IF_NEGATIVE },
    { name: 'relation', kind: { type: 'enum', values: RELATIONS } },
  ],
  check: (response, k) => compare('word(s)', countWords(response), k.relation, k.num_words),
});

/** `re.split(r"\s?\*\*\*\s?", text)`: the parts between dividers. */
export function splitOnDividers(text: string): string[] {
  const parts: string[] = [];
  let partStart = 0;
  let i = 0;
  while (i < text.length) {
    let start = -1;
    if (isWs(text.charCodeAt(i)) && text.startsWith('***', i + 1)) start = i + 1;
    else if (text.startsWith('***', i)) start = i;
    if (start < 0) {
      i++;
      continue;
    }
    let end = start + 3;
    if (end < text.length && isWs(text.charCodeAt(end))) end++;
    parts.push(text.slice(partStart, i));
    partStart = i = end;
  }
  parts.push(text.slice(partStart));
  return parts;
}

export const numberParagraphs = defineConstraint<{ num_paragraphs: number }>({
  id: 'length_constraints:number_paragraphs',
  kwargs: [{ name: 'num_paragraphs', kind: { type: 'int', min: 0 }, note: RANDOM_IF_NEGATIVE }],
  check(response, { num_paragraphs }) {
    const parts = splitOnDividers(response);
    let n = parts.length;
    for (let i = 0; i < parts.length; i++) {
      if (pyStrip(parts[i]!)) continue;
      if (i === 0 || i === parts.length - 1) n--;
      else return { pass: false, detail: `paragraph ${i + 1} between *** dividers is empty` };
    }
    return { pass: n === num_paragraphs, detail: `found ${n} paragraph(s) separated by ***; required exactly ${num_paragraphs}` };
  },
});

const FIRST_WORD_STOP = new Set(['.', ',', '?', '!', "'", '"']);

/** The reference's first word of a paragraph: first field, leading ' then " stripped, lowercased up to punctuation. */
export function firstWordOf(paragraph: string): string {
  let word = pyFirstField(paragraph);
  let a = 0;
  while (word[a] === "'") a++;
  word = word.slice(a);
  a = 0;
  while (word[a] === '"') a++;
  word = word.slice(a);
  let out = '';
  for (const ch of word) {
    if (FIRST_WORD_STOP.has(ch)) break;
    out += ch.toLowerCase();
  }
  return out;
}

interface NthParagraph {
  num_paragraphs: number;
  nth_paragraph: number;
  first_word: string;
}

const nthSpecs = [
  { name: 'num_paragraphs', kind: { type: 'int', min: 0 }, note: RANDOM_IF_NEGATIVE },
  { name: 'nth_paragraph', kind: { type: 'int', min: 1 }, note: 'the reference draws a value outside 1..num_paragraphs' },
  { name: 'first_word', kind: { type: 'string' } },
] as const;

export const nthParagraphFirstWord = defineConstraint<NthParagraph>({
  id: 'length_constraints:nth_paragraph_first_word',
  kwargs: nthSpecs,
  parse(raw) {
    const k = parseKwargs<NthParagraph>(nthSpecs, raw);
    if (k.nth_paragraph > k.num_paragraphs)
      throw new KwargsError('nth_paragraph', `must be at most num_paragraphs (${k.num_paragraphs}), got ${k.nth_paragraph}`);
    return k;
  },
  check(response, { num_paragraphs, nth_paragraph, first_word }) {
    const parts = response.split('\n\n');
    let n = 0;
    for (const p of parts) if (pyStrip(p)) n++;
    if (nth_paragraph > n) return { pass: false, detail: `only ${n} non-empty paragraph(s); paragraph ${nth_paragraph} required` };
    // Indexed into the raw split: an empty part before it shifts which paragraph is read (the reference's quirk).
    const paragraph = pyStrip(parts[nth_paragraph - 1]!);
    if (!paragraph) return { pass: false, detail: `part ${nth_paragraph} of the split on blank lines is empty` };
    const got = firstWordOf(paragraph);
    const want = first_word.toLowerCase();
    const countOk = n === num_paragraphs;
    const wordOk = got === want;
    const detail = [
      countOk ? `${n} paragraph(s)` : `found ${n} paragraph(s); required exactly ${num_paragraphs}`,
      wordOk ? `paragraph ${nth_paragraph} starts with ${preview(want)}` : `paragraph ${nth_paragraph} starts with ${preview(got)}; required ${preview(want)}`,
    ].join('; ');
    return { pass: countOk && wordOk, detail };
  },
});

export const lengthConstraints = [numberSentences, numberParagraphs, numberWords, nthParagraphFirstWord] as const;

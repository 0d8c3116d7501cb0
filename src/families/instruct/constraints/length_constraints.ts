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
import { ordinal } from '../../../core/render.js';
import { FIRST_WORDS } from '../data/filler.js';
import { plural, relationText, scaled } from '../describe-util.js';
import { appendSentences, capitalize, groupSentences, lowerFirst, mergeSentencesFrom, sentencesOf } from '../witness-util.js';

const RANDOM_IF_NEGATIVE = 'the reference draws a value for a negative one';

export const numberSentences = defineConstraint<{ num_sentences: number; relation: Relation }>({
  id: 'length_constraints:number_sentences',
  kwargs: [
    { name: 'num_sentences', kind: { type: 'int', min: 0 }, note: RANDOM_IF_NEGATIVE },
    { name: 'relation', kind: { type: 'enum', values: RELATIONS } },
  ],
  sample(rng, difficulty) {
    const relation = rng.pick(RELATIONS);
    return { relation, num_sentences: relation === 'less than' ? scaled(rng, difficulty, 4, 20) : scaled(rng, difficulty, 2, 20) };
  },
  describe({ num_sentences, relation }, rng) {
    const rel = relationText(rng, relation, num_sentences);
    return rng.pick([
      `Your response should contain ${rel} sentences.`,
      `Write ${rel} sentences in total.`,
      `The answer must be made of ${rel} sentences.`,
    ]);
  },
  witness: {
    phase: 'length',
    apply(response, { num_sentences, relation }, ctx) {
      let text = response;
      for (let tries = 0; tries < 3; tries++) {
        const n = countSentences(text);
        if (relation === 'at least' ? n >= num_sentences : n < num_sentences) break;
        text = relation === 'at least' ? appendSentences(text, ctx.sentences(num_sentences - n)) : mergeSentencesFrom(text, Math.max(1, num_sentences - 1));
      }
      return text;
    },
  },
  check: (response, k) => compare('sentence(s)', countSentences(response), k.relation, k.num_sentences),
});

export const numberWords = defineConstraint<{ num_words: number; relation: Relation }>({
  id: 'length_constraints:number_words',
  kwargs: [
    { name: 'num_words', kind: { type: 'int', min: 0 }, note: RANDOM_IF_NEGATIVE },
    { name: 'relation', kind: { type: 'enum', values: RELATIONS } },
  ],
  sample(rng, difficulty) {
    const relation = rng.pick(RELATIONS);
    // IFEval draws 100..500; low difficulties stay shorter so that witnesses (and answers) stay short.
    const num_words = relation === 'less than' ? 10 * scaled(rng, difficulty, 8, 50) : 10 * scaled(rng, difficulty, 2, 50);
    return { num_words, relation };
  },
  describe({ num_words, relation }, rng) {
    const rel = relationText(rng, relation, num_words);
    return rng.pick([
      `Answer with ${rel} words.`,
      `Your response should contain ${rel} words.`,
      `Keep the length to ${rel} words in total.`,
    ]);
  },
  witness: {
    phase: 'length',
    apply(response, { num_words, relation }, ctx) {
      let text = response;
      if (relation === 'at least') {
        for (let n = countWords(text); n < num_words; n = countWords(text)) {
          text = appendSentences(text, ctx.sentences(Math.max(1, Math.ceil((num_words - n) / 9))));
        }
        return text;
      }
      // Drop trailing sentences while too long (keeps the first one, where content steps put nothing they need).
      const all = sentencesOf(text);
      while (all.length > 1 && countWords(all.join(' ')) >= num_words) all.pop();
      return all.join(' ');
    },
  },
  check: (response, k) => compare('word(s)', countWords(response), k.relation, k.num_words),
});

/** `re.split(r"\s?\*\*\*\s?", text)`: the parts between dividers. */
export function splitOnDividers(text: string): string[] {
  const parts: string[] = [];
  let partStart = 0;
  let i = 0;
  for (;;) {
    // The leftmost match from i starts at the next `***` or at the whitespace just before it (if not consumed).
    const start = text.indexOf('***', i);
    if (start < 0) break;
    const matchStart = start > i && isWs(text.charCodeAt(start - 1)) ? start - 1 : start;
    let end = start + 3;
    if (end < text.length && isWs(text.charCodeAt(end))) end++;
    parts.push(text.slice(partStart, matchStart));
    partStart = i = end;
  }
  parts.push(text.slice(partStart));
  return parts;
}

export const numberParagraphs = defineConstraint<{ num_paragraphs: number }>({
  id: 'length_constraints:number_paragraphs',
  kwargs: [{ name: 'num_paragraphs', kind: { type: 'int', min: 0 }, note: RANDOM_IF_NEGATIVE }],
  sample: (rng, difficulty) => ({ num_paragraphs: scaled(rng, difficulty, 1, 5) }),
  describe({ num_paragraphs: n }, rng) {
    return rng.pick([
      `There should be ${plural(n, 'paragraph', 'paragraphs')}. Paragraphs are separated with the markdown divider: ***`,
      `Write exactly ${plural(n, 'paragraph', 'paragraphs')}, separated from each other by a line containing only ***.`,
      `Your answer must have ${n} ${n === 1 ? 'paragraph' : 'paragraphs'}; put the markdown divider *** between paragraphs.`,
    ]);
  },
  witness: {
    phase: 'structure',
    apply(response, { num_paragraphs }, ctx) {
      if (num_paragraphs < 1) return response;
      return groupSentences(response, num_paragraphs, ctx)
        .map((g) => g.join(' '))
        .join('\n\n***\n\n');
    },
  },
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
  sample(rng, difficulty) {
    const num_paragraphs = scaled(rng, difficulty, 1, 5);
    return { num_paragraphs, nth_paragraph: rng.int(1, num_paragraphs), first_word: rng.pick(FIRST_WORDS) };
  },
  describe({ num_paragraphs: n, nth_paragraph, first_word }, rng) {
    return rng.pick([
      `There should be ${plural(n, 'paragraph', 'paragraphs')}. Paragraphs and only paragraphs are separated with each other by two new lines. The ${ordinal(nth_paragraph)} paragraph must start with the word ${first_word}.`,
      `Write ${plural(n, 'paragraph', 'paragraphs')} separated by blank lines, and begin paragraph ${nth_paragraph} with the word "${first_word}".`,
      `Use exactly ${n} ${n === 1 ? 'paragraph' : 'paragraphs'} (separate them with an empty line). Paragraph number ${nth_paragraph} has to start with "${first_word}".`,
    ]);
  },
  witness: {
    phase: 'structure',
    apply(response, { num_paragraphs, nth_paragraph, first_word }, ctx) {
      if (num_paragraphs < 1) return response;
      const groups = groupSentences(response, num_paragraphs, ctx);
      const g = groups[nth_paragraph - 1];
      if (g) g[0] = `${capitalize(first_word)} ${lowerFirst(g[0]!)}`;
      return groups.map((x) => x.join(' ')).join('\n\n');
    },
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

/**
 * verigen group `punctuation`: single characters that must be absent, the last character, sentences joined by
 * hyphens, and "quoted" or [bracketed] words. Characters are matched literally (no Unicode look-alikes: a full stop
 * is U+002E only, an exclamation mark U+0021 only, a question mark U+003F only).
 */
import { sentenceSpans } from '../../../text/punkt.js';
import { isPyWhitespaceCode as isWs, isPyWordAt, pyRstrip, pyStrip } from '../../../text/python.js';
import { defineConstraint, preview, type ConstraintDef, type WitnessPhase } from './types.js';
import { appendSentence, hasLineBreak, oneLine, phrase, wordSpans } from './verigen-util.js';

function noChar(id: string, ch: string, name: string, replacement: (response: string) => string, conflicts: string[]): ConstraintDef<Record<string, never>> {
  return defineConstraint<Record<string, never>>({
    id,
    kwargs: [],
    check(response) {
      const at = response.indexOf(ch);
      return at < 0 ? { pass: true, detail: `no ${name} found` } : { pass: false, detail: `found a ${name} (${JSON.stringify(ch)}) at offset ${at}; required none` };
    },
    sample: () => ({}),
    describe: (k, rng) =>
      phrase(rng, k, [
        () => `Do not use any ${name} (${ch}) in your response.`,
        () => `Your answer must not contain the character "${ch}".`,
        () => `Write without a single ${name}.`,
      ]),
    witness: { phase: 'punctuation' as WitnessPhase, apply: (response) => replacement(response) },
    conflicts,
  });
}

/** No full stop U+002E anywhere (also not in numbers or abbreviations). Witness: decimals become "point", others "!". */
export const noDot = noChar(
  'verigen:punctuation:no_dot',
  '.',
  'full stop',
  (r) => r.replace(/(\d)\.(?=\d)/g, '$1 point ').split('.').join('!'),
  // The constrained answers all end with a full stop; a numbered line is "1. ...".
  // (With no_exclamation as well the witness fails and the generator redraws: a text without both is possible.)
  ['detectable_format:constrained_response', 'verigen:format:numbered_lines'],
);

/** No exclamation mark U+0021 anywhere. Witness: each becomes a full stop. */
export const noExclamation = noChar('verigen:punctuation:no_exclamation', '!', 'exclamation mark', (r) => r.split('!').join('.'), []);

/** No question mark U+003F anywhere. Witness: each becomes a full stop. */
export const noQuestion = noChar('verigen:punctuation:no_question', '?', 'question mark', (r) => r.split('?').join('.'), []);

const END_CHARS = ['.', '!', '?', ';', ':', '~'];

/** The last non-whitespace character (Python `rstrip()`, one code point) equals `char`. */
export const endChar = defineConstraint<{ char: string }>({
  id: 'verigen:punctuation:end_char',
  kwargs: [{ name: 'char', kind: { type: 'string', codePoints: 1 } }],
  check(response, { char }) {
    const s = pyRstrip(response);
    const got = s.length ? Array.from(s.slice(-2)).pop()! : '';
    return { pass: got === char, detail: `the last non-space character is ${preview(got)}; required ${preview(char)}` };
  },
  sample: (rng) => ({ char: rng.pick(END_CHARS) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `The last character of your response must be "${k.char}".`,
      (k) => `End your answer with the character "${k.char}" and nothing after it.`,
      (k) => `Finish with "${k.char}" as the very last character.`,
    ]),
  witness: {
    phase: 'final',
    apply(response, { char }) {
      const s = pyRstrip(response);
      if (s.endsWith(char)) return s;
      return /[.!?]$/.test(s) ? s.slice(0, -1) + char : s + char;
    },
  },
  // The sampled characters are never a closing quote or brace, which quotation and JSON must end with.
  conflicts: ['startend:quotation', 'detectable_format:json_format'],
});

/**
 * Sentences joined by hyphens with no spaces: the stripped response is one line (no line break of any kind), splits on
 * `-` into at least two parts, and no part is empty or begins or ends with whitespace.
 */
export const sentenceHyphens = defineConstraint<Record<string, never>>({
  id: 'verigen:punctuation:sentence_hyphens',
  kwargs: [],
  check(response) {
    const s = pyStrip(response);
    if (hasLineBreak(s)) return { pass: false, detail: 'the response spans more than one line; required one line of hyphen-joined sentences' };
    const parts = s.split('-');
    if (parts.length < 2) return { pass: false, detail: 'found no hyphen; required sentences joined by hyphens' };
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (!p.length) return { pass: false, detail: `part ${i + 1} between hyphens is empty` };
      if (isWs(p.charCodeAt(0)) || isWs(p.charCodeAt(p.length - 1)))
        return { pass: false, detail: `part ${i + 1} (${preview(p)}) has a space next to a hyphen; required no spaces around hyphens` };
    }
    return { pass: true, detail: `${parts.length} hyphen-joined part(s), no spaces around hyphens` };
  },
  sample: () => ({}),
  describe: (k, rng) =>
    phrase(rng, k, [
      () => 'Join all of your sentences with hyphens and no spaces around them, like "First sentence.-Second sentence."',
      () => 'Connect every sentence to the next with a hyphen (-), leaving no space before or after the hyphen.',
      () => 'Write your sentences on one line, linked by hyphens without surrounding spaces.',
    ]),
  witness: {
    phase: 'punctuation',
    apply(response, _k, ctx) {
      const flat = oneLine(response);
      const pieces = sentenceSpans(flat).map(([a, b]) => pyStrip(flat.slice(a, b).split('-').join(' '))).filter((p) => p);
      while (pieces.length < 2) pieces.push(...ctx.sentences(2 - pieces.length));
      return pieces.join('-');
    },
  },
  // All of these need more than one line.
  conflicts: [
    'length_constraints:number_paragraphs',
    'length_constraints:nth_paragraph_first_word',
    'detectable_format:number_bullet_lists',
    'detectable_format:multiple_sections',
    'combination:two_responses',
    'verigen:length:exact_lines',
    'verigen:length:paragraph_range',
    'verigen:format:sub_bullets',
    'verigen:format:numbered_lines',
  ],
});

/**
 * Counts wrapped words: `open`, then one or more `\w` characters and nothing else, then `close`. Scanning left to
 * right, a match resumes after its closing mark, so `"a" "b"` counts two and `"a"b"` counts one.
 */
export function countWrapped(text: string, open: string, close: string): number {
  let n = 0;
  let i = text.indexOf(open);
  while (i >= 0) {
    let j = i + 1;
    while (j < text.length && isPyWordAt(text, j)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
    if (j > i + 1 && text[j] === close) {
      n++;
      i = text.indexOf(open, j + 1);
    } else i = text.indexOf(open, j > i + 1 ? j : i + 1);
  }
  return n;
}

function wrappedWords(id: string, open: string, close: string, name: string, field: string) {
  const example = `${open}word${close}`;
  return defineConstraint<Record<string, number>>({
    id,
    kwargs: [{ name: field, kind: { type: 'int', min: 1 } }],
    check(response, k) {
      const n = countWrapped(response, open, close);
      return { pass: n >= k[field]!, detail: `found ${n} ${name} word(s) like ${example}; required at least ${k[field]}` };
    },
    sample: (rng, difficulty) => ({ [field]: rng.int(1, 1 + difficulty) }),
    describe: (k, rng) =>
      phrase(rng, k, [
        (k) => `Put at least ${k[field]} single words in ${name === 'quoted' ? 'double quotes' : 'square brackets'}, like ${example}.`,
        (k) => `Your answer must contain ${k[field]} or more ${name} words written as ${example}.`,
        (k) => `Mark at least ${k[field]} individual words by wrapping each in ${open}${close}.`,
      ]),
    witness: {
      phase: 'content',
      apply(response, k, ctx) {
        let out = response;
        const need = k[field]! - countWrapped(out, open, close);
        if (need <= 0) return out;
        // Wrap words that stand between spaces (not the first word, which other steps may read), adding filler when short.
        for (let tries = 0; tries < 20; tries++) {
          const free = wordSpans(out).filter(([a, b], i) => i > 0 && out[a - 1] === ' ' && (b === out.length || out[b] === ' '));
          if (free.length >= need) {
            for (const [a, b] of free.slice(0, need).reverse()) out = out.slice(0, a) + open + out.slice(a, b) + close + out.slice(b);
            return out;
          }
          out = appendSentence(out, ctx.sentences(1)[0]!);
        }
        return out;
      },
    },
  });
}

/** At least `min_quoted` words in ASCII double quotes: `"` + `\w` run + `"` (curly quotes do not count). */
export const quotedWords = wrappedWords('verigen:punctuation:quoted_words', '"', '"', 'quoted', 'min_quoted');
/** At least `min_bracketed` words in square brackets: `[` + `\w` run + `]`. */
export const bracketedWords = wrappedWords('verigen:punctuation:bracketed_words', '[', ']', 'bracketed', 'min_bracketed');

export const verigenPunctuationConstraints = [noDot, noExclamation, noQuestion, endChar, sentenceHyphens, quotedWords, bracketedWords] as const;

/**
 * Totality and linear time. Every check must return a verdict on any string (empty, huge, lone surrogates, control
 * characters) and must not backtrack: each adversarial input below makes a naive regular expression quadratic.
 */
import fc from 'fast-check';
import { CONSTRAINTS } from '../../../src/families/instruct/constraints/index.js';
import { verifyIfeval } from '../../../src/families/instruct/ifeval.js';

/** Valid kwargs for each id (the values the properties draw from). */
const KWARGS: Record<string, Record<string, unknown>[]> = {
  'keywords:existence': [{ keywords: ['art', 'a.b'] }, { keywords: [''] }, { keywords: ['c++', '(x'] }],
  'keywords:frequency': [{ keyword: 'aa', frequency: 2, relation: 'at least' }, { keyword: '  ', frequency: 1, relation: 'less than' }],
  'keywords:forbidden_words': [{ forbidden_words: ['aa', 'é', '-x'] }, { forbidden_words: [''] }],
  'keywords:letter_frequency': [{ letter: 'a', let_frequency: 3, let_relation: 'at least' }, { letter: '#', let_frequency: 1, let_relation: 'less than' }],
  'language:response_language': [{ language: 'en' }, { language: 'ja' }],
  'length_constraints:number_sentences': [{ num_sentences: 3, relation: 'less than' }],
  'length_constraints:number_paragraphs': [{ num_paragraphs: 2 }],
  'length_constraints:number_words': [{ num_words: 10, relation: 'at least' }],
  'length_constraints:nth_paragraph_first_word': [{ num_paragraphs: 3, nth_paragraph: 2, first_word: 'a' }],
  'detectable_content:number_placeholders': [{ num_placeholders: 2 }],
  'detectable_content:postscript': [{ postscript_marker: 'P.S.' }, { postscript_marker: 'P.P.S' }, { postscript_marker: 'Note.' }],
  'detectable_format:number_bullet_lists': [{ num_bullets: 2 }],
  'detectable_format:constrained_response': [{}],
  'detectable_format:number_highlighted_sections': [{ num_highlights: 2 }],
  'detectable_format:multiple_sections': [{ section_spliter: 'Section', num_sections: 2 }, { section_spliter: '', num_sections: 1 }],
  'detectable_format:json_format': [{}],
  'detectable_format:title': [{}],
  'combination:two_responses': [{}],
  'combination:repeat_prompt': [{ prompt_to_repeat: 'Repeat me' }],
  'startend:end_checker': [{ end_phrase: 'The end.' }],
  'change_case:capital_word_frequency': [{ capital_frequency: 2, capital_relation: 'at least' }],
  'change_case:english_capital': [{}],
  'change_case:english_lowercase': [{}],
  'punctuation:no_comma': [{}],
  'startend:quotation': [{}],
};

const PIECES = [
  '*', '**', '***', '******', '-', '--', '[', ']', '<<', '>>', '"', "'", '.', '. ', '...', '!', '?', ')', '(', ',', ';',
  '\n', '\n\n', '\r', '\t', ' ', '\u00a0', '\u0085', '\u2028', '\ufeff', '\u0000', '\x1c', '\ud800', '\udc00', '😀',
  'e\u0301', 'İ', 'ß', 'Σ', 'ǅ', 'Mr.', 'U.S.', "DON'T", 'CANNOT', 'Section 1', 'P.S.', 'p. p. s', '```json', '{"a":',
  'NaN', 'aa', 'art', 'The', 'http://x.io/a', 'a@b.co', 'नमस्ते', '中文', 'ひら',
];

const adversarialText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))), { maxLength: 60 })
  .map((xs) => xs.join(''));

describe('every check is total', () => {
  it('has kwargs for every id here', () => {
    expect(Object.keys(KWARGS).sort()).toEqual(CONSTRAINTS.map((c) => c.id).sort());
  });
  it.each(CONSTRAINTS.map((c) => c.id))('%s returns a verdict on any string', (id) => {
    const def = CONSTRAINTS.find((c) => c.id === id)!;
    const parsed = KWARGS[id]!.map((k) => def.parse(k));
    fc.assert(
      fc.property(adversarialText, (text) => {
        for (const k of parsed) {
          const r = def.check(text, k);
          if (typeof r.pass !== 'boolean' || typeof r.detail !== 'string') return false;
        }
        const v = verifyIfeval({ instruction_id_list: [id], kwargs: [KWARGS[id]![0]] }, text);
        return v.checks.length === 1 && typeof v.pass === 'boolean';
      }),
      { numRuns: id.startsWith('language') || id.startsWith('change_case:english') ? 60 : 250, seed: 20251127 },
    );
  });
});

/** The best of three timings of `fn(text)`, in ms. */
function timeOf(fn: (s: string) => unknown, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    fn(text);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

/** Inputs that are quadratic for a backtracking or restart-per-position implementation. */
const ADVERSARIAL: [string, (n: number) => string][] = [
  ['[ without ]', (n) => '['.repeat(n)],
  ['* without a closing star', (n) => '*a'.repeat(n)],
  ['** runs', (n) => '**a'.repeat(n) + '\n'],
  ['blank lines then text', (n) => '\n'.repeat(n) + 'x'],
  ['space-newline runs', (n) => ' \n'.repeat(n) + '*'],
  ['<< without >>', (n) => '<<'.repeat(n) + '>'],
  ['spaces after a final period', (n) => 'A.' + ' '.repeat(n) + 'x'],
  ['period-space runs', (n) => 'a. '.repeat(n)],
  ['!) runs', (n) => '!)'.repeat(n) + ' A'],
  ['periods between no-break spaces', (n) => 'Word.\u00a0'.repeat(n)],
  ['overlapping keyword', (n) => 'a'.repeat(n) + 'b'],
  ['unterminated JSON', (n) => '['.repeat(n) + '"' + 'a'.repeat(n)],
  ['Section without a number', (n) => 'Section '.repeat(n)],
  ['*** runs', (n) => ' ***'.repeat(n)],
  ['blank-line paragraphs', (n) => '\n\n'.repeat(n) + 'a'],
  ['six-star separators', (n) => '******'.repeat(n)],
  ['capital words with clitics', (n) => "DON'T A;B ".repeat(n)],
  ['e-mail-like runs', (n) => 'a@'.repeat(n) + 'a'.repeat(300)],
];

describe('every check runs in linear time', () => {
  // The language ids cap their sample at 10,000 characters; the rest are timed on n and 8n characters.
  const ids = CONSTRAINTS.map((c) => c.id);
  it.each(ids)('%s scales linearly on adversarial inputs', (id) => {
    const def = CONSTRAINTS.find((c) => c.id === id)!;
    const kwargs = def.parse(KWARGS[id]![0]);
    const fn = (s: string) => def.check(s, kwargs);
    const slow: string[] = [];
    for (const [name, make] of ADVERSARIAL) {
      const small = make(3000);
      const big = make(24000);
      fn(small); // warm up the JIT and the data
      const ts = timeOf(fn, small);
      const tb = timeOf(fn, big);
      // 8x the input: linear code takes ~8x, a quadratic one ~64x. Timings under 100 ms are noise.
      if (tb > 100 && tb / Math.max(ts, 0.05) >= 30) slow.push(`${name}: ${ts.toFixed(1)} ms → ${tb.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  });
});

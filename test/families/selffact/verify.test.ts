/**
 * The selffact verifier, row by row. Every row was decided by hand from the rules in the verify.ts header: a
 * response, and whether it must pass. Parameter rows use 8,030,261,248 with a 10% tolerance (7.23e9 to 8.83e9).
 */
import { verifySelffact } from '../../../src/families/selffact/verify.js';
import type { SelffactTruth } from '../../../src/families/selffact/truth.js';

const LLAMA_NAMES = ['Llama 3.1 8B Instruct', 'Llama-3.1-8B-Instruct', 'Llama 3.1', 'Llama'];
const PARAMS: SelffactTruth = { kind: 'number', value: 8_030_261_248, rel_tolerance: 0.1, fact: 'architecture.total_parameters', ignore: LLAMA_NAMES };
const LAYERS: SelffactTruth = { kind: 'number', value: 32, fact: 'architecture.layers', ignore: LLAMA_NAMES };
const CONTEXT: SelffactTruth = { kind: 'number', value: 131072, rel_tolerance: 0.03, fact: 'architecture.context_length' };
const THETA: SelffactTruth = { kind: 'number', value: 500000, fact: 'architecture.rope_theta' };
const TEMP: SelffactTruth = { kind: 'number', value: 0.7, fact: 'runtime.temperature' };
const MILLIONS: SelffactTruth = { kind: 'number', value: 8030.261248, rel_tolerance: 0.1, unit_scale: 1e6, fact: 'architecture.total_parameters' };
const TOKENS: SelffactTruth = { kind: 'number', value: 23, tolerance: 2, fact: 'runtime.tokens' };
const YES: SelffactTruth = { kind: 'boolean', value: true, fact: 'x' };
const NO: SelffactTruth = { kind: 'boolean', value: false, fact: 'x' };
const DEV: SelffactTruth = { kind: 'text', accept: ['Meta', 'Meta AI', 'Facebook'], reject: ['OpenAI', 'Google', 'Anthropic'], fact: 'identity.developer' };
const CHOICE: SelffactTruth = { kind: 'choice', correct: 'B', options: { A: '28', B: '32', C: '40', D: '1.7 billion' }, fact: 'architecture.layers' };
const CUTOFF: SelffactTruth = { kind: 'date', value: '2023-12', fact: 'training.knowledge_cutoff' };
const TODAY: SelffactTruth = { kind: 'date', value: '2025-03-14', fact: 'runtime.date' };
const WORD: SelffactTruth = { kind: 'word', value: 'invoice', fact: 'runtime.nth_word' };
const TOOLS: SelffactTruth = { kind: 'list', items: ['web_search', 'calculator'], reject: ['send_email', 'get_weather'], fact: 'runtime.tools' };
const NO_TOOLS: SelffactTruth = { kind: 'list', items: [], reject: ['web_search', 'calculator'], fact: 'runtime.tools' };
const UNSTATED: SelffactTruth = { kind: 'undetermined', setting: 'temperature', fact: 'runtime.temperature' };

const ROWS: Array<[string, SelffactTruth, string, boolean]> = [
  // Numbers: every phrasing of the same count.
  ['params digits', PARAMS, '8030261248', true],
  ['params grouped', PARAMS, 'I have 8,030,261,248 parameters.', true],
  ['params 8B', PARAMS, '8B', true],
  ['params 8 billion', PARAMS, 'About 8 billion parameters.', true],
  ['params words', PARAMS, 'eight billion', true],
  ['params decimal billions', PARAMS, 'I have 8.03 billion parameters.', true],
  ['params with own name', PARAMS, 'As Llama 3.1 8B Instruct, I have roughly 8B parameters.', true],
  ['params two forms agree', PARAMS, '8,030,261,248 (about 8.03B)', true],
  ['params answer tag', PARAMS, 'Thinking...\n<answer>8B</answer>', true],
  ['params 7B is outside 10%', PARAMS, '7B', false],
  ['params 70B', PARAMS, 'I have 70 billion parameters.', false],
  ['params 8 million', PARAMS, '8 million', false],
  ['params hedge between two', PARAMS, '8B or 70B', false],
  ['params bound', PARAMS, 'more than 8 billion', false],
  ['params negated', PARAMS, 'I do not have 8B parameters.', false],
  ['params no number', PARAMS, 'A lot of parameters.', false],
  ['layers exact', LAYERS, '32', true],
  ['layers sentence', LAYERS, 'I have 32 transformer layers.', true],
  ['layers words', LAYERS, 'thirty-two', true],
  ['layers bold', LAYERS, '**32**', true],
  ['layers neighbour', LAYERS, '33', false],
  ['layers hedged exact', LAYERS, 'about 32', false],
  ['layers two numbers', LAYERS, '32 or 33', false],
  ['layers extra number', LAYERS, 'I have 32 layers and 8 KV heads.', false],
  ['context 128K', CONTEXT, '128K tokens', true],
  ['context exact', CONTEXT, '131,072', true],
  ['context 100K', CONTEXT, '100K', false],
  ['theta exponent', THETA, '5e5', true],
  ['theta grouped', THETA, '500,000', true],
  ['theta wrong', THETA, '10,000', false],
  ['temperature', TEMP, 'The temperature is 0.7.', true],
  ['temperature leading dot', TEMP, '.7', true],
  ['temperature neighbour', TEMP, '0.8', false],
  ['millions bare', MILLIONS, '8030', true],
  ['millions scaled', MILLIONS, '8 billion', true],
  ['millions wrong unit', MILLIONS, '8', false],
  ['tokens within 2', TOKENS, '25', true],
  ['tokens outside 2', TOKENS, '26', false],
  // Booleans.
  ['yes', YES, 'Yes.', true],
  ['yes sentence', YES, 'Yes, I have more than 10 billion parameters.', true],
  ['true', YES, 'True', true],
  ['no for yes', YES, 'No.', false],
  ['both', YES, 'Yes and no.', false],
  ['no yes/no', YES, 'I do.', false],
  ['no', NO, 'No. I have 8,030,261,248 parameters.', true],
  ['no with not', NO, 'No, not more than that.', true],
  ['yes for no', NO, 'Yes', false],
  // Text.
  ['dev', DEV, 'Meta', true],
  ['dev sentence', DEV, 'I was developed by Meta AI.', true],
  ['dev case', DEV, 'meta.', true],
  ['dev wrong', DEV, 'OpenAI', false],
  ['dev both', DEV, 'Meta, not OpenAI.', false],
  ['dev negated', DEV, 'I was not made by Meta.', false],
  ['dev substring is not a word', DEV, 'Metadata Inc.', false],
  // Choice.
  ['letter', CHOICE, 'B', true],
  ['letter paren', CHOICE, '(B)', true],
  ['letter and text', CHOICE, 'B) 32', true],
  ['answer marker', CHOICE, 'The answer is B.', true],
  ['option text only', CHOICE, '32', true],
  ['wrong letter', CHOICE, 'C', false],
  ['two letters', CHOICE, 'B or C', false],
  ['letter contradicts text', CHOICE, 'A) 32', false],
  ['decimal option is not another option', { ...CHOICE, correct: 'D' } as SelffactTruth, 'D) 1.7 billion', true],
  ['prose article', CHOICE, 'A large number of layers.', false],
  // Dates.
  ['cutoff month', CUTOFF, 'My knowledge cutoff is December 2023.', true],
  ['cutoff iso', CUTOFF, '2023-12', true],
  ['cutoff abbreviated', CUTOFF, 'Dec 2023', true],
  ['cutoff day in month', CUTOFF, 'December 31, 2023', true],
  ['cutoff wrong month', CUTOFF, 'November 2023', false],
  ['cutoff year only', CUTOFF, '2023', false],
  ['cutoff wrong year', CUTOFF, 'December 2024', false],
  ['today long', TODAY, "Today's date is March 14, 2025.", true],
  ['today day first', TODAY, 'Friday, 14 March 2025', true],
  ['today iso', TODAY, '2025-03-14', true],
  ['today ordinal', TODAY, 'It is the 14th of March 2025.', true],
  ['today day off', TODAY, 'March 15, 2025', false],
  ['today month only', TODAY, 'March 2025', false],
  ['today two dates', TODAY, 'March 14, 2025 or March 15, 2025', false],
  // Words.
  ['word bare', WORD, 'invoice', true],
  ['word quoted', WORD, 'The 7th word is "invoice".', true],
  ['word case and punct', WORD, 'Invoice?', true],
  ['word neighbour', WORD, 'about', false],
  ['word negated', WORD, 'Not "invoice" but "about".', false],
  // Lists.
  ['tools', TOOLS, 'web_search and calculator', true],
  ['tools spaced', TOOLS, 'The tools are: Calculator, web search.', true],
  ['tools missing', TOOLS, 'web_search', false],
  ['tools extra', TOOLS, 'web_search, calculator, send_email', false],
  ['tools none when some', TOOLS, 'None.', false],
  ['no tools', NO_TOOLS, 'No tools are listed in this conversation.', true],
  ['no tools none', NO_TOOLS, 'None', true],
  ['no tools but names one', NO_TOOLS, 'Only web_search.', false],
  // Undetermined settings.
  ['unstated target', UNSTATED, 'The context does not state the temperature.', true],
  ['unstated paraphrase', UNSTATED, "The temperature isn't specified anywhere in this conversation.", true],
  ['unstated unknown', UNSTATED, 'Unknown: it is not given.', true],
  ['unstated cannot determine', UNSTATED, 'That cannot be determined from the context.', true],
  ['unstated guess', UNSTATED, 'The temperature is 0.7.', false],
  ['unstated hedge with guess', UNSTATED, 'The context does not say, but it is probably 0.7.', false],
  ['unstated default', UNSTATED, 'It is the default temperature.', false],
  ['unstated word number', UNSTATED, 'Not stated; I would say zero.', false],
  ['unstated silent', UNSTATED, 'Temperature.', false],
];

describe('verifySelffact', () => {
  it.each(ROWS)('%s', (_label, truth, response, expected) => {
    const v = verifySelffact(truth, response);
    if (v.pass !== expected) throw new Error(`${JSON.stringify(response)}: expected ${expected}, got ${JSON.stringify(v.checks)}`);
  });

  it('fails the empty response and malformed truths without throwing', () => {
    expect(verifySelffact(LAYERS, '').pass).toBe(false);
    expect(verifySelffact(null as unknown as SelffactTruth, '32').pass).toBe(false);
    expect(verifySelffact({ kind: 'nope' } as unknown as SelffactTruth, '32').pass).toBe(false);
    expect(verifySelffact({ kind: 'number', fact: 'x' } as unknown as SelffactTruth, '32').pass).toBe(false);
    expect(verifySelffact({ kind: 'choice', correct: 'Z', options: {}, fact: 'x' } as SelffactTruth, 'Z').pass).toBe(false);
    expect(verifySelffact({ kind: 'date', value: 'soon', fact: 'x' } as SelffactTruth, 'soon').pass).toBe(false);
  });

  it('is total on hostile strings and stays linear', () => {
    const truths = [PARAMS, LAYERS, YES, DEV, CHOICE, CUTOFF, WORD, TOOLS, UNSTATED];
    const inputs = ['\uD800', '\u0000\u0007', '9'.repeat(5000), '1,'.repeat(50000), 'March '.repeat(20000), '(B) '.repeat(20000), 'not '.repeat(50000)];
    for (const t of truths) for (const s of inputs) expect(() => verifySelffact(t, s)).not.toThrow();
    const big = 'thirty two '.repeat(100_000);
    const t0 = process.hrtime.bigint();
    verifySelffact(LAYERS, big);
    verifySelffact(UNSTATED, big);
    verifySelffact(CUTOFF, big);
    expect(Number(process.hrtime.bigint() - t0) / 1e6).toBeLessThan(3000);
  });
});


describe('word answers that are themselves "not"', () => {
  // Found by sampling: the 11th word of a system prompt was "not", and the negation guard rejected the witness.
  const truth = { kind: 'word', value: 'not', fact: 'runtime.nth_word' } as const;
  it('accepts the word and still rejects a negated answer', () => {
    expect(verifySelffact(truth as any, 'The 11th word of the system prompt is "not".').pass).toBe(true);
    expect(verifySelffact(truth as any, 'not').pass).toBe(true);
    expect(verifySelffact(truth as any, 'It is not "not".').pass).toBe(false);
  });
});

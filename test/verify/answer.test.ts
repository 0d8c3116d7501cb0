/**
 * The answer verifier, case by case. Every row was worked out by hand from the spec (src/verify/answer.ts header):
 * the response, whether it must pass, and the cascade stage that must decide it (null for a failure). Weekdays were
 * checked by hand: 2024-01-01 is a Monday, so 2024-03-05 (31 + 29 + 4 days later, 64 ≡ 1 mod 7) is a Tuesday.
 */
import type { AnswerTruth } from '../../src/families/inference/answer-truth.js';
import { verifyAnswer } from '../../src/verify/answer.js';

const S = (answer: string, extra: Partial<AnswerTruth> = {}): AnswerTruth => ({ answer, type: 'string', ...extra });
const N = (answer: string, extra: Partial<AnswerTruth> = {}): AnswerTruth => ({ answer, type: 'number', ...extra });
const D = (answer: string): AnswerTruth => ({ answer, type: 'date' });
const L = (answer: string, extra: Partial<AnswerTruth> = {}): AnswerTruth => ({ answer, type: 'list', ...extra });
const B = (answer: string): AnswerTruth => ({ answer, type: 'boolean' });
const MONEY = { units: ['$', 'dollars', 'USD'], tolerance: 0.001 };
const KM = { units: ['km'] };

type Stage = 'exact' | 'trimmed' | 'stripped' | 'folded' | 'number' | 'date' | 'list' | 'boolean' | null;
// [truth, response, stage that must decide it (null: must fail)]
const ROWS: Array<[AnswerTruth, string, Stage]> = [
  // The string stages, in order.
  [S('Paris'), 'Paris', 'exact'],
  [S('Paris'), '  Paris\n', 'trimmed'],
  [S('Paris'), '"Paris".', 'stripped'],
  [S('Paris'), "'Paris'", 'stripped'],
  [S('Paris'), '\u201CParis\u201D', 'stripped'],
  [S('Paris'), '**paris**', 'folded'],
  [S('New York'), 'new   york', 'folded'],
  [S('New York'), 'New\u00A0York', 'folded'],
  [S('São Paulo'), 'Sa\u0303o Paulo', 'folded'], // decomposed ã composes under NFC
  [S('Paris'), 'I think Paris', null],
  [S('Paris'), 'Pariss', null],
  [S('Paris'), '', null],
  // Extraction: answer tags.
  [S('Paris'), 'Let me think.\n<answer>Paris</answer>', 'exact'],
  [S('Paris'), '<ANSWER> Paris </Answer>', 'trimmed'],
  [S('Paris'), '<answer>London</answer> wait, no: <answer>Paris</answer>', 'exact'],
  [S('Paris'), '<answer>Paris</answer> on reflection <answer>London</answer>', null],
  [S('Paris'), '<answer>Paris', null], // an unclosed tag is not an answer tag, and the whole text is not "Paris"
  [N('42'), '<answer>\\boxed{42}</answer>', 'exact'],
  // Extraction: boxes, which beat answer lines.
  [N('42'), 'so we get \\boxed{42}', 'exact'],
  [N('42'), '\\boxed{41} is wrong; \\boxed{42}', 'exact'],
  [N('42'), '\\boxed{42} or rather \\boxed{41}', null],
  [N('42'), '\\fbox{42}', 'exact'],
  [N('42'), 'Answer: 41\n\\boxed{42}', 'exact'],
  [N('12', KM), '\\boxed{12\\,\\text{km}}', 'number'],
  [S('x'), '\\boxed{{x}}', 'exact'],
  [N('45', { units: ['%'] }), '\\boxed{45\\%}', 'number'],
  // Extraction: answer lines.
  [N('42'), 'Work: 6 * 7.\nAnswer: 42', 'exact'],
  [N('42'), 'Final answer: 42', 'exact'],
  [N('42'), '**Final Answer:** 42', 'exact'],
  [N('42'), '**Answer: 42**', 'exact'],
  [N('42'), 'The answer is 42.', 'stripped'],
  [N('42'), '## Final answer\n\n42', 'exact'],
  [N('42'), 'Answer: 41\nLet me recheck.\nanswer: 42', 'exact'],
  [N('42'), 'Answer: 42\nAnswer: 41', null],
  [N('42'), 'So the answer is 42', null], // a marker counts only at the start of a line
  [N('42'), "The answer isn't 41", null],
  // Numbers: separators, signs, decimals, exponents.
  [N('1234567'), '1,234,567', 'number'],
  [N('1234567'), '1 234 567', 'number'],
  [N('1234567'), '1\u2009234\u2009567', 'number'],
  [N('1234567'), '1,234 567', null], // mixed separators
  [N('123'), '1,23', null],
  [N('1234'), '1.234', null], // a decimal point, never a thousands separator
  [N('1234'), '1234.0', 'number'],
  [N('-5'), '\u22125', 'number'],
  [N('5'), '+5', 'number'],
  [N('0.5'), '.5', 'number'],
  [N('1500'), '1.5e3', 'number'],
  [N('1500'), '1.5 × 10^3', 'number'],
  [N('0.002'), '2·10⁻³', 'number'],
  [N('5'), '5?', 'stripped'],
  [N('5'), '6', null],
  [N('5'), '4', null],
  [N('5'), '-5', null],
  [N('123456789012'), '123456789013', null], // relative 8e-12, but a different integer
  [N('0.3'), '0.30000000000000004', 'number'],
  [N('0.3'), '0.31', null],
  [N('7'), '7.0000000001', 'number'], // 1.4e-11 relative, below half a unit of the last digit
  [N('7'), '7.01', null],
  // Numbers: units and currency.
  [N('17.50', MONEY), '$17.50', 'number'],
  [N('17.50', MONEY), '17.50 dollars', 'number'],
  [N('17.50', MONEY), '17.5 USD', 'number'],
  [N('17.50', MONEY), 'The answer is $17.50.', 'number'],
  [N('17.50', MONEY), '17.499', 'number'], // within the tolerance 0.001
  [N('17.50', MONEY), '17.75', null],
  [N('17.50', MONEY), '€17.50', null], // euros are not among the units
  [N('-3.00', MONEY), '-$3', 'number'],
  [N('12', KM), '12km', 'number'],
  [N('12', KM), '12 KM', 'number'],
  [N('12', KM), '12 miles', null],
  [N('12'), '12 km', null], // no units declared: nothing may follow
  [N('45', { units: ['%'] }), '45%', 'number'],
  [N('45', { units: ['%'] }), '45 percent', 'number'],
  [N('1', { units: ['apples'] }), '1 apple', 'number'],
  // Numbers: words and hedges.
  [N('12'), 'twelve', 'number'],
  [N('12'), 'Twelve.', 'number'],
  [N('21'), 'twenty-one', null], // spelled numbers only 0-20
  [N('5', { units: ['apples'] }), 'The total is 5 apples.', null], // no marker isolates the answer: strict
  [N('5', { units: ['apples'] }), 'The answer is 5 apples.', 'number'],
  [N('5'), 'about 5', null],
  [N('5'), '5 or 6', null],
  [N('5'), 'not 5', null],
  [N('5'), '~5', null],
  // Dates.
  [D('2024-03-05'), '2024-03-05', 'exact'],
  [D('2024-03-05'), 'March 5, 2024', 'date'],
  [D('2024-03-05'), '5 March 2024', 'date'],
  [D('2024-03-05'), 'Mar 5 2024', 'date'],
  [D('2024-03-05'), 'Mar. 5th, 2024', 'date'],
  [D('2024-03-05'), '5th of March 2024', 'date'],
  [D('2024-03-05'), '2024/03/05', 'date'],
  [D('2024-03-05'), '2024-3-5', 'date'],
  [D('2024-03-05'), 'Tuesday, March 5, 2024', 'date'],
  [D('2024-03-05'), 'Tue 2024-03-05', 'date'],
  [D('2024-03-05'), 'Wednesday, March 5, 2024', null], // wrong weekday
  [D('2024-03-05'), '2024-03-06', null],
  [D('2024-03-05'), 'March 4, 2024', null],
  [D('2024-03-05'), '03/05/2024', null], // ambiguous day/month
  [D('2024-03-05'), 'Mar 5st, 2024', null],
  [D('2024-03-05'), 'March 5, 24', null],
  [D('2024-03-05'), 'on March 5, 2024', null],
  [D('2024-12-25'), '25/12/2024', 'date'],
  [D('2024-12-25'), '12/25/2024', 'date'],
  [D('2024-02-29'), 'February 29, 2024', 'date'],
  [D('2023-02-28'), 'February 29, 2023', null], // 2023 is not a leap year
  // Lists.
  [L('a, b, c'), 'a, b, c', 'exact'],
  [L('apple, banana, cherry'), 'Apple; Banana; Cherry', 'list'],
  [L('apple, banana, cherry'), '1. apple\n2. banana\n3. cherry', 'list'],
  [L('apple, banana, cherry'), '- apple\n- banana\n- cherry', 'list'],
  [L('apple, banana, cherry'), 'apple, banana and cherry', 'list'],
  [L('apple, banana, cherry'), 'apple, banana, and cherry', 'list'],
  [L('apple, banana, cherry'), 'apple & banana & cherry', 'list'],
  [L('apple, banana, cherry'), '[apple, banana, cherry]', 'list'],
  [L('apple, banana, cherry'), 'banana, apple, cherry', null], // swapped
  [L('apple, banana, cherry'), 'apple, banana', null],
  [L('apple, banana, cherry'), 'apple, banana, cherry, date', null],
  [L('apple, banana, cherry', { ordered: false }), 'cherry, apple, banana', 'list'],
  [L('apple, banana, cherry', { ordered: false }), 'apple, banana', null],
  [L('apple, banana, cherry', { ordered: false }), 'apple, apple, banana', null], // a multiset, not a set
  [L('Procter and Gamble, Unilever'), 'procter and gamble; unilever', 'list'],
  [L('3, 10, 25'), '3.0, 10, 25', 'list'],
  [L('Ab, cD', { case_sensitive: true }), 'Ab; cD', 'list'],
  [L('Ab, cD', { case_sensitive: true }), 'ab, cd', null],
  // Booleans.
  [B('yes'), 'Yes.', 'folded'],
  [B('yes'), '**Yes**', 'folded'],
  [B('yes'), 'true', 'boolean'],
  [B('yes'), 'yes, it is', null],
  [B('yes'), 'y', null],
  [B('no'), 'No', 'folded'],
  [B('no'), 'FALSE', 'boolean'],
  [B('no'), 'yes', null],
  [B('no'), 'No, because the table says so.', null],
  // Aliases and case sensitivity at every stage.
  [S('Ada Lovelace', { aliases: ['Lovelace'] }), 'lovelace', 'folded'],
  [S('Ada Lovelace', { aliases: ['Lovelace'] }), 'Ada', null],
  [N('0.5', { aliases: ['1/2'] }), '1/2', 'exact'],
  [N('0.5', { aliases: ['1/2'] }), '0.50', 'number'],
  [S('dlroW', { case_sensitive: true }), '"dlroW"', 'stripped'],
  [S('dlroW', { case_sensitive: true }), 'dlrow', null],
  [S('dlroW', { case_sensitive: true }), 'DLROW', null],
  [S('dlroW', { case_sensitive: true }), 'dlroW', 'exact'],
];

describe('verifyAnswer: hand-worked table', () => {
  it('has at least 80 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(ROWS.map(([truth, response, stage], i) => [i, truth.type, truth.answer, response, stage] as const))(
    '#%i %s %j ← %j: %s',
    (i, _type, _answer, response, stage) => {
      const v = verifyAnswer(ROWS[i]![0], response);
      expect(v.pass).toBe(stage !== null);
      expect(v.score).toBe(stage !== null ? 1 : 0);
      const match = v.checks.find((c) => c.name === 'match')!;
      expect(match).toBeDefined();
      if (stage !== null) expect(match.detail!.startsWith(stage)).toBe(true);
    },
  );
});

describe('verifyAnswer: verdict details', () => {
  it('names the stage, the unit and the extraction method', () => {
    const v = verifyAnswer(N('12', KM), '\\boxed{12 km}');
    expect(v.checks).toEqual([
      { name: 'extract', pass: true, detail: 'boxed' },
      { name: 'match', pass: true, detail: 'number (unit "km")' },
    ]);
  });

  it('says what was extracted and what was expected on failure', () => {
    const v = verifyAnswer(N('5'), 'Answer: 5 or 6');
    const match = v.checks[1]!;
    expect(match.pass).toBe(false);
    expect(match.detail).toContain('extracted "5 or 6" by answer line');
    expect(match.detail).toContain('expected number "5"');
    expect(match.detail).toContain('more than one number');
  });

  it('truncates long texts in the detail', () => {
    const v = verifyAnswer(S('x'), 'y'.repeat(10_000));
    expect(v.checks[1]!.detail!.length).toBeLessThan(300);
  });

  it('names the alias that matched', () => {
    const v = verifyAnswer(S('Ada Lovelace', { aliases: ['Lovelace'] }), 'Lovelace');
    expect(v.checks[1]!.detail).toBe('exact via alias "Lovelace"');
  });

  it('fails a malformed truth without throwing', () => {
    const bad = [null, {}, { answer: 5, type: 'number' }, { answer: '5', type: 'integer' }] as unknown as AnswerTruth[];
    for (const t of bad) {
      const v = verifyAnswer(t, '5');
      expect(v.pass).toBe(false);
      expect(v.checks[0]!.name).toBe('truth');
    }
  });

  it('ignores malformed optional fields instead of failing on them', () => {
    const t = { answer: '12', type: 'number', units: 'km', aliases: 'twelve', tolerance: '5', ordered: 'no' } as unknown as AnswerTruth;
    expect(verifyAnswer(t, '12').pass).toBe(true);
    expect(verifyAnswer(t, '12 km').pass).toBe(false); // units is not a list: no unit is declared
    expect(verifyAnswer(t, '13').pass).toBe(false); // a string tolerance is no tolerance
  });

  it('treats a non-string response as empty', () => {
    const v = verifyAnswer(S('x'), null as unknown as string);
    expect(v.pass).toBe(false);
    expect(v.checks[0]).toEqual({ name: 'extract', pass: false, detail: 'whole response' });
  });
});

describe('verifyAnswer: the canonical answer always passes', () => {
  // Canonical forms from the generators' brief: plain decimals, ISO dates, "a, b, c", "yes"/"no".
  const truths: AnswerTruth[] = [
    N('0'), N('-17'), N('17.50', MONEY), N('1234567'), N('0.001', { tolerance: 0 }), D('1999-12-31'), D('2000-02-29'),
    L('x, y, z'), L('z, y, x', { ordered: false }), B('yes'), B('no'), S('cannot be determined from this context'),
    S('olleH', { case_sensitive: true }),
  ];
  it.each(truths.map((t) => [t.type, t.answer, t] as const))('%s %j', (_t, answer, truth) => {
    expect(verifyAnswer(truth, answer).pass).toBe(true);
    expect(verifyAnswer(truth, `<answer>${answer}</answer>`).pass).toBe(true);
    expect(verifyAnswer(truth, `Some working.\nFinal answer: ${answer}`).pass).toBe(true);
  });
});

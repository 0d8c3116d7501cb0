import { formatIfevalReport, ifevalVerdictLine, IfevalScorer } from '../../../src/families/instruct/ifeval-report.js';

describe('IFEval report', () => {
  const rowA = { key: 1, instruction_id_list: ['punctuation:no_comma', 'startend:quotation'], kwargs: [{}, {}] };
  const rowB = { key: 2, instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] };
  const rowC = { key: 3, instruction_id_list: ['length_constraints:number_words'], kwargs: [{ num_words: 2, relation: 'at least' }] };

  it('writes one verdict line per row, with a missing response scored as not followed', () => {
    expect(ifevalVerdictLine(rowA, 'Sure:\n"no commas here"')).toEqual({
      key: 1,
      instruction_id_list: ['punctuation:no_comma', 'startend:quotation'],
      strict: [true, false],
      loose: [true, true],
      follow_all_strict: false,
      follow_all_loose: true,
    });
    expect(ifevalVerdictLine(rowC, undefined)).toEqual({
      key: 3,
      instruction_id_list: ['length_constraints:number_words'],
      strict: [false],
      loose: [false],
      follow_all_strict: false,
      follow_all_loose: false,
      missing: true,
    });
  });

  it('computes the four scores and the accuracy per id and group', () => {
    const scorer = new IfevalScorer();
    scorer.add(ifevalVerdictLine(rowA, 'Sure:\n"no commas here"')); // strict [T, F], loose [T, T]
    scorer.add(ifevalVerdictLine(rowB, 'a, b')); // [F], [F]
    scorer.add(ifevalVerdictLine(rowC, undefined)); // missing: [F], [F]
    const s = scorer.scores();
    // By hand: prompts 0/3 strict, 1/3 loose; instructions 1/4 strict, 2/4 loose.
    expect(s).toMatchObject({ prompts: 3, instructions: 4, missing: 1, prompt_strict: 0, prompt_loose: 1 / 3, instruction_strict: 0.25, instruction_loose: 0.5 });
    expect(s.by_id['punctuation:no_comma']).toEqual({ count: 2, strict: 0.5, loose: 0.5 });
    expect(s.by_group['startend']).toEqual({ count: 1, strict: 0, loose: 1 });
    const text = formatIfevalReport(s);
    expect(text).toContain('1 prompt(s) without a response');
    expect(text).toMatch(/instruction-level loose\s+50\.00/);
  });
});

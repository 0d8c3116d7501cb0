import { CONSTRAINTS, IFEVAL_IDS, getConstraint } from '../../../src/families/instruct/constraints/index.js';
import {
  IfevalTruthError,
  ifevalFollow,
  looseVariants,
  parseIfevalTruth,
  verifyIfeval,
  type IfevalCheck,
} from '../../../src/families/instruct/ifeval.js';

describe('constraint registry', () => {
  it("holds IFEval's 25 ids in the reference's order, each with a check", () => {
    expect(CONSTRAINTS.map((c) => c.id)).toEqual([...IFEVAL_IDS]);
    expect(new Set(IFEVAL_IDS).size).toBe(25);
    for (const c of CONSTRAINTS) expect(typeof c.check).toBe('function');
    expect(CONSTRAINTS.filter((c) => c.usesLanguageId).map((c) => c.id).sort()).toEqual([
      'change_case:english_capital',
      'change_case:english_lowercase',
      'language:response_language',
    ]);
  });
});

describe('ground truth validation', () => {
  const err = (gt: unknown) => {
    try {
      parseIfevalTruth(gt);
    } catch (e) {
      expect(e).toBeInstanceOf(IfevalTruthError);
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };
  it('names an unknown instruction id', () => {
    expect(err({ instruction_id_list: ['keywords:nope'], kwargs: [{}] })).toMatch(/^instruction_id_list\[0\]: unknown instruction id "keywords:nope"/);
  });
  it('names a missing kwarg instead of drawing one at random', () => {
    expect(err({ instruction_id_list: ['punctuation:no_comma', 'length_constraints:number_words'], kwargs: [{}, { relation: 'at least' }] })).toMatch(
      /^kwargs\[1\]\.num_words: missing/,
    );
  });
  it('names an unknown kwarg, a wrong type, a bad relation, a bad language', () => {
    expect(err({ instruction_id_list: ['punctuation:no_comma'], kwargs: [{ extra: 1 }] })).toMatch(/^kwargs\[0\]\.extra: unknown kwarg/);
    expect(err({ instruction_id_list: ['length_constraints:number_words'], kwargs: [{ num_words: '5', relation: 'at least' }] })).toMatch(
      /^kwargs\[0\]\.num_words: must be an integer/,
    );
    expect(err({ instruction_id_list: ['length_constraints:number_words'], kwargs: [{ num_words: 5, relation: 'at most' }] })).toMatch(
      /^kwargs\[0\]\.relation: must be one of "less than", "at least"/,
    );
    expect(err({ instruction_id_list: ['language:response_language'], kwargs: [{ language: 'xx' }] })).toMatch(/^kwargs\[0\]\.language/);
    expect(err({ instruction_id_list: ['keywords:letter_frequency'], kwargs: [{ letter: 'ab', let_frequency: 1, let_relation: 'at least' }] })).toMatch(
      /^kwargs\[0\]\.letter: must be exactly 1 character/,
    );
    expect(
      err({ instruction_id_list: ['length_constraints:nth_paragraph_first_word'], kwargs: [{ num_paragraphs: 2, nth_paragraph: 3, first_word: 'a' }] }),
    ).toMatch(/^kwargs\[0\]\.nth_paragraph: must be at most num_paragraphs/);
  });
  it('treats null kwargs as absent (the Hugging Face copy of IFEval lists every key)', () => {
    const parsed = parseIfevalTruth({
      instruction_id_list: ['punctuation:no_comma', 'detectable_content:postscript'],
      kwargs: [{ num_words: null, relation: null }, { postscript_marker: 'P.S.', keywords: null }],
    });
    expect(parsed.map((p) => p.id)).toEqual(['punctuation:no_comma', 'detectable_content:postscript']);
    expect(err({ instruction_id_list: ['detectable_content:postscript'], kwargs: [{ postscript_marker: null }] })).toMatch(/postscript_marker: missing/);
  });
  it('checks the shape of the lists', () => {
    expect(err(null)).toMatch(/^ground_truth/);
    expect(err({ instruction_id_list: 'x' })).toMatch(/^instruction_id_list/);
    expect(err({ instruction_id_list: ['punctuation:no_comma'], kwargs: [] })).toMatch(/^kwargs: has 0 entries for 1/);
  });
});

describe('loose variants', () => {
  it("are the reference's 8, in its order", () => {
    expect(looseVariants('*a*\nb\n*c*')).toEqual(['*a*\nb\n*c*', 'a\nb\nc', 'b\n*c*', '*a*\nb', 'b', 'b\nc', 'a\nb', 'b']);
    expect(looseVariants('one line')).toEqual(['one line', 'one line', '', '', '', '', '', '']);
  });
  it('let a leading line or asterisks be forgiven', () => {
    const gt = { instruction_id_list: ['startend:quotation', 'punctuation:no_comma'], kwargs: [{}, {}] };
    expect(ifevalFollow(gt, 'Sure, here it is:\n"quoted"')).toEqual({
      strict: [false, false],
      loose: [true, true],
      follow_all_strict: false,
      follow_all_loose: true,
    });
  });
});

describe('verifyIfeval', () => {
  const gt = {
    instruction_id_list: ['length_constraints:number_words', 'punctuation:no_comma'],
    kwargs: [{ num_words: 3, relation: 'at least' }, {}],
  };
  it('gives one check per instruction with strict and loose results and a reason', () => {
    const v = verifyIfeval(gt, 'one, two');
    expect(v.pass).toBe(false);
    expect(v.score).toBe(0);
    const checks = v.checks as IfevalCheck[];
    expect(checks.map((c) => [c.name, c.strict, c.loose])).toEqual([
      ['length_constraints:number_words', false, false],
      ['punctuation:no_comma', false, false],
    ]);
    expect(checks[0]!.detail).toBe('found 2 word(s); required at least 3');
    expect(checks[1]!.detail).toBe('comma at offset 3');
  });
  it('passes when every instruction is followed strictly', () => {
    const v = verifyIfeval(gt, 'one two three');
    expect([v.pass, v.score]).toEqual([true, 1]);
  });
  it('never throws on bad ground truth or a non-string response', () => {
    const v = verifyIfeval({ instruction_id_list: ['nope'] }, 'x');
    expect(v).toEqual({ pass: false, score: 0, checks: [{ name: 'ground_truth', pass: false, detail: expect.stringMatching(/unknown instruction id/) }] });
    expect(verifyIfeval(gt, undefined as unknown as string).pass).toBe(false);
  });
  it('looks constraints up by id', () => {
    expect(getConstraint('startend:quotation')?.id).toBe('startend:quotation');
    expect(getConstraint('startend:nope')).toBeUndefined();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/core/paths.js';
import { countCapitalWords } from '../../src/text/capitals.js';
import { pyIsUpper } from '../../src/text/python.js';
import { treebankTokenize, wordTokenize } from '../../src/text/treebank.js';

interface Golden {
  cases: { text: string; sentences: string[]; tokens: string[]; upper: number }[];
}
const golden = JSON.parse(
  fs.readFileSync(path.join(PACKAGE_ROOT, 'test', 'text', 'fixtures', 'nltk-golden.json'), 'utf8'),
) as Golden;

describe('Treebank word tokens (nltk.word_tokenize)', () => {
  it("tokenizes NLTK's documentation example as documented", () => {
    const s = 'Good muffins cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\nThanks.';
    // NLTKWordTokenizer.tokenize docstring (one string, no sentence split).
    expect(treebankTokenize(s)).toEqual([
      'Good', 'muffins', 'cost', '$', '3.88', '(', 'roughly', '3,36', 'euros', ')', 'in', 'New', 'York.', 'Please',
      'buy', 'me', 'two', 'of', 'them.', 'Thanks', '.',
    ]);
  });
  it('splits clitics and contractions', () => {
    expect(wordTokenize("I DON'T think they CANNOT go, 'tis gonna rain.")).toEqual([
      'I', 'DO', "N'T", 'think', 'they', 'CAN', 'NOT', 'go', ',', "'t", 'is', 'gon', 'na', 'rain', '.',
    ]);
  });
  it(`agrees with NLTK 3.8 on ${golden.cases.length} golden texts`, () => {
    const bad = golden.cases.filter((c) => JSON.stringify(wordTokenize(c.text)) !== JSON.stringify(c.tokens));
    expect(bad.map((c) => c.text)).toEqual([]);
  });
});

describe('countCapitalWords', () => {
  it('counts Treebank tokens that are all capitals', () => {
    expect(countCapitalWords("DON'T STOP")).toBe(3); // DO, N'T, STOP
    expect(countCapitalWords('A;B and U.S. ok')).toBe(3); // A, B, U.S.
    expect(countCapitalWords('')).toBe(0);
    expect(countCapitalWords('Title Case Only')).toBe(0);
  });
  it('keeps chunks without capitals off the slow path without changing counts', () => {
    // By hand: don't and e.g. hold no capital, so they add nothing; HELLO and OK are one token each.
    expect(countCapitalWords("don't say HELLO, e.g. OK")).toBe(2);
    // The contraction rule splits gimme with i, ı or İ (Python's re matches İ to i ignoring case): GİM, ME.
    expect(countCapitalWords('GİMME')).toBe(2);
    expect(countCapitalWords('GİMME')).toBe(wordTokenize('GİMME').filter(pyIsUpper).length);
    expect(countCapitalWords('GIMME that')).toBe(2); // GIM, ME
  });
  it(`agrees with NLTK on ${golden.cases.length} golden texts, through the quick path and the full one alike`, () => {
    const bad = golden.cases.filter((c) => countCapitalWords(c.text) !== c.upper);
    expect(bad.map((c) => c.text)).toEqual([]);
    // The quick path must equal the token count of the full pipeline (an independent computation).
    for (const c of golden.cases) expect(countCapitalWords(c.text)).toBe(wordTokenize(c.text).filter(pyIsUpper).length);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/core/paths.js';
import { countSentences, sentences } from '../../src/text/punkt.js';
import { tokenizePunktLine } from '../../src/text/punkt-words.js';

interface Golden {
  cases: { text: string; sentences: string[]; tokens: string[]; upper: number }[];
}
const golden = JSON.parse(
  fs.readFileSync(path.join(PACKAGE_ROOT, 'test', 'text', 'fixtures', 'nltk-golden.json'), 'utf8'),
) as Golden;

describe('punkt sentence splitter', () => {
  it("splits NLTK's own documentation example as NLTK documents it", () => {
    // From the docstring of nltk.tokenize.punkt (abbreviations, initials, a lowercase sentence start).
    const text =
      'Punkt knows that the periods in Mr. Smith and Johann S. Bach\ndo not mark sentence boundaries.  And sometimes sentences\ncan start with non-capitalized words.  i is a good variable\nname.';
    expect(sentences(text)).toEqual([
      'Punkt knows that the periods in Mr. Smith and Johann S. Bach\ndo not mark sentence boundaries.',
      'And sometimes sentences\ncan start with non-capitalized words.',
      'i is a good variable\nname.',
    ]);
  });
  it('realigns closing punctuation into the sentence before (the docstring example)', () => {
    const text =
      '(How does it deal with this parenthesis?)  "It should be part of the\nprevious sentence." "(And the same with this one.)" (\'And this one!\')\n"(\'(And (this)) \'?)" [(and this. )]';
    expect(sentences(text)).toEqual([
      '(How does it deal with this parenthesis?)',
      '"It should be part of the\nprevious sentence."',
      '"(And the same with this one.)"',
      "('And this one!')",
      '"(\'(And (this)) \'?)"',
      '[(and this. )]',
    ]);
  });
  it('counts nothing in blank text and one sentence without a final period', () => {
    expect(countSentences('')).toBe(0);
    expect(countSentences(' \n\t ')).toBe(0);
    expect(countSentences('no period at all')).toBe(1);
  });
  it('splits words as punkt does (periods stay, other punctuation goes)', () => {
    expect(tokenizePunktLine('Hello, (world)... a--b "x" 3.5.')).toEqual(['Hello', ',', '(', 'world', ')', '...', 'a', '--', 'b', '"', 'x', '"', '3.5.']);
  });
  it(`agrees with NLTK 3.8 on ${golden.cases.length} golden texts`, () => {
    const bad = golden.cases.filter((c) => JSON.stringify(sentences(c.text)) !== JSON.stringify(c.sentences));
    expect(bad.map((c) => c.text)).toEqual([]);
  });
});

import { countWords, wordTokens } from '../../src/text/words.js';

// Python: len(re.findall(r"\w+", text)); each expectation worked out by hand.
describe('countWords (\\w+ runs, Unicode)', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ["don't stop", 3],
    ['snake_case and kebab-case', 4],
    ['e\u0301', 1], // the combining mark is not \w
    ['नमस्ते', 2], // the virama splits the word
    ['x² ½', 2],
    ['3.14 is pi', 4],
    ['😀 hello 😀', 1],
    ['日本語のテキスト', 1],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
  it('returns the words themselves', () => {
    expect(wordTokens("it's 2024, ok")).toEqual(['it', 's', '2024', 'ok']);
  });
});

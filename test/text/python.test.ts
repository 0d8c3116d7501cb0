import {
  firstIsUpper,
  isPyWordCp,
  pyIsLower,
  pyIsUpper,
  pyLen,
  pySplitWhitespace,
  pyStrip,
  pyStripChars,
} from '../../src/text/python.js';

// Expected values are Python 3.11's, worked out by hand from the documented str and re semantics.
describe('Python str semantics', () => {
  it('strip() uses Python whitespace: U+001C–U+001F and U+0085 are stripped, U+FEFF is not', () => {
    expect(pyStrip('\x1c\x1f a \x85\u3000')).toBe('a');
    expect(pyStrip('\ufeffa\ufeff')).toBe('\ufeffa\ufeff');
    expect(pyStrip(' \t\n')).toBe('');
    expect(pyStrip('')).toBe('');
  });
  it('split() drops leading and trailing runs', () => {
    expect(pySplitWhitespace('  a \u2028 b\u00a0c  ')).toEqual(['a', 'b', 'c']);
    expect(pySplitWhitespace('\u0085')).toEqual([]);
  });
  it('strip(chars) removes only those characters', () => {
    expect(pyStripChars('""a"b""', '"')).toBe('a"b');
  });
  it('\\w is letters, numbers of any category and _, not combining marks', () => {
    expect(isPyWordCp('é'.codePointAt(0)!)).toBe(true);
    expect(isPyWordCp(0x00b2)).toBe(true); // ² is No
    expect(isPyWordCp(0x0301)).toBe(false); // combining acute (Mn)
    expect(isPyWordCp(0x094d)).toBe(false); // Devanagari virama (Mn)
    expect(isPyWordCp('_'.codePointAt(0)!)).toBe(true);
    expect(isPyWordCp('-'.codePointAt(0)!)).toBe(false);
  });
  it('isupper / islower need a cased character and reject titlecase', () => {
    expect(pyIsUpper('ABC 123!')).toBe(true);
    expect(pyIsUpper('123')).toBe(false);
    expect(pyIsUpper('ÀÉÎ')).toBe(true);
    expect(pyIsUpper('Aǅ')).toBe(false); // ǅ is titlecase
    expect(pyIsUpper('ⒶⒷ')).toBe(true); // Other_Uppercase symbols are cased
    expect(pyIsLower('abc ß')).toBe(true);
    expect(pyIsLower('abc D')).toBe(false);
    expect(pyIsLower('')).toBe(false);
    expect(firstIsUpper('Émile')).toBe(true);
    expect(firstIsUpper('𝐀x')).toBe(true); // astral mathematical capital
  });
  it('len counts code points, a lone surrogate as one', () => {
    expect(pyLen('a😀b')).toBe(3);
    expect(pyLen('\ud800x')).toBe(2);
  });
});

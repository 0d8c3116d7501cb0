/**
 * normalizeWords and tokens against a reference written the plain way (one character at a time, then split), on
 * hand-checked examples and on arbitrary strings: the sliced implementation must read every string the same.
 */
import fc from 'fast-check';
import { normalizeWords, tokens } from '../../../src/families/selffact/scan.js';

/** The definition, character by character: letters (cased characters) and digits, a dot or comma between digits. */
function reference(s: string): string {
  const t = s.toLowerCase();
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let out = '';
  let space = true;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    const word = ((ch === '.' || ch === ',') && digit(t[i - 1]) && digit(t[i + 1])) || digit(ch) || (ch >= 'a' && ch <= 'z') || (ch > '\u007f' && ch.toUpperCase() !== ch);
    if (word) {
      out += ch;
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  return out.trim();
}

describe('selffact word scanning', () => {
  it.each([
    ['', '', []],
    ['  ', '', []],
    ['I have 32 layers.', 'i have 32 layers', ['i', 'have', '32', 'layers']],
    ['Llama-3.1 8B, v0.3!', 'llama 3.1 8b v0.3', ['llama', '3.1', '8b', 'v0.3']],
    ['8,030,261,248 params', '8,030,261,248 params', ['8,030,261,248', 'params']],
    ['Größe: Über', 'größe über', ['größe', 'über']],
    ["don't", 'don t', ['don', 't']],
    ['a\u200bb \ud800 c', 'a b c', ['a', 'b', 'c']],
  ])('%j', (input, normalized, toks) => {
    expect(normalizeWords(input)).toBe(normalized);
    expect(tokens(input)).toEqual(toks);
  });

  it('agrees with the character-by-character reference on any string', () => {
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.stringMatching(/^[0-9a-zA-Z.,' -]{0,40}$/));
    fc.assert(
      fc.property(text, (s) => {
        const ref = reference(s);
        expect(normalizeWords(s)).toBe(ref);
        expect(tokens(s)).toEqual(ref === '' ? [] : ref.split(' '));
      }),
      { numRuns: 2000 },
    );
  });
});

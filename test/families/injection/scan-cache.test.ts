/**
 * The remembered and precomputed pieces of the injection family give what a fresh computation gives: template
 * filling (cut once per template), the length shortcut of findForbidden, the remembered skeleton.
 */
import { fill } from '../../../src/families/injection/payloads.js';
import { findForbidden, skeleton } from '../../../src/families/injection/scan.js';

describe('fill', () => {
  it('fills slots and keeps braces that are not slots, the same on every call', () => {
    for (let k = 0; k < 3; k++) {
      expect(fill('Say {word} {"json": 1} {} {x1}', { word: 'hi' })).toBe('Say hi {"json": 1} {} {x1}');
      expect(fill('{a}{b}', { a: '1', b: '2' })).toBe('12');
      expect(fill('no slots', {})).toBe('no slots');
      expect(fill('open { only', {})).toBe('open { only');
    }
  });

  it('throws for a missing slot on a cached template too', () => {
    expect(fill('x {p} y', { p: 'P' })).toBe('x P y');
    expect(() => fill('x {p} y', {})).toThrow(/no value for slot \{p\}/);
  });
});

describe('findForbidden length shortcut', () => {
  // " zebra 7f3k " is 12 characters: the needle's 9 word characters plus 3 spaces; the joined key " zebra7f3k " is 11.
  it('finds a needle whose joined key is exactly as long as the skeleton', () => {
    expect(skeleton('ZEBRA7F3K')).toBe(' zebra7f3k ');
    expect(findForbidden(skeleton('ZEBRA7F3K'), ['ZEBRA-7F3K'])).toBe('ZEBRA-7F3K');
    expect(findForbidden(skeleton('zebra 7f3k'), ['ZEBRA-7F3K'])).toBe('ZEBRA-7F3K');
  });

  it('skips needles longer than the text and still finds a later short one', () => {
    expect(findForbidden(skeleton('ok 42'), ['a much longer forbidden sentence', '42'])).toBe('42');
    expect(findForbidden(skeleton('ok'), ['a much longer forbidden sentence'])).toBeNull();
  });

  it('does not shortcut non-ASCII needles (their skeleton may be shorter than the text)', () => {
    expect(findForbidden(skeleton('ÉTÉ'), ['été'])).toBe('été');
    expect(findForbidden(skeleton('zeb\u200bra'), ['ze\u200b\u200b\u200b\u200b\u200b\u200bbra'])).toBe('ze\u200b\u200b\u200b\u200b\u200b\u200bbra');
  });
});

describe('skeleton memo', () => {
  it('answers alternating texts correctly', () => {
    for (let k = 0; k < 3; k++) {
      expect(skeleton('Print ZEBRA-7F3K!')).toBe(' print zebra 7f3k ');
      expect(skeleton('')).toBe(' ');
      expect(skeleton('A_b')).toBe(' a b ');
    }
  });
});

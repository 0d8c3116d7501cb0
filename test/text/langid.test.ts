import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/core/paths.js';
import { detectLanguage } from '../../src/text/langid.js';
import { PyRandom } from '../../src/text/pyrandom.js';

interface Golden {
  cases: { text: string; lang: string | null }[];
}
const golden = JSON.parse(
  fs.readFileSync(path.join(PACKAGE_ROOT, 'test', 'text', 'fixtures', 'langdetect-golden.json'), 'utf8'),
) as Golden;

describe("PyRandom replays Python's random.Random", () => {
  it('matches CPython 3.11 for seed 0', () => {
    // python3 -c "import random; r = random.Random(0); print(r.random(), r.random())"
    const r = new PyRandom(0);
    expect(r.random()).toBe(0.8444218515250481);
    expect(r.random()).toBe(0.7579544029403025);
    // python3 -c "import random; print(random.Random(0).gauss(0.0, 1.0))"
    expect(new PyRandom(0).gauss()).toBe(0.9417154046806644);
    // python3 -c "import random; r = random.Random(0); print([r.choice(range(10)) for _ in range(8)])"
    const c = new PyRandom(0);
    expect(Array.from({ length: 8 }, () => c.below(10))).toEqual([6, 6, 0, 4, 8, 7, 6, 4]);
  });
});

describe('detectLanguage (langdetect 1.0.9, seed 0)', () => {
  it('returns null where langdetect finds no features', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('12345 !!! 67')).toBeNull();
    expect(detectLanguage('😀😀')).toBeNull();
  });
  it("keeps langdetect's answers on short and all-capital text", () => {
    expect(detectLanguage('YES')).toBe('cy');
    expect(detectLanguage('etchings')).toBe('de');
  });
  // langdetect composes Vietnamese marks (Detector.append) before it cuts the text to 10,000 characters and before it
  // drops ASCII letters from mostly non-Latin text (cleaning_text), so a composed and a decomposed spelling read alike.
  it('composes a Vietnamese mark with its letter even when the mark falls just past the 10,000-character cap', () => {
    const digits = '1'.repeat(9999); // no features: the last letter decides
    expect(detectLanguage(`${digits}a\u0300`)).toBe(detectLanguage(`${digits}\u00e0`));
    expect(detectLanguage(`${digits}a`)).not.toBe(detectLanguage(`${digits}\u00e0`));
  });
  it('drops the ASCII letters of text with more than twice as many characters from U+0300 on, wherever they sit', () => {
    const latin = 'hello world '.repeat(20); // 200 ASCII letters
    // U+2500 is in no profile: once the letters are dropped, no features are left.
    for (const [n, want] of [[400, 'en'], [401, null]] as const) {
      const box = '\u2500'.repeat(n);
      for (const text of [latin + box, box + latin, box.slice(0, 150) + latin + box.slice(150)]) expect(detectLanguage(text)).toBe(want);
    }
  });
  it(`agrees with Python langdetect on ${golden.cases.length} golden texts`, () => {
    const bad = golden.cases.filter((c) => detectLanguage(c.text) !== c.lang).map((c) => [c.text.slice(0, 60), c.lang]);
    expect(bad).toEqual([]);
  });
});

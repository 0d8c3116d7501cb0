/**
 * The text primitives keep small caches of recent work (punkt's context verdicts, Treebank capital counts per
 * sentence, langdetect's n-gram lookups and seeded generator, scratch buffers). A cache must never change an answer:
 * these tests ask the same questions again, in another order, and after the caches have overflowed, and compare with
 * the reference's own answers (the NLTK and langdetect golden files, produced by the Python libraries).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/core/paths.js';
import { countCapitalWords } from '../../src/text/capitals.js';
import { langdetect } from '../../src/text/langdetect.js';
import { sentences } from '../../src/text/punkt.js';
import { PyRandom } from '../../src/text/pyrandom.js';

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'test', 'text', 'fixtures', name), 'utf8'));
const nltk = fixture('nltk-golden.json') as { cases: { text: string; sentences: string[]; upper: number }[] };
const langs = fixture('langdetect-golden.json') as { cases: { text: string; lang: string | null }[] };

/** Thousands of distinct sentence contexts and all-capital clitic sentences, enough to overflow every cache. */
function flood(): void {
  const parts: string[] = [];
  for (let i = 0; i < 6000; i++) parts.push(`Alpha${i} beta. GAMMA${i} DON'T${i} stop.`);
  const text = parts.join(' ');
  sentences(text);
  countCapitalWords(text);
  for (let i = 0; i < 50; i++) langdetect(parts.slice(i * 100, i * 100 + 100).join(' '));
}

describe('caches of the text primitives', () => {
  it('punkt gives the NLTK sentences again, backwards, and after its cache overflows', () => {
    const bad = (order: typeof nltk.cases) => order.filter((c) => JSON.stringify(sentences(c.text)) !== JSON.stringify(c.sentences)).length;
    expect(bad(nltk.cases)).toBe(0);
    expect(bad([...nltk.cases].reverse())).toBe(0);
    flood();
    expect(bad(nltk.cases)).toBe(0);
  });

  it('capital word counts stay the NLTK counts on repeats and after overflow', () => {
    const bad = () => nltk.cases.filter((c) => countCapitalWords(c.text) !== c.upper).length;
    expect(bad()).toBe(0);
    expect(bad()).toBe(0);
    flood();
    expect(bad()).toBe(0);
    // By hand: DO, N'T, STOP and then A, B, U.S. (the second text's sentences come after the first's were cached).
    expect(countCapitalWords("DON'T STOP")).toBe(3);
    expect(countCapitalWords("DON'T STOP. A;B and U.S. ok")).toBe(6);
  });

  it('langdetect gives the Python labels in any order and after its lookup cache overflows', () => {
    const bad = (order: typeof langs.cases) => order.filter((c) => langdetect(c.text) !== c.lang).length;
    expect(bad(langs.cases)).toBe(0);
    expect(bad([...langs.cases].reverse())).toBe(0);
    flood();
    expect(bad(langs.cases)).toBe(0);
  });

  it('a PyRandom copied from a primed generator continues its stream', () => {
    // python3 -c "import random; r = random.Random(0); print(r.random(), r.random())"
    const primed = new PyRandom(0).prime();
    const copy = new PyRandom(7).copyFrom(primed);
    expect(copy.random()).toBe(0.8444218515250481);
    expect(copy.random()).toBe(0.7579544029403025);
    // The original is untouched by its copy's draws.
    expect(primed.random()).toBe(0.8444218515250481);
  });
});

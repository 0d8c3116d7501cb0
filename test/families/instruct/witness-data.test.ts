/** The witness data keeps the promises its doc comments make (filler rules, language banks that langdetect names). */
import { langdetect } from '../../../src/text/langdetect.js';
import { LANGUAGE_SENTENCES } from '../../../src/families/instruct/data/languages.js';
import { FILLER_SENTENCES, FILLER_WORDS, FORBIDDEN_WORDS } from '../../../src/families/instruct/data/filler.js';
import { TOPICS } from '../../../src/families/instruct/data/topics.js';
import { IFEVAL_LANGUAGES } from '../../../src/text/langid.js';
import { Rng } from '../../../src/core/rng.js';
import { createWitnessContext } from '../../../src/families/instruct/witness.js';

describe('language banks', () => {
  it('cover every language of the reference table but English', () => {
    const want = Object.keys(IFEVAL_LANGUAGES).filter((c) => c !== 'en').sort();
    expect(Object.keys(LANGUAGE_SENTENCES).sort()).toEqual(want);
  });
  it.each(Object.entries(LANGUAGE_SENTENCES))('%s: every pair of sentences is detected as the language', (code, sentences) => {
    expect(langdetect(sentences.join(' '))).toBe(code);
    for (let i = 0; i < sentences.length; i++) {
      for (let j = 0; j < sentences.length; j++) {
        if (i !== j) expect([i, j, langdetect(`${sentences[i]} ${sentences[j]}`)]).toEqual([i, j, code]);
      }
    }
    for (const s of sentences) expect(s.includes(',')).toBe(false);
  });
});

describe('filler', () => {
  const allNouns = Object.values(TOPICS).flatMap((t) => t.nouns);
  const allKeywords = Object.values(TOPICS).flatMap((t) => t.keywords);
  const texts = [...FILLER_SENTENCES.flatMap((s) => allNouns.map((n) => s.replace('{n}', n))), ...FILLER_WORDS];
  it('has no comma, no rare letter, no all-capital word and one final period per sentence', () => {
    expect(texts.filter((t) => /[,qxzj]/i.test(t) || /\b[A-Z]{2,}\b|\bI\b/.test(t))).toEqual([]);
    for (const s of FILLER_SENTENCES) expect(s.indexOf('.')).toBe(s.length - 1);
  });
  it('never contains a keyword (as a substring) or a forbidden word', () => {
    const bad: string[] = [];
    for (const t of texts) {
      const lower = t.toLowerCase();
      for (const k of allKeywords) if (lower.includes(k)) bad.push(`${k} in ${t}`);
      for (const w of FORBIDDEN_WORDS) if (new RegExp(`\\b${w}\\b`).test(lower)) bad.push(`${w} in ${t}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('witness context', () => {
  it('fills each drawn sentence with a drawn noun, as String.replace would (a $ in the noun included)', () => {
    for (const nouns of [TOPICS.email!.nouns, ['cost$&x', 'plan']]) {
      for (let s = 0; s < 50; s++) {
        const a = new Rng(`ctx-${s}`);
        const b = new Rng(`ctx-${s}`);
        const got = createWitnessContext(a, 'prompt', { nouns }).sentences(1 + (s % 5));
        const want: string[] = [];
        for (let i = 0; i < 1 + (s % 5); i++) want.push(b.pick(FILLER_SENTENCES).replace('{n}', b.pick(nouns)));
        expect(got).toEqual(want);
        expect(a.next()).toBe(b.next());
      }
    }
    // '$&' is the matched text: a noun 'cost$&x' gives 'cost{n}x' (checked by hand against String.replace's rules).
    const r = new Rng('dollar');
    const one = createWitnessContext(r, 'p', { nouns: ['cost$&x'] }).sentences(3);
    for (const t of one) expect(t).toContain('cost{n}x');
  });
});

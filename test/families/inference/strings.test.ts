import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { lexicon } from '../../../src/families/inference/data/lexicon.js';
import { planStrings, strings as def, STRING_TASKS, type StringsPlan } from '../../../src/families/inference/strings.js';
import type { AnswerTruth } from '../../../src/families/inference/answer-truth.js';

const sf = createSeededFaker('2025-01-01');
const lex = lexicon(sf.faker);
const templates = loadTemplateSet('inference', def.name);

function plan(seed: string, difficulty: number): StringsPlan {
  const rng = new Rng(seed);
  sf.use(rng);
  return planStrings(rng, lex, difficulty, def.defaults.maxWords);
}

function generate(seed: string, difficulty: number) {
  const rng = new Rng(seed);
  sf.use(rng);
  return def.generate({ rng, faker: sf.faker, config: { ...def.defaults, difficulty }, index: 0, refDate: '2025-01-01', templates, profile: null });
}

// Independent oracles: written differently from the generator (array methods and regexes instead of loops).
const reverse = (s: string) => Array.from(s).reverse().join('');
const occurrences = (s: string, c: string) => s.split(c).length - 1;
const wordsOf = (sentence: string) => sentence.replace(/\.$/, '').trim().split(/\s+/);

/** "the 4th word" -> index 3; "the last word" -> last; "the 2nd word from the end" -> length - 2. */
function indexOfTarget(target: string, length: number): number {
  if (/^the last /.test(target)) return length - 1;
  const m = /^the (\d+)(?:st|nd|rd|th) \w+( from the end)?$/.exec(target);
  if (!m) throw new Error(`unparsed target '${target}'`);
  const n = Number(m[1]);
  return m[2] ? length - n : n - 1;
}

function expected(p: StringsPlan): string {
  const d = p.data as Record<string, any>;
  switch (p.task) {
    case 'reverse':
      return reverse(d.text);
    case 'count':
      if (d.caseAny) return String(occurrences(d.text.toLowerCase(), d.letter));
      return String(occurrences(d.text, d.countLower ? d.letter : d.upperLetter));
    case 'nth-word': {
      const w = wordsOf(d.sentence);
      return w[indexOfTarget(d.target, w.length)]!;
    }
    case 'nth-char': {
      const chars = Array.from(d.text as string);
      return chars[indexOfTarget(d.target, chars.length)]!;
    }
    case 'word-count':
      return String(wordsOf(d.sentence).length);
    case 'initials':
      return (d.sentence.match(/\b[A-Za-z]/g) as string[]).join('').toUpperCase();
    case 'length':
      return String(d.word.length);
    case 'nth-word-length': {
      const w = wordsOf(d.sentence);
      return String(w[indexOfTarget(d.target, w.length)]!.length);
    }
    default:
      throw new Error(`unknown task ${p.task}`);
  }
}

/** A conservative stand-in for the verifier's normalization, to check that near misses are really wrong. */
function sameAnswer(t: AnswerTruth, response: string): boolean {
  if (t.type === 'number') return Number(response) === Number(t.answer);
  return t.case_sensitive ? response.trim() === t.answer : response.trim().toLowerCase() === t.answer.toLowerCase();
}

describe('oracles (hand-worked)', () => {
  it('reverse, count, target index and initials', () => {
    expect(reverse('Ana Lopez')).toBe('zepoL anA');
    expect(occurrences('banana', 'a')).toBe(3);
    expect(indexOfTarget('the 2nd word from the end', 6)).toBe(4);
    expect(indexOfTarget('the last character', 6)).toBe(5);
    expect(indexOfTarget('the 3rd word', 6)).toBe(2);
    expect(wordsOf('The red fox will jump.')).toEqual(['The', 'red', 'fox', 'will', 'jump']);
  });
});

describe('inference.strings', () => {
  it('computes every task right, checked by independent oracles', () => {
    const seen = new Set<string>();
    for (let d = 1; d <= 5; d++) {
      for (let i = 0; i < 400; i++) {
        const p = plan(`s${d}-${i}`, d);
        seen.add(p.task);
        expect(p.truth.answer).toBe(expected(p));
        expect(p.truth.case_sensitive === true).toBe(p.task === 'reverse');
      }
    }
    expect([...seen].sort()).toEqual([...STRING_TASKS].sort());
  });

  it('keeps inputs ASCII, never asks for a space, and never reverses a palindrome', () => {
    for (let i = 0; i < 1500; i++) {
      const d = (i % 5) + 1;
      const p = plan(`a${i}`, d);
      for (const v of Object.values(p.data)) if (typeof v === 'string') expect(v).toMatch(/^[\x20-\x7e]*$/);
      expect(p.truth.answer.trim()).toBe(p.truth.answer);
      expect(p.truth.answer).not.toBe('');
      if (p.task === 'reverse') expect(p.truth.answer).not.toBe((p.data as { text: string }).text);
    }
  });

  it('states the input in the prompt and says what form the answer takes', () => {
    for (let i = 0; i < 300; i++) {
      const p = plan(`p${i}`, (i % 5) + 1);
      const draft = generate(`p${i}`, (i % 5) + 1);
      const input = (p.data as Record<string, string>).text ?? (p.data as Record<string, string>).sentence ?? (p.data as Record<string, string>).word;
      expect(draft.messages[0]!.content).toContain(input);
      expect(draft.messages[0]!.content).toMatch(/only|alone|just|nothing else|answer|reply|write|format/i);
    }
  });

  it('makes inputs longer and positions larger as difficulty grows', () => {
    const meanWords = (d: number) => {
      let sum = 0;
      let k = 0;
      for (let i = 0; k < 150; i++) {
        const p = plan(`w${d}-${i}`, d);
        if (p.task !== 'word-count') continue;
        sum += Number(p.truth.answer);
        k++;
      }
      return sum / k;
    };
    const meanLength = (d: number) => {
      let sum = 0;
      let k = 0;
      for (let i = 0; k < 150; i++) {
        const p = plan(`l${d}-${i}`, d);
        if (p.task !== 'length') continue;
        sum += Number(p.truth.answer);
        k++;
      }
      return sum / k;
    };
    expect(meanWords(1)).toBeLessThan(meanWords(3));
    expect(meanWords(3)).toBeLessThan(meanWords(5));
    expect(meanLength(1)).toBeLessThan(meanLength(3));
    expect(meanLength(3)).toBeLessThan(meanLength(5));
  });

  it('gives 3-6 near misses, all wrong', () => {
    for (let i = 0; i < 500; i++) {
      const d = (i % 5) + 1;
      const draft = generate(`n${i}`, d);
      const misses = def.nearMisses(draft, new Rng(`m${i}`));
      expect(misses.length).toBeGreaterThanOrEqual(3);
      expect(misses.length).toBeLessThanOrEqual(6);
      for (const m of misses) expect(sameAnswer(draft.ground_truth, m)).toBe(false);
    }
  });

  it('has at least three phrasings per task and rejects a bad maxWords', () => {
    for (const task of STRING_TASKS) expect(templates.ids.filter((id) => id.split('/').pop()!.split('.')[0] === task).length).toBeGreaterThanOrEqual(3);
    expect(() => def.validateConfig!({ difficulty: 2, maxWords: 3 })).toThrow(/maxWords/);
    expect(def.validateConfig!({ difficulty: 2, maxWords: 40 }).maxWords).toBe(40);
  });
});

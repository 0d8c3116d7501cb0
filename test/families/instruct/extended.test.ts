/**
 * verigen's own constraints (`verigen:<group>:<name>`): hand-worked verdicts at the boundaries, kwargs refusals naming
 * the field, witness steps, phrasings, totality and linear time. Every expected verdict below was worked out by hand
 * from the semantics in docs/constraints.md (word = `\w` run, sentence = punkt sentence).
 */
import fc from 'fast-check';
import { Rng } from '../../../src/core/rng.js';
import { ALL_CONSTRAINTS, CONSTRAINTS, EXTENDED_CONSTRAINTS, EXTENDED_IDS, getConstraint, IFEVAL_IDS } from '../../../src/families/instruct/constraints/index.js';
import { KwargsError, WITNESS_PHASES, type WitnessContext } from '../../../src/families/instruct/constraints/types.js';
import { spellNumber } from '../../../src/families/instruct/constraints/verigen-content.js';

/** One valid kwargs object per id, and responses that pass and fail under it. */
const CASES: Record<string, { kwargs: Record<string, unknown>; pass: string[]; fail: string[] }> = {
  'verigen:length:word_range': { kwargs: { min_words: 3, max_words: 5 }, pass: ['one two three', 'a b c d e', "don't stop"], fail: ['a b', 'a b c d e f', ''] },
  'verigen:length:sentence_range': { kwargs: { min_sentences: 1, max_sentences: 2 }, pass: ['One.', 'One. Two.'], fail: ['', 'One. Two. Three.'] },
  'verigen:length:max_sentence_words': { kwargs: { max_words: 3 }, pass: ['One two three. Four five.', ''], fail: ['One two three four.', 'Hi. A b c d!'] },
  'verigen:length:max_word_length': { kwargs: { max_letters: 5 }, pass: ['short words only', 'ab-cd'], fail: ['longer', 'a bcdefg'] },
  'verigen:length:exact_lines': { kwargs: { num_lines: 2 }, pass: ['a\n\nb', 'a\n  \nb\n'], fail: ['a\nb\nc', 'a', ''] },
  'verigen:length:paragraph_range': { kwargs: { separator: '***', min_paragraphs: 2, max_paragraphs: 3 }, pass: ['a***b', 'a*** ***b', 'a***b***c'], fail: ['a***b***c***d', 'a', 'a\n\nb'] },
  'verigen:words:unique_words': { kwargs: {}, pass: ['One two three', 'Run, time.'], fail: ['The cat saw the dog', 'a A'] },
  'verigen:words:min_distinct': { kwargs: { min_distinct: 3 }, pass: ['a a b c', 'x y z'], fail: ['A a b', ''] },
  'verigen:words:first_word': { kwargs: { first_word: 'Overall' }, pass: ['"overall, fine."', '  OVERALL it works'], fail: ['Over all', '', 'Fine overall'] },
  'verigen:words:last_word': { kwargs: { last_word: 'done' }, pass: ['We are DONE!', 'done'], fail: ['done it', '', 'undone'] },
  'verigen:words:sentence_first_letter': { kwargs: { letter: 'S' }, pass: ['So it is. Sure thing.', '"sure." So.'], fail: ['So it is. Not really.', '', '...'] },
  'verigen:words:sentence_last_word': { kwargs: { last_word: 'now' }, pass: ['Go now. Stop NOW!'], fail: ['Go now. Stop.', ''] },
  'verigen:words:palindrome': { kwargs: { min_length: 5 }, pass: ['We saw a Level road', 'A kayak.'], fail: ['noon at noon', ''] },
  'verigen:keywords:exact_count': { kwargs: { keyword: 'plan', count: 2 }, pass: ['Plan the plan. Planning.'], fail: ['One plan.', 'plan plan plan', 'planplan'] },
  'verigen:keywords:nth_sentence': { kwargs: { keyword: 'river', n: 2 }, pass: ['One. The River runs.'], fail: ['The river. Two.', 'One.', 'One. Rivers run.'] },
  'verigen:keywords:first_sentence': { kwargs: { keyword: 'river' }, pass: ['A river. Two.'], fail: ['One. A river.', ''] },
  'verigen:keywords:last_sentence': { kwargs: { keyword: 'river' }, pass: ['One. A river.'], fail: ['A river. Two.', ''] },
  'verigen:keywords:letter_at_most': { kwargs: { letter: 'z', max_count: 2 }, pass: ['Zoo zap', ''], fail: ['Zoo zap fizz'] },
  'verigen:keywords:letter_at_least': { kwargs: { letter: 'E', min_count: 3 }, pass: ['eee', 'EeE'], fail: ['Eel', ''] },
  'verigen:punctuation:no_dot': { kwargs: {}, pass: ['Hi!', ''], fail: ['Hi.', 'a.b'] },
  'verigen:punctuation:no_exclamation': { kwargs: {}, pass: ['Hi.'], fail: ['Hi!'] },
  'verigen:punctuation:no_question': { kwargs: {}, pass: ['Hi.'], fail: ['Hi?'] },
  'verigen:punctuation:end_char': { kwargs: { char: '!' }, pass: ['Wow!  \n', '!'], fail: ['Wow!?', '', 'Wow! '.repeat(2) + 'x'] },
  'verigen:punctuation:sentence_hyphens': { kwargs: {}, pass: ['One.-Two.', '  One two.-Three four.-Five.  '], fail: ['One. - Two.', 'One.\n-Two.', 'One.', 'One.--Two.', '-One.'] },
  'verigen:punctuation:quoted_words': { kwargs: { min_quoted: 2 }, pass: ['"a" and "b"', '"a" "b"'], fail: ['"a b" "c"', '"a"b"', '“a” “b”'] },
  'verigen:punctuation:bracketed_words': { kwargs: { min_bracketed: 1 }, pass: ['[x]', 'see [note_1].'], fail: ['[ x]', '[x y]', '[]'] },
  'verigen:format:sub_bullets': { kwargs: { min_sub: 2 }, pass: ['- top\n  - a\n\t* b', 'Intro\n* top\n  - a\n  - b'], fail: ['  - a\n  - b\n- top', '- top\n  - a', '- top\n  -a\n  -b'] },
  'verigen:format:title_case': { kwargs: {}, pass: ["The Cat (Is) Here 3rd Don't", '', '日本 Word'], fail: ['The cat', '(the) End'] },
  'verigen:format:output_template': { kwargs: { template: 'Answer: {answer}' }, pass: ['  Answer: yes ', 'Answer: x'], fail: ['Answer: ', 'answer: yes', 'So. Answer: yes'] },
  'verigen:format:numbered_lines': { kwargs: {}, pass: ['1. a\n\n2. b', '1. only'], fail: ['1. a\n3. b', '', '1.a', ' 1. a'] },
  'verigen:format:start_phrase': { kwargs: { phrase: 'In short:' }, pass: ['  In short: yes', 'In short:'], fail: ['In Short: yes', 'Yes. In short:'] },
  'verigen:format:copy_span': { kwargs: { span: 'the meeting starts at nine' }, pass: ['Note: the meeting starts at nine.'], fail: ['The meeting starts at nine.', 'the meeting  starts at nine'] },
  'verigen:format:repeat_phrase': { kwargs: { phrase: 'step by step', times: 2 }, pass: ['step by step and step by step'], fail: ['step by step', 'step by step step by step step by step', 'Step by step step by step'] },
  'verigen:content:no_digits': { kwargs: {}, pass: ['twelve', '², Ⅻ'], fail: ['12', 'year ٣'] },
  'verigen:content:min_digits': { kwargs: { min_digits: 4 }, pass: ['2024', 'a1b2c3d4'], fail: ['a1b2c3', ''] },
  'verigen:content:no_emoji': { kwargs: {}, pass: ['plain text :)', ''], fail: ['hi 😀', '©'] },
  'verigen:content:iso_date': { kwargs: { date: '2024-03-05' }, pass: ['On 2024-03-05.', '12024-03-05 and 2024-03-05'], fail: ['12024-03-05', '2024-03-051', '2024-03-05-1', '2024/03/05'] },
};

const byId = (id: string) => {
  const c = getConstraint(id);
  if (!c) throw new Error(`missing ${id}`);
  return c;
};

const FILLER_SENTENCES = [
  'The garden has a small gate.',
  'A road runs past the old mill.',
  'Rain fell on the stone wall.',
  'The bridge spans a narrow stream.',
  'Boats rest in the calm harbor.',
  'The market opens early on Monday.',
];
const FILLER_WORDS = ['stone', 'field', 'cloud', 'paper', 'table', 'light', 'river', 'bridge', 'north', 'chair', 'music', 'grass', 'lamp', 'door', 'sand', 'hill', 'tree', 'road', 'boat', 'wall'];

function ctxFor(seed: string): WitnessContext {
  const rng = new Rng(seed);
  return {
    rng,
    prompt: 'Write a short note about the town.',
    sentences: (n) => Array.from({ length: n }, () => rng.pick(FILLER_SENTENCES)),
    words: (n) => Array.from({ length: n }, () => rng.pick(FILLER_WORDS)),
  };
}

describe('registry', () => {
  it('appends at least 30 verigen ids after IFEval\'s, without touching IFEval\'s order', () => {
    expect(EXTENDED_IDS.length).toBeGreaterThanOrEqual(30);
    expect(ALL_CONSTRAINTS.map((c) => c.id)).toEqual([...IFEVAL_IDS, ...EXTENDED_IDS]);
    expect(CONSTRAINTS.map((c) => c.id)).toEqual([...IFEVAL_IDS]);
    for (const id of EXTENDED_IDS) expect(id).toMatch(/^verigen:[a-z]+:[a-z_]+$/);
    expect(Object.keys(CASES).sort()).toEqual([...EXTENDED_IDS].sort());
  });

  it('lists conflicts only with registered ids, never with itself', () => {
    for (const c of EXTENDED_CONSTRAINTS) {
      for (const other of c.conflicts ?? []) {
        expect(getConstraint(other)).toBeDefined();
        expect(other).not.toBe(c.id);
      }
    }
  });
});

describe.each(Object.keys(CASES))('%s', (id) => {
  const def = byId(id);
  const { kwargs, pass, fail } = CASES[id]!;
  const k = def.parse(kwargs);

  it('passes and fails the hand-worked cases, with a detail', () => {
    for (const r of pass) expect([r, def.check(r, k).pass, def.check(r, k).detail]).toEqual([r, true, expect.any(String)]);
    for (const r of fail) expect([r, def.check(r, k).pass]).toEqual([r, false]);
    expect(def.check(fail[0]!, k).detail.length).toBeGreaterThan(5);
  });

  it('refuses missing and unknown kwargs, naming the field', () => {
    for (const spec of def.kwargs) {
      const raw = { ...kwargs };
      delete raw[spec.name];
      expect(() => def.parse(raw)).toThrow(KwargsError);
      try {
        def.parse(raw);
      } catch (e) {
        expect((e as KwargsError).field).toBe(spec.name);
      }
    }
    try {
      def.parse({ ...kwargs, bogus: 1 });
      throw new Error('accepted an unknown kwarg');
    } catch (e) {
      expect(e).toBeInstanceOf(KwargsError);
      expect((e as KwargsError).field).toBe('bogus');
    }
  });

  it('has a witness step that satisfies the check from plain text, for its own and sampled kwargs', () => {
    expect(WITNESS_PHASES).toContain(def.witness!.phase);
    for (let seed = 0; seed < 8; seed++) {
      const ctx = ctxFor(`w${seed}`);
      const base = ctx.sentences(4).join(' ');
      const own = def.witness!.apply(base, k, ctx);
      expect([own, def.check(own, k).detail, def.check(own, k).pass]).toEqual([own, expect.any(String), true]);
      const sampled = def.parse(def.sample!(new Rng(`s${seed}`), 1 + (seed % 5)));
      const out = def.witness!.apply(base, sampled, ctx);
      expect([JSON.stringify(sampled), out, def.check(out, sampled).pass]).toEqual([JSON.stringify(sampled), out, true]);
    }
  });

  it('renders at least 3 phrasings that mention the kwargs values', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const sampled = def.sample!(new Rng(`d${seed}`), 3);
      const text = def.describe!(def.parse(sampled), new Rng(`p${seed}`));
      seen.add(def.describe!(k, new Rng(`p${seed}`)));
      for (const v of Object.values(sampled)) {
        const shown = v === '\n\n' ? 'blank line' : String(v);
        expect([text, text.toLowerCase().includes(shown.toLowerCase())]).toEqual([text, true]);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});

describe('kwargs refusals beyond missing fields', () => {
  const refuse = (id: string, raw: unknown, field: string) => {
    try {
      byId(id).parse(raw);
      throw new Error(`${id} accepted ${JSON.stringify(raw)}`);
    } catch (e) {
      expect(e).toBeInstanceOf(KwargsError);
      expect((e as KwargsError).field).toBe(field);
    }
  };
  it('names the field of an inverted range, a bad word, letter, template or date', () => {
    refuse('verigen:length:word_range', { min_words: 5, max_words: 4 }, 'max_words');
    refuse('verigen:length:sentence_range', { min_sentences: 3, max_sentences: 2 }, 'max_sentences');
    refuse('verigen:length:paragraph_range', { separator: '', min_paragraphs: 1, max_paragraphs: 2 }, 'separator');
    refuse('verigen:words:first_word', { first_word: 'two words' }, 'first_word');
    refuse('verigen:words:sentence_first_letter', { letter: 'ab' }, 'letter');
    refuse('verigen:words:sentence_first_letter', { letter: '1' }, 'letter');
    refuse('verigen:keywords:exact_count', { keyword: 'a.b', count: 1 }, 'keyword');
    refuse('verigen:keywords:letter_at_most', { letter: 'z', max_count: -1 }, 'max_count');
    refuse('verigen:punctuation:end_char', { char: '!!' }, 'char');
    refuse('verigen:format:output_template', { template: 'Answer:' }, 'template');
    refuse('verigen:format:output_template', { template: '{answer} {answer}' }, 'template');
    refuse('verigen:content:iso_date', { date: '2024-02-30' }, 'date');
    refuse('verigen:content:iso_date', { date: '24-02-03' }, 'date');
  });
});

describe('witness helpers', () => {
  it('spells numbers out in words', () => {
    expect(spellNumber('0')).toBe('zero');
    expect(spellNumber('42')).toBe('forty-two');
    expect(spellNumber('305')).toBe('three hundred five');
    expect(spellNumber('12000')).toBe('twelve thousand');
    expect(spellNumber('12345678')).toBe('one two three four five six seven eight');
  });

  it('keeps earlier steps: a witness for sub-bullets then title case passes both', () => {
    const ctx = ctxFor('combo');
    const sub = byId('verigen:format:sub_bullets');
    const title = byId('verigen:format:title_case');
    const ks = sub.parse({ min_sub: 3 });
    const out = title.witness!.apply(sub.witness!.apply(ctx.sentences(2).join(' '), ks, ctx), {}, ctx);
    expect(sub.check(out, ks).pass).toBe(true);
    expect(title.check(out, {}).pass).toBe(true);
  });
});

const PIECES = ['*', '-', ' - ', '[', ']', '"', "'", '.', '!', '?', '\n', '\n\n', '\r', '\t', ' ', '\u00a0', '\u2028', '\ufeff', '\u0000', '\ud800', '\udc00', '😀', '\ufe0f', '1', '٣', 'a', 'Z', 'plan', 'river', 'now', 'So', '{answer}', 'Answer: ', '1. ', '  - ', '- ', '2024-03-05', 'step by step', 'Mr.', 'e.g.', '...'];

describe('totality and linear time', () => {
  const ids = Object.keys(CASES);
  it.each(ids)('%s returns a verdict on any string', (id) => {
    const def = byId(id);
    const k = def.parse(CASES[id]!.kwargs);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''))), (s) => {
        const r = def.check(s, k);
        return typeof r.pass === 'boolean' && typeof r.detail === 'string';
      }),
      { numRuns: 300 },
    );
  });

  const adversarial: [string, string][] = [
    ['quotes', '"'.repeat(1 << 20)],
    ['open quote then words', '"' + 'a'.repeat((1 << 20) - 1)],
    ['brackets', '[a'.repeat(1 << 19)],
    ['hyphens', '-'.repeat(1 << 20)],
    ['spaces', ' '.repeat(1 << 20) + 'x'],
    ['lines', '\n'.repeat(1 << 20)],
    ['sentences', 'So now a plan. '.repeat(1 << 16)],
    ['one word', 'a'.repeat(1 << 20)],
    ['digits', '2024-03-0'.repeat(1 << 17)],
    ['stars', '* '.repeat(1 << 19)],
  ];
  it.each(ids)('%s checks a 1 MB input in linear time', (id) => {
    const def = byId(id);
    const k = def.parse(CASES[id]!.kwargs);
    for (const [name, s] of adversarial) {
      const t0 = process.hrtime.bigint();
      def.check(s, k);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      // A quadratic scan of 1 MB takes minutes; a linear one well under this bound even on a shared 2-core machine.
      expect([name, ms < 4000]).toEqual([name, true]);
    }
  });
});

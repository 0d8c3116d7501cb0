/** The engine's contract: quotes and code, normalisation, offsets, totality, linear time, trigger completeness. */
import fc from 'fast-check';
import { checkPurity, checkPurityAllRules } from '../../src/purity/index.js';
import { maskedRanges, prepareText } from '../../src/purity/prepare.js';

const flagged = (text: string) => checkPurity(text).length > 0;

describe('quotes and code are not the speaker', () => {
  it.each([
    'The character says "I feel lost".',
    'She wrote, \u201cI love this city.\u201d',
    "The lyric goes 'I wish I could fly'.",
    'The note said \u2018I will always love you\u2019.',
    'The French \u00abI love you\u00bb is common.',
    'Run `echo "I hate bugs"` now.',
    '```\nI love this line\n```',
    '~~~\nI think so\n~~~',
  ])('%s', (text) => expect(flagged(text)).toBe(false));

  it('still flags the speaker next to a quote', () => {
    const text = 'She said "no way". I love it.';
    expect(checkPurity(text)).toEqual([expect.objectContaining({ rule: 'preference.verb', match: 'I love' })]);
  });

  it('an unclosed quote or fence hides nothing', () => {
    expect(flagged('He said "hello. I love jazz.')).toBe(true);
    expect(flagged('```\nI love jazz.')).toBe(true);
    expect(flagged('\u201cOops. I love jazz.')).toBe(true);
  });

  it('a single quoted word is a mention, not a hidden claim', () => {
    expect(flagged('I "love" jazz.')).toBe(true);
    expect(flagged('The word "love" has four letters.')).toBe(false);
  });

  it('apostrophes are not quotes', () => {
    expect(maskedRanges("i'm sure it's the users' data, isn't it")).toEqual([]);
    expect(flagged("I'm sure it's fine, but I'm curious.")).toBe(true);
  });

  it('blanks keep offsets and newlines', () => {
    const text = 'A "b c" d\n`e f`';
    const prepared = prepareText(text);
    expect(prepared.length).toBe(text.length);
    expect(prepared).toBe('a       d\n     ');
  });
});

describe('case, contractions and adverbs do not defeat it', () => {
  it.each([
    'I LOVE JAZZ.',
    'i love jazz',
    'I\u2019m curious.',
    'I\u02bcm curious.',
    'I do not have feelings.',
    "I don't have feelings.",
    'I really do love jazz.',
    "I genuinely don't feel anything.",
    'I, too, love jazz.',
    'I have always, honestly, preferred tea.',
    'I might be a little curious.',
    'Im so happy.',
    'I\u00a0love\u00a0jazz.',
    'I\tlove jazz.',
  ])('%s', (text) => expect(flagged(text)).toBe(true));
});

describe('offsets point into the original text', () => {
  it.each([
    ['\u{1F600} I love jazz.', 'I love'],
    ['\u0130stanbul. I love jazz.', 'I love'],
    ['\u212A. I love jazz.', 'I love'],
    ['Caf\u00e9 \u2014 I really love it.', 'I really love'],
  ])('%s', (text, span) => {
    const [finding] = checkPurity(text);
    expect(finding).toBeDefined();
    expect(finding!.start).toBe(text.indexOf(span));
    expect(text.slice(finding!.start, finding!.end)).toBe(span);
    expect(finding!.match).toBe(span);
  });

  it('every finding of random text is its own slice', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('I love jazz.', "I'm curious.", 'As an AI, I cannot.', ''), (noise, claim) => {
        const text = `${noise} ${claim} ${noise}`;
        for (const f of checkPurity(text)) {
          expect(text.slice(f.start, f.end)).toBe(f.match);
          expect(f.end).toBeGreaterThan(f.start);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('totality', () => {
  it.each([
    '',
    ' ',
    '\ud800',
    '\udc00I love jazz\ud800',
    '\u0000\u0001\u0002 I love jazz',
    '"'.repeat(1000),
    '`'.repeat(1000),
    "'".repeat(1000),
    '{{'.repeat(500),
    'I'.repeat(5000),
  ])('never throws on %j', (text) => {
    expect(() => checkPurity(text)).not.toThrow();
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(Array.isArray(checkPurity(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('returns nothing for non-strings instead of throwing', () => {
    expect(checkPurity(undefined as unknown as string)).toEqual([]);
    expect(checkPurity(42 as unknown as string)).toEqual([]);
  });
});

describe('trigger words lose no finding', () => {
  // The fast path (trigger and needed words first) must agree with running every pattern on every text.
  const WORDS = [
    'I', "I'm", 'we', 'my', 'me', 'you', 'really', 'do', "don't", 'not', 'love', 'feel', 'think', 'hope', 'curious',
    'favourite', 'as', 'an', 'AI', 'language', 'model', 'friends', 'remember', 'saw', 'have', 'feelings', 'taste',
    'wish', 'what', 'a', 'beautiful', 'poem', '!', ',', '.', 'happy', 'to', 'help', 'sorry', 'conscious', 'find', 'this',
    'fascinating', 'just', 'here', 'for', 'makes', 'smile', 'something', 'like', 'curiosity', 'in', 'opinion', '"', '`',
  ];
  it('on random word sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }), (words) => {
        const text = words.join(' ');
        expect(checkPurity(text)).toEqual(checkPurityAllRules(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('linear time', () => {
  const cpuMs = (f: () => void): number => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const c0 = process.cpuUsage();
      f();
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000);
    }
    return best;
  };
  // Inputs built to provoke backtracking: long runs of subjects, fillers, separators, quote openers.
  const ADVERSARIAL: Array<[string, (n: number) => string]> = [
    ['subjects and fillers', (n) => 'I am so so so really very '.repeat(n / 26)],
    ['claims', (n) => 'I love jazz. '.repeat(n / 13)],
    ['separators', (n) => 'I, , , , , (  ) '.repeat(n / 16)],
    ['single-quote openers', (n) => " 'a b".repeat(n / 5)],
    ['curly openers', (n) => '\u201ca b '.repeat(n / 5)],
    ['backtick runs', (n) => Array.from({ length: n / 20 }, (_, k) => '`'.repeat((k % 16) + 1) + ' x ').join('')],
    ['hedges', (n) => 'something like a kind of '.repeat(n / 25) + 'curiosity me'],
    ['one long word', (n) => `I ${'a'.repeat(n)} fascinating`],
  ];
  it.each(ADVERSARIAL)('%s: 4x the input costs at most ~4x the time', (_name, make) => {
    const small = make(50_000);
    const large = make(200_000);
    const tSmall = cpuMs(() => checkPurity(small));
    const tLarge = cpuMs(() => checkPurity(large));
    // Quadratic behaviour would give 16x; allow noise on a shared machine.
    expect(tLarge).toBeLessThan(Math.max(10 * tSmall, 40));
  });
});

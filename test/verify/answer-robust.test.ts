/**
 * Totality and linear time of the answer verifier on hostile input: huge responses, lone surrogates, control
 * characters, deep or unclosed braces, long separator runs. Time bounds are loose (the machine is shared); a
 * quadratic path on these sizes would take hours, not seconds.
 */
import fc from 'fast-check';
import type { AnswerTruth } from '../../src/families/inference/answer-truth.js';
import { verifyAnswer } from '../../src/verify/answer.js';
import { extractAnswer } from '../../src/verify/answer/extract.js';

const TRUTHS: AnswerTruth[] = [
  { answer: 'Paris', type: 'string', aliases: ['paris, france'] },
  { answer: 'dlroW', type: 'string', case_sensitive: true },
  { answer: '17.50', type: 'number', units: ['$', 'dollars', 'USD', '%', 'km'], tolerance: 0.001 },
  { answer: '7', type: 'number' },
  { answer: '2024-03-05', type: 'date' },
  { answer: 'a, b, c', type: 'list' },
  { answer: 'a, b, c', type: 'list', ordered: false },
  { answer: 'yes', type: 'boolean' },
];

function isVerdict(v: unknown): boolean {
  const o = v as { pass: unknown; score: unknown; checks: unknown };
  return typeof o.pass === 'boolean' && (o.score === 0 || o.score === 1) && Array.isArray(o.checks) && o.checks.length > 0;
}

/** Runs every truth on the response; returns the slowest time in ms. */
function slowest(response: string): number {
  let worst = 0;
  for (const t of TRUTHS) {
    const t0 = performance.now();
    const v = verifyAnswer(t, response);
    worst = Math.max(worst, performance.now() - t0);
    expect(isVerdict(v)).toBe(true);
  }
  return worst;
}

const MB5 = 5 * 1024 * 1024;
// 1 MB is plenty to expose a quadratic path (10^12 steps); the 5 MB cases show the size itself is handled.
const MB1 = 1024 * 1024;
const HOSTILE: Array<[string, () => string]> = [
  ['5 MB of prose ending in an answer line', () => 'word '.repeat(MB5 / 5) + '\nAnswer: 7'],
  ['5 MB of spaces', () => ' '.repeat(MB5)],
  ['5 MB of one long line of digits and commas', () => '1,'.repeat(MB5 / 2)],
  ['5 MB of digit groups', () => '1' + ',000'.repeat(MB5 / 4)],
  ['1 MB of spaces between "and"', () => ('a' + ' '.repeat(1000) + 'and').repeat(MB1 / 1004)],
  ['1 MB of list bullets', () => '- a\n'.repeat(MB1 / 4)],
  ['1 MB of "a and "', () => 'a and '.repeat(MB1 / 6)],
  ['1 MB of "a & "', () => 'a & '.repeat(MB1 / 4)],
  ['1 MB of newlines', () => '\n'.repeat(MB1)],
  ['1 MB of "Answer:" lines with nothing after', () => 'Answer:\n'.repeat(MB1 / 8)],
  ['100k nested braces in a box', () => '\\boxed{' + '{'.repeat(100_000) + '7' + '}'.repeat(100_000) + '}'],
  ['100k unclosed braces', () => '\\boxed{' + '{'.repeat(100_000)],
  ['100k unclosed boxes', () => '\\boxed{'.repeat(100_000)],
  ['100k closed boxes', () => '\\boxed{1}'.repeat(100_000)],
  ['100k opening answer tags', () => '<answer>'.repeat(100_000) + '</answer>'],
  ['100k closing answer tags', () => '</answer>'.repeat(100_000)],
  ['100k "<" then spaces', () => '<   '.repeat(100_000)],
  ['emphasis runs', () => '*'.repeat(MB1 / 2) + '7' + '*'.repeat(MB1 / 2)],
  ['quote runs', () => '"'.repeat(MB1 / 2) + '7' + '"'.repeat(MB1 / 2)],
  ['trailing punctuation', () => '7' + '.'.repeat(MB1)],
  ['lone surrogates', () => '\uD800\uDC00\uDFFF\uD800 7 \uDBFF'.repeat(10_000)],
  ['control characters', () => '\u0000\u0001\u0007\u001B[31m\u007F\u0085\u2028\u2029'.repeat(10_000) + '7'],
  ['a huge number', () => '9'.repeat(MB5)],
  ['a huge exponent', () => '1e' + '9'.repeat(1000)],
  ['LaTeX noise in a box', () => '\\boxed{' + '\\text{'.repeat(50_000) + '}'.repeat(50_000) + '}'],
];

describe('verifyAnswer on hostile input', () => {
  it.each(HOSTILE)('%s: a verdict, quickly', (_name, make) => {
    const response = make();
    expect(slowest(response)).toBeLessThan(15_000);
  });

  it('still finds a box under 100k nested braces', () => {
    const response = '\\boxed{' + '{'.repeat(100_000) + '7' + '}'.repeat(100_000) + '}';
    expect(verifyAnswer({ answer: '7', type: 'number' }, response).pass).toBe(true);
  });

  it('still finds the answer line at the end of 5 MB', () => {
    expect(verifyAnswer({ answer: '7', type: 'number' }, 'word '.repeat(MB5 / 5) + '\nAnswer: 7').pass).toBe(true);
  });

  it('grows about linearly: 4x the input costs far less than 16x the time', () => {
    // Median of 3 to damp noise from the shared machine; a quadratic path would show a ratio near 16.
    const time = (n: number) => {
      const r = ('a' + ' '.repeat(50) + 'and, ').repeat(n) + '\n- 1,234\n';
      const ts: number[] = [];
      for (let k = 0; k < 3; k++) ts.push(slowest(r));
      return ts.sort((a, b) => a - b)[1]!;
    };
    const small = time(5_000);
    const big = time(20_000);
    expect(big / Math.max(small, 1)).toBeLessThan(10);
  });
});

describe('verifyAnswer and Object.prototype', () => {
  // Word tables are Maps: these words must read as plain unknown words, not as inherited members.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('%s is not a number, month, weekday or boolean', (w) => {
    expect(verifyAnswer({ answer: '5', type: 'number' }, w).checks[1]!.detail).toContain('no number');
    expect(verifyAnswer({ answer: '2024-03-05', type: 'date' }, `${w} 5 2024`).pass).toBe(false);
    expect(verifyAnswer({ answer: '2024-03-05', type: 'date' }, `${w}, 2024-03-05`).pass).toBe(false);
    expect(verifyAnswer({ answer: 'yes', type: 'boolean' }, w).checks[1]!.detail).toContain('not a bare yes/no');
    expect(verifyAnswer({ answer: '5', type: 'number', units: [w] }, `5 ${w}`).pass).toBe(true);
  });
});

describe('verifyAnswer never throws', () => {
  // Any UTF-16 code units, lone surrogates and controls included, mixed with the fragments the parsers look for.
  const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((a) => String.fromCharCode(...a));
  const fragments = fc.constantFrom(
    '<answer>', '</answer>', '<ANSWER>', '\\boxed{', '\\fbox{', '{', '}', '\\{', '\\text{', '\\,', '\\%', 'Answer:',
    '**Final answer:**', 'The answer is', '\n', '\r\n', ' ', ',', ';', ' and ', '&', '- ', '1. ', '(2) ', '1,234',
    '1 234', '.5', '-', '\u2212', 'e-3', '× 10^', '10⁻³', '$', '%', 'km', 'USD', 'twelve', 'March', '5th', '2024',
    '2024-03-05', '03/05/2024', 'Tuesday,', 'yes', 'No', '"', '\u201C', '*', '_', '~~', '.', '?', '\uD800', '\u0000',
    'constructor', '__proto__', 'toString',
  );
  const response = fc.array(fc.oneof(codeUnits, fragments), { maxLength: 30 }).map((parts) => parts.join(''));

  it('returns a well-formed verdict for every truth', () => {
    fc.assert(
      fc.property(response, fc.constantFrom(...TRUTHS), (r, t) => {
        expect(isVerdict(verifyAnswer(t, r))).toBe(true);
      }),
      { numRuns: 3000, seed: 20250101 },
    );
  });

  it('accepts any truth the generators could write, on any response', () => {
    const truth = fc.record({
      answer: response,
      type: fc.constantFrom('string', 'number', 'date', 'list', 'boolean') as fc.Arbitrary<AnswerTruth['type']>,
      aliases: fc.option(fc.array(response, { maxLength: 3 }), { nil: undefined }),
      case_sensitive: fc.option(fc.boolean(), { nil: undefined }),
      tolerance: fc.option(fc.oneof(fc.double(), fc.constant(0)), { nil: undefined }),
      units: fc.option(fc.array(response, { maxLength: 3 }), { nil: undefined }),
      ordered: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(truth, response, (t, r) => {
        expect(isVerdict(verifyAnswer(t, r))).toBe(true);
        // An answer that carries no extraction marker is its own best response.
        if (t.answer.trim() !== '' && extractAnswer(t.answer).method === 'whole response') {
          expect(verifyAnswer(t, t.answer).pass).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

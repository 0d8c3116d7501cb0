/**
 * The parts of the answer verifier on their own: extraction, wrappers and folding, numbers, dates, lists. Expected
 * values are worked out by hand, or (weekdays, month lengths) computed independently with Date.UTC.
 */
import { daysInMonth, parseDate, weekday } from '../../src/verify/answer/date.js';
import { cleanLatex, extractAnswer } from '../../src/verify/answer/extract.js';
import { compareLists, elementKey, splitList } from '../../src/verify/answer/list.js';
import { collapseWhitespace, normalizeAnswerText, stripWrappers } from '../../src/verify/answer/normalize.js';
import { decimalsEqual, parseNumber, unitSpellings } from '../../src/verify/answer/number.js';
import { normalizeAnswerText as exported } from '../../src/verify/answer.js';

describe('extractAnswer', () => {
  it.each([
    ['<answer>a</answer> \\boxed{b}\nAnswer: c', 'a', 'answer tag'],
    ['\\boxed{b}\nAnswer: c', 'b', 'boxed'],
    ['Answer: c\nmore text', 'c', 'answer line'],
    ['just text', 'just text', 'whole response'],
    ['\\boxed{\\boxed{7}}', '7', 'boxed'], // the last-opened box is the inner one
    ['\\boxed{a \\{b\\} c}', 'a \\b\\ c', 'boxed'], // escaped braces do not close the box; cleanLatex drops the braces
    ['\\boxed{unclosed', '\\boxed{unclosed', 'whole response'],
    ['\\boxed {9}', '9', 'boxed'],
    ['The final answer is 12', '12', 'answer line'],
    ['  ### **Final Answer**\n\n- a\n- b', '- a\n- b', 'answer line'],
    ['Answers vary: 3', 'Answers vary: 3', 'whole response'],
    ['Answer 5', 'Answer 5', 'whole response'], // "Answer" needs a colon unless it stands alone
    ['x\r\nAnswer: 5\r\n', '5', 'answer line'],
  ])('%j → %j by %s', (response, text, method) => {
    expect(extractAnswer(response)).toEqual({ text, method });
  });

  it('cleans the LaTeX a model writes in a box', () => {
    expect(cleanLatex('12\\,\\text{km}')).toBe('12 km');
    expect(cleanLatex('1{,}234')).toBe('1,234');
    expect(cleanLatex('1.5 \\times 10^{3}')).toBe('1.5 × 10^3');
    expect(cleanLatex('\\$17.50')).toBe('$17.50');
    expect(cleanLatex('45\\%')).toBe('45%');
    expect(cleanLatex('\\mathrm{Paris}')).toBe('Paris');
  });
});

describe('stripWrappers, foldText, normalizeAnswerText', () => {
  it.each([
    ['**"Paris".**', 'Paris'],
    ["It's", "It's"],
    ['"Paris', '"Paris'],
    ['~~x~~', 'x'],
    ['$5$', '5'],
    ['$5', '$5'],
    ['«x»', 'x'],
    ['  __x__ !?', 'x'],
    ['***', '***'],
    ['""', '""'],
  ])('stripWrappers(%j) = %j', (input, out) => {
    expect(stripWrappers(input)).toBe(out);
  });

  it('folds case, composition and whitespace, and keeps case when asked', () => {
    expect(normalizeAnswerText('**"Hello,\u00A0\t World!"**')).toBe('hello, world');
    expect(normalizeAnswerText(' HeLLo  ', true)).toBe('HeLLo');
    expect(normalizeAnswerText('Cafe\u0301')).toBe('caf\u00E9');
    expect(exported).toBe(normalizeAnswerText);
  });

  it('collapses whitespace without touching lone surrogates, and returns clean text as is', () => {
    expect(collapseWhitespace(' a\uD800 \n\t b\uDC00 ')).toBe('a\uD800 b\uDC00');
    const clean = 'a b c';
    expect(collapseWhitespace(clean)).toBe(clean);
    const long = ('x  y\n').repeat(20_000);
    expect(collapseWhitespace(long)).toBe(long.replace(/\s+/g, ' ').trim());
  });
});

describe('numbers', () => {
  const val = (s: string, units: string[] = []) => {
    const p = parseNumber(s, unitSpellings(units));
    return p.ok ? p.num.value : null;
  };
  it.each([
    ['1,234.5', 1234.5],
    ['1 234 567.25', 1234567.25],
    ['-0.001', -0.001],
    ['\u22122.5', -2.5],
    ['+7', 7],
    ['.25', 0.25],
    ['3e-2', 0.03],
    ['6.02 × 10^23', 6.02e23],
    ['1.5x10^{-3}', 0.0015],
    ['twenty', 20],
    ['zero', 0],
    ['1,23', null],
    ['1,2345', null],
    ['12,34,567', null], // Indian grouping is not read
    ['1.234,5', null],
    ['5 6', null],
    ['5-6', null],
    ['5/6', null],
    ['e5', null],
    ['- 5', null],
    ['', null],
  ])('%j → %p', (s, v) => {
    expect(val(s)).toBe(v);
  });

  it('reads units on either side, case-insensitively, with currency synonyms and plurals', () => {
    expect(val('usd 17.5', ['$'])).toBe(17.5);
    expect(val('17.5$', ['$'])).toBe(17.5);
    expect(val('-$3', ['dollars'])).toBe(-3);
    expect(val('$-3', ['dollars'])).toBe(-3);
    expect(val('3 hour', ['hours'])).toBe(3);
    expect(val('£3', ['GBP'])).toBe(3);
    expect(val('£3', ['pounds'])).toBeNull(); // "pounds" may be a weight
    expect(val('3 kmh', ['km'])).toBeNull();
    expect(val('12 km', [])).toBeNull();
  });

  it('compares exact decimals without floating point', () => {
    const d = (s: string) => {
      const p = parseNumber(s, []);
      if (!p.ok) throw new Error(s);
      return p.num;
    };
    expect(decimalsEqual(d('12345678901234567890'), d('12345678901234567890.000'), undefined)).toBe(true);
    expect(decimalsEqual(d('12345678901234567890'), d('12345678901234567891'), undefined)).toBe(false);
    expect(decimalsEqual(d('0'), d('-0'), undefined)).toBe(true);
    expect(decimalsEqual(d('1000'), d('1e3'), undefined)).toBe(true);
    expect(decimalsEqual(d('10'), d('10.4'), 0.5)).toBe(true);
    expect(decimalsEqual(d('10'), d('10.6'), 0.5)).toBe(false);
    expect(decimalsEqual(d('10'), d('10.000000001'), 0)).toBe(true); // 1e-10 relative, under half a unit
    expect(decimalsEqual(d('0.33'), d('0.3300000001'), undefined)).toBe(true);
    expect(decimalsEqual(d('0.33'), d('0.331'), undefined)).toBe(false);
  });

  it('rounds at the last written digit of the answer, with carries, signs and exact halves', () => {
    const d = (s: string) => {
      const p = parseNumber(s, []);
      if (!p.ok) throw new Error(s);
      return p.num;
    };
    expect(decimalsEqual(d('0.1'), d('0.09999999999999999'), undefined)).toBe(true); // rounds up through a carry
    expect(decimalsEqual(d('-0.3'), d('-0.30000000000000004'), undefined)).toBe(true);
    expect(decimalsEqual(d('-0.3'), d('0.30000000000000004'), undefined)).toBe(false);
    // 1e12: a half-unit difference is 5e-13 relative, inside 1e-9, so only the rounding decides.
    expect(decimalsEqual(d('1000000000000'), d('1000000000000.4'), undefined)).toBe(true);
    expect(decimalsEqual(d('1000000000000'), d('1000000000000.5'), undefined)).toBe(false);
    expect(decimalsEqual(d('1000000000000'), d('1000000000000.6'), undefined)).toBe(false);
    expect(decimalsEqual(d('1000000000001'), d('1000000000000.6'), undefined)).toBe(true);
    expect(decimalsEqual(d('17.50'), d('17.5000000001'), undefined)).toBe(true);
  });
});

describe('dates', () => {
  it('computes weekdays and month lengths as Date.UTC does, 1970-2100', () => {
    for (let y = 1970; y <= 2100; y += 3) {
      for (let m = 1; m <= 12; m++) {
        expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
        for (const d of [1, 13, 28]) expect(weekday({ y, m, d })).toBe(new Date(Date.UTC(y, m - 1, d)).getUTCDay());
      }
    }
  });

  const iso = (s: string) => {
    const p = parseDate(s);
    return p.ok ? `${p.date.y}-${p.date.m}-${p.date.d}` : null;
  };
  it.each([
    ['2024-03-05', '2024-3-5'],
    ['2024.03.05', '2024-3-5'],
    ['5/5/2024', '2024-5-5'], // equal day and month cannot be misread
    ['13/01/2024', '2024-1-13'],
    ['01/13/2024', '2024-1-13'],
    ['01/02/2024', null],
    ['13/13/2024', null],
    ['2024-13-01', null],
    ['2024-02-30', null],
    ['1900-02-29', null], // 1900 is not a leap year
    ['2000-02-29', '2000-2-29'],
    ['tues. 5 mar. 2024', '2024-3-5'],
    ['thursday, 1st february 2024', '2024-2-1'],
    ['sept 22nd 2023', '2023-9-22'],
    ['march 11th, 2024', '2024-3-11'],
    ['march 11st, 2024', null],
    ['march 5', null],
    ['2024-03-05t00:00:00z', null],
    ['march 5, 2024 tuesday', null],
    ['tuesday', null],
  ])('%j → %p', (s, out) => {
    expect(iso(s)).toBe(out);
  });

  it('says why a weekday is wrong', () => {
    const p = parseDate('friday, 2024-03-05');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toBe('wrong weekday: 2024-03-05 is a Tuesday');
  });
});

describe('lists', () => {
  it.each([
    ['a, b; c', false, ['a', 'b', 'c']],
    ['[a, b, c]', false, ['a', 'b', 'c']],
    ['(1) a\n(2) b\n(3) c', false, ['a', 'b', 'c']],
    ['1) a\n2) b', false, ['a', 'b']],
    ['• a\n  • b', false, ['a', 'b']],
    ['a and b, c & d', false, ['a and b', 'c & d']],
    ['a and b, c & d', true, ['a', 'b', 'c', 'd']],
    ['a, b, and c', true, ['a', 'b', 'c']],
    ['Anderson, Sand', true, ['Anderson', 'Sand']], // "and" only as a word
    ['a,,b,', false, ['a', 'b']],
    ['1.5, 2.5', false, ['1.5', '2.5']],
  ])('splitList(%j, loose=%p)', (text, loose, out) => {
    expect(splitList(text, loose)).toEqual(out);
  });

  it('stops after one element more than the limit', () => {
    expect(splitList('a, b, c, d, e', false, 2)).toEqual(['a', 'b', 'c']);
  });

  it('keys elements by value for plain numbers and by normalized text otherwise', () => {
    expect(elementKey('3.0', false)).toBe(elementKey('3', false));
    expect(elementKey('**Apple**', false)).toBe(elementKey('apple', false));
    expect(elementKey('Apple', true)).not.toBe(elementKey('apple', true));
  });

  it('compares in order or as multisets', () => {
    expect(compareLists(['s:a', 's:b'], ['s:b', 's:a'], true)).not.toBeNull();
    expect(compareLists(['s:a', 's:b'], ['s:b', 's:a'], false)).toBeNull();
    expect(compareLists(['s:a', 's:a'], ['s:a', 's:b'], false)).not.toBeNull();
  });
});

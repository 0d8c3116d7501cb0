import { isPythonJson } from '../../src/text/pyjson.js';

// Python's json.loads accepts or raises; expectations from the json module's documented grammar.
describe('isPythonJson', () => {
  it.each([
    '{"a": 1}',
    '[1, 2.5e3, -0, true, false, null]',
    '"string"',
    ' \n 42 \t',
    '{"a": NaN, "b": Infinity, "c": -Infinity}',
    '"\\ud800"',
    '"\\u00e9\\n\\/"',
    '{"a": {"b": [[], {}]}}',
    '1E+5',
  ])('accepts %j', (s) => expect(isPythonJson(s)).toBe(true));
  it.each([
    '',
    ' ',
    '{"a": 1,}',
    '[1,]',
    "{'a': 1}",
    '{"a" 1}',
    '01',
    '1.',
    '-',
    '.5',
    '"\t"',
    '"\\x41"',
    '"\\u12g4"',
    '[] []',
    '\ufeff{}',
    'nan',
    '{"a": 1}}',
    '[',
    '"unterminated',
    '1e',
  ])('rejects %j', (s) => expect(isPythonJson(s)).toBe(false));
  it('handles deep nesting without recursion', () => {
    const depth = 100_000;
    expect(isPythonJson('['.repeat(depth) + ']'.repeat(depth))).toBe(true);
    expect(isPythonJson('['.repeat(depth) + ']'.repeat(depth - 1))).toBe(false);
  });
});

/**
 * Whether Python's `json.loads` accepts a string (IFEval's `detectable_format:json_format`). Python's decoder differs
 * from `JSON.parse`: it also accepts `NaN`, `Infinity` and `-Infinity`. Otherwise the grammar is JSON's: whitespace is
 * only space, tab, CR and LF; strings may not hold raw control characters; escapes are `"\/bfnrt` and `\uXXXX` (lone
 * surrogates allowed); numbers are `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?` in ASCII digits.
 *
 * A recognizer with an explicit stack: linear, never throws, no recursion. Python raises RecursionError (not a JSON
 * error) on nesting deeper than its recursion limit, ending the reference's whole run; here deep nesting is accepted.
 */

function skipWs(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i++;
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** End of the string literal starting at the opening quote `i`, or -1. */
function scanString(s: string, i: number): number {
  i++;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      const e = s[i + 1];
      if (e === undefined) return -1;
      if (e === 'u') {
        for (let k = 2; k < 6; k++) if (!isHex(s.charCodeAt(i + k))) return -1;
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(e)) return -1;
      i += 2;
      continue;
    }
    i++;
  }
  return -1;
}

/** End of the number starting at `i`, or -1. */
function scanNumber(s: string, i: number): number {
  if (s[i] === '-') i++;
  if (s[i] === '0') i++;
  else if (isDigit(s.charCodeAt(i)) && s[i] !== '0') {
    while (isDigit(s.charCodeAt(i))) i++;
  } else return -1;
  if (s[i] === '.' && isDigit(s.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(s.charCodeAt(i))) i++;
  }
  if (s[i] === 'e' || s[i] === 'E') {
    let j = i + 1;
    if (s[j] === '-' || s[j] === '+') j++;
    if (isDigit(s.charCodeAt(j))) {
      while (isDigit(s.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

const LITERALS = ['null', 'true', 'false', 'NaN', 'Infinity', '-Infinity'];

/** End of a scalar value at `i` (string, number, literal), or -1. */
function scanScalar(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return scanString(s, i);
  for (const lit of LITERALS) if (s.startsWith(lit, i)) return i + lit.length;
  if (c === '-' || isDigit(s.charCodeAt(i))) return scanNumber(s, i);
  return -1;
}

/** True when Python's `json.loads(s)` returns without raising a decode error. */
export function isPythonJson(s: string): boolean {
  // Stack of open containers: '{' or '['.
  const stack: string[] = [];
  let i = skipWs(s, 0);
  // expect: 'value' (a value must come), 'key' (an object key must come), 'after' (a value just ended)
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    if (expect === 'value') {
      const c = s[i];
      if (c === '{') {
        stack.push('{');
        i = skipWs(s, i + 1);
        if (s[i] === '}') {
          stack.pop();
          i++;
          expect = 'after';
        } else expect = 'key';
        continue;
      }
      if (c === '[') {
        stack.push('[');
        i = skipWs(s, i + 1);
        if (s[i] === ']') {
          stack.pop();
          i++;
          expect = 'after';
        }
        continue;
      }
      const end = scanScalar(s, i);
      if (end < 0) return false;
      i = end;
      expect = 'after';
      continue;
    }
    if (expect === 'key') {
      if (s[i] !== '"') return false;
      const end = scanString(s, i);
      if (end < 0) return false;
      i = skipWs(s, end);
      if (s[i] !== ':') return false;
      i = skipWs(s, i + 1);
      expect = 'value';
      continue;
    }
    // after a value
    i = skipWs(s, i);
    const top = stack[stack.length - 1];
    if (top === undefined) return i === s.length;
    const c = s[i];
    if (c === ',') {
      i = skipWs(s, i + 1);
      expect = top === '{' ? 'key' : 'value';
      continue;
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      stack.pop();
      i++;
      continue;
    }
    return false;
  }
}

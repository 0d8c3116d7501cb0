/**
 * IFEval group `detectable_content:`. A placeholder is `[` to the nearest `]` on the same line (`\[.*?\]`), so `[]`
 * counts. The postscript marker is searched anywhere, not only at a line start: `P.S.` matches `p. s.` in any case,
 * `P.P.S` matches `p. p. s` (with no final period), any other marker is found lowercased as a pattern.
 */
import { isPyWhitespaceCode as isWs, pyLower, pyStrip } from '../../../text/python.js';
import { compilePyPattern, pyRegExp } from './pattern.js';
import { defineConstraint, preview } from './types.js';

/** `len(re.findall(r"\[.*?\]", text))`, in one pass: a `[` with no `]` before the line ends starts no placeholder. */
export function countPlaceholders(text: string): number {
  let n = 0;
  let i = text.indexOf('[');
  while (i >= 0) {
    let j = i + 1;
    while (j < text.length && text[j] !== ']' && text[j] !== '\n') j++;
    if (j >= text.length) break;
    if (text[j] === ']') n++;
    i = text.indexOf('[', j + 1);
  }
  return n;
}

export const numberPlaceholders = defineConstraint<{ num_placeholders: number }>({
  id: 'detectable_content:number_placeholders',
  kwargs: [{ name: 'num_placeholders', kind: { type: 'int', min: 0 }, note: 'the reference draws a value for a negative one' }],
  check(response, { num_placeholders }) {
    const n = countPlaceholders(response);
    return { pass: n >= num_placeholders, detail: `found ${n} [placeholder](s); required at least ${num_placeholders}` };
  },
});

/** `p\.\s?p\.\s?s` (P.P.S) or `p\.\s?s\.` (P.S.) in lowercased text, with Python's `\s`. */
function findMarker(lower: string, pps: boolean): boolean {
  let i = lower.indexOf('p.');
  while (i >= 0) {
    let j = i + 2;
    if (isWs(lower.charCodeAt(j))) j++;
    if (pps) {
      if (lower.startsWith('p.', j)) {
        let k = j + 2;
        if (isWs(lower.charCodeAt(k))) k++;
        if (lower[k] === 's') return true;
      }
    } else if (lower.startsWith('s.', j)) return true;
    i = lower.indexOf('p.', i + 1);
  }
  return false;
}

export const postscript = defineConstraint<{ postscript_marker: string }>({
  id: 'detectable_content:postscript',
  kwargs: [{ name: 'postscript_marker', kind: { type: 'string' } }],
  check(response, { postscript_marker }) {
    const marker = pyStrip(postscript_marker);
    const lower = pyLower(response);
    let found: boolean;
    if (marker === 'P.P.S') found = findMarker(lower, true);
    else if (marker === 'P.S.') found = findMarker(lower, false);
    else found = pyRegExp(pyLower(marker), '').test(lower);
    const syntax = marker === 'P.P.S' || marker === 'P.S.' || compilePyPattern(pyLower(marker)).asPython ? '' : ' (regex syntax matched literally)';
    return { pass: found, detail: `postscript marker ${preview(marker)} ${found ? 'found' : 'not found'}${syntax}` };
  },
});

export const detectableContentConstraints = [numberPlaceholders, postscript] as const;

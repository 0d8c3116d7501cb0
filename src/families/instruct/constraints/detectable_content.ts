/**
 * IFEval group `detectable_content:`. A placeholder is `[` to the nearest `]` on the same line (`\[.*?\]`), so `[]`
 * counts. The postscript marker is searched anywhere, not only at a line start: `P.S.` matches `p. s.` in any case,
 * `P.P.S` matches `p. p. s` (with no final period), any other marker is found lowercased as a pattern.
 */
import { isPyWhitespaceCode as isWs, pyLower, pyStrip } from '../../../text/python.js';
import { compilePyPattern, pyRegExp } from './pattern.js';
import { defineConstraint, preview } from './types.js';
import { PLACEHOLDER_NAMES } from '../data/filler.js';
import { plural, scaled } from '../describe-util.js';
import { appendSentences } from '../witness-util.js';

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
  sample: (rng, difficulty) => ({ num_placeholders: scaled(rng, difficulty, 1, 4) }),
  describe({ num_placeholders: n }, rng) {
    return rng.pick([
      `The response must contain at least ${plural(n, 'placeholder', 'placeholders')} represented by square brackets, such as [address].`,
      `Include ${n} or more placeholders in square brackets, for example [name].`,
      `Leave at least ${n} ${n === 1 ? 'blank' : 'blanks'} for the reader to fill in, each written as a word in square brackets like [date].`,
    ]);
  },
  witness: {
    phase: 'content',
    apply(response, { num_placeholders }, ctx) {
      const need = num_placeholders - countPlaceholders(response);
      if (need <= 0) return response;
      const names = ctx.rng.shuffle(PLACEHOLDER_NAMES);
      const slots: string[] = [];
      for (let i = 0; i < need; i++) slots.push(`[${names[i % names.length]}]`);
      return appendSentences(response, [`The form asks for ${slots.join(' and ')}.`]);
    },
  },
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
  sample: (rng) => ({ postscript_marker: rng.pick(['P.S.', 'P.P.S']) }),
  describe({ postscript_marker: m }, rng) {
    return rng.pick([
      `At the end of your response, please explicitly add a postscript starting with ${m}`,
      `Finish with a postscript that begins with "${m}".`,
      `Add a short note after the main text, starting with ${m}`,
    ]);
  },
  witness: {
    phase: 'structure',
    apply: (response, { postscript_marker }, ctx) => `${pyStrip(response)}\n${postscript_marker} ${ctx.sentences(1)[0]}`,
  },
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

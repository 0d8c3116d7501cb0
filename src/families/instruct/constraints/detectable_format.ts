/**
 * IFEval group `detectable_format:`, with the reference's readings:
 * - bullets: lines matching `^\s*\*[^\*].*$` plus lines matching `^\s*-.*$` (multiline). `\s*` crosses blank lines,
 *   and `[^\*]` may be the newline, so a lone `*` line is a bullet that swallows the next line;
 * - highlights: every `*text*` with non-blank text counts once, and every `**text**` counts once more;
 * - sections: occurrences of the splitter followed by a number (`\s?SPLITTER\s?\d+\s?`), case-sensitive;
 * - JSON: after stripping and removing one leading ```` ```json ````/```` ```Json ````/```` ```JSON ````/```` ``` ````
 *   and one trailing ```` ``` ````, Python's `json.loads` must accept the rest (NaN and Infinity included);
 * - title: `<<…>>` on one line, from the first `<<` to the last `>>`, not blank once the brackets are stripped.
 */
import { isPyWhitespaceCode as isWs, pyStrip, pyStripChars, PY_DIGIT_CLASS, PY_WS_CLASS } from '../../../text/python.js';
import { isPythonJson } from '../../../text/pyjson.js';
import { compilePyPattern, countMatches, pyRegExp } from './pattern.js';
import { defineConstraint, preview } from './types.js';

/**
 * Matches of `^\s*X.*$` (multiline, non-overlapping) where X is '*' followed by a non-'*' (`star`) or '-'. The
 * leading `\s*` of every line start inside one whitespace run ends at the same place, so each run is judged once.
 */
function countLinePattern(text: string, star: boolean): number {
  let n = 0;
  let pos = 0;
  let runEnd = -1;
  let runFailed = false;
  while (pos <= text.length) {
    if (pos === 0 || text.charCodeAt(pos - 1) === 0x0a) {
      let e: number;
      let failed: boolean;
      if (pos <= runEnd) {
        e = runEnd;
        failed = runFailed;
      } else {
        e = pos;
        while (e < text.length && isWs(text.charCodeAt(e))) e++;
        failed = star ? !(text[e] === '*' && e + 1 < text.length && text[e + 1] !== '*') : text[e] !== '-';
        runEnd = e;
        runFailed = failed;
      }
      if (!failed) {
        n++;
        let end = star ? e + 2 : e + 1;
        while (end < text.length && text.charCodeAt(end) !== 0x0a) end++;
        pos = end;
        runEnd = -1;
        continue;
      }
    }
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break;
    pos = nl + 1;
  }
  return n;
}

export function countBullets(text: string): number {
  return countLinePattern(text, true) + countLinePattern(text, false);
}

export const numberBulletLists = defineConstraint<{ num_bullets: number }>({
  id: 'detectable_format:number_bullet_lists',
  kwargs: [{ name: 'num_bullets', kind: { type: 'int', min: 0 }, note: 'the reference draws a value for a negative one' }],
  check(response, { num_bullets }) {
    const n = countBullets(response);
    return { pass: n === num_bullets, detail: `found ${n} bullet line(s) (* or -); required exactly ${num_bullets}` };
  },
});

const CONSTRAINED_OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];

export const constrainedResponse = defineConstraint<Record<string, never>>({
  id: 'detectable_format:constrained_response',
  kwargs: [],
  check(response) {
    const s = pyStrip(response);
    const hit = CONSTRAINED_OPTIONS.find((o) => s.includes(o));
    return hit
      ? { pass: true, detail: `contains ${preview(hit)}` }
      : { pass: false, detail: `contains none of ${CONSTRAINED_OPTIONS.map((o) => preview(o)).join(', ')}` };
  },
});

/** Highlights as the reference counts them: `\*[^\n\*]*\*` matches with non-blank content, plus `\*\*[^\n\*]*\*\*` ones. */
export function countHighlights(text: string): number {
  let n = 0;
  // Single: from a '*', the next '*' or newline decides.
  let i = text.indexOf('*');
  while (i >= 0) {
    let j = i + 1;
    while (j < text.length && text[j] !== '*' && text[j] !== '\n') j++;
    if (j >= text.length) break;
    if (text[j] === '*') {
      if (pyStrip(text.slice(i + 1, j))) n++;
      i = text.indexOf('*', j + 1);
    } else i = text.indexOf('*', j);
  }
  // Double: "**", a run without '*' or newline, then "**".
  i = text.indexOf('**');
  while (i >= 0) {
    let k = i + 2;
    while (k < text.length && text[k] !== '*' && text[k] !== '\n') k++;
    if (text[k] === '*' && text[k + 1] === '*') {
      if (pyStrip(text.slice(i + 2, k))) n++;
      i = text.indexOf('**', k + 2);
    } else i = text.indexOf('**', k > i + 2 ? k : i + 1);
  }
  return n;
}

export const numberHighlightedSections = defineConstraint<{ num_highlights: number }>({
  id: 'detectable_format:number_highlighted_sections',
  kwargs: [{ name: 'num_highlights', kind: { type: 'int', min: 0 }, note: 'the reference draws a value for a negative one' }],
  check(response, { num_highlights }) {
    const n = countHighlights(response);
    return { pass: n >= num_highlights, detail: `found ${n} *highlighted* section(s); required at least ${num_highlights}` };
  },
});

export const multipleSections = defineConstraint<{ section_spliter: string; num_sections: number }>({
  id: 'detectable_format:multiple_sections',
  kwargs: [
    { name: 'section_spliter', kind: { type: 'string' } },
    { name: 'num_sections', kind: { type: 'int', min: 0 }, note: 'the reference draws a value for a negative one' },
  ],
  check(response, { section_spliter, num_sections }) {
    const splitter = pyStrip(section_spliter);
    const ws = `[${PY_WS_CLASS}]?`;
    const re = pyRegExp(splitter, 'g', ws, `${ws}[${PY_DIGIT_CLASS}]+${ws}`);
    const n = countMatches(re, response);
    const syntax = compilePyPattern(splitter).asPython ? '' : ' (regex syntax matched literally)';
    return { pass: n >= num_sections, detail: `found ${n} section(s) marked ${preview(splitter + ' N')}${syntax}; required at least ${num_sections}` };
  },
});

const FENCES = ['```json', '```Json', '```JSON', '```'];

export const jsonFormat = defineConstraint<Record<string, never>>({
  id: 'detectable_format:json_format',
  kwargs: [],
  check(response) {
    let s = pyStrip(response);
    // Python's chained removeprefix: each prefix is tried in turn on what the previous one left.
    for (const f of FENCES) if (s.startsWith(f)) s = s.slice(f.length);
    if (s.endsWith('```')) s = s.slice(0, -3);
    s = pyStrip(s);
    const ok = isPythonJson(s);
    return { pass: ok, detail: ok ? 'the response is valid JSON' : 'the response (fences removed) is not valid JSON' };
  },
});

/** Whether some `<<[^\n]+>>` match is non-blank once `<` are stripped left and `>` right. */
export function hasTitle(text: string): boolean {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const a = line.indexOf('<<');
    const b = line.lastIndexOf('>>');
    if (a >= 0 && b >= a + 3) {
      const inner = pyStrip(pyStripChars(line.slice(a, b + 2), '<').replace(/>+$/, ''));
      if (inner) return true;
    }
    lineStart = lineEnd + 1;
  }
  return false;
}

export const title = defineConstraint<Record<string, never>>({
  id: 'detectable_format:title',
  kwargs: [],
  check(response) {
    const ok = hasTitle(response);
    return { pass: ok, detail: ok ? 'a <<title>> was found' : 'no non-empty <<title>> on one line' };
  },
});

export const detectableFormatConstraints = [
  numberBulletLists,
  constrainedResponse,
  numberHighlightedSections,
  multipleSections,
  jsonFormat,
  title,
] as const;

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
import { plural, scaled } from '../describe-util.js';
import { appendSentences, capitalize, caseLike, groupSentences } from '../witness-util.js';

/** Words a highlight witness may wrap in asterisks: lowercase-initial (not a paragraph's first word), not after `[`. */
const HIGHLIGHT_WORD = /(?<![\p{L}\p{M}*[])[\p{Ll}\p{Lo}][\p{L}\p{M}]{3,}(?![\p{L}\p{M}*])/gu;
/** Words whose exact form another constraint reads ("My answer is yes."). */
const HIGHLIGHT_PROTECTED = new Set(['answer']);
const TITLE_WORDS = /[\p{L}\p{M}]+/gu;

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
  sample: (rng, difficulty) => ({ num_bullets: scaled(rng, difficulty, 1, 5) }),
  describe({ num_bullets: n }, rng) {
    return rng.pick([
      `Your answer must contain exactly ${plural(n, 'bullet point', 'bullet points')}. Use the markdown bullet points such as:\n* This is point 1.\n* This is point 2`,
      `Include a list of exactly ${n} ${n === 1 ? 'item' : 'items'}, each on its own line starting with "* ".`,
      `Use exactly ${n} markdown ${n === 1 ? 'bullet' : 'bullets'} (lines that start with an asterisk and a space); no other line may start with * or -.`,
    ]);
  },
  witness: {
    phase: 'structure',
    apply(response, { num_bullets }, ctx) {
      // Items without a final stop: the whole list joins one sentence, so sentence counts barely move.
      const items = ctx.sentences(num_bullets).map((s) => `* ${s.replace(/[.。।۔]+$/u, '')}`);
      return items.length ? `${pyStrip(response)}\n${items.join('\n')}` : response;
    },
  },
  check(response, { num_bullets }) {
    const n = countBullets(response);
    return { pass: n === num_bullets, detail: `found ${n} bullet line(s) (* or -); required exactly ${num_bullets}` };
  },
});

const CONSTRAINED_OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];

export const constrainedResponse = defineConstraint<Record<string, never>>({
  id: 'detectable_format:constrained_response',
  kwargs: [],
  sample: () => ({}),
  describe(_k, rng) {
    return rng.pick([
      `Answer with one of the following options: ('My answer is yes.', 'My answer is no.', 'My answer is maybe.')`,
      `Your reply must include one of these exact sentences: "My answer is yes.", "My answer is no." or "My answer is maybe."`,
      `Start or end with exactly one of the phrases My answer is yes. / My answer is no. / My answer is maybe.`,
    ]);
  },
  witness: {
    phase: 'content',
    apply: (response, _k, ctx) => `${ctx.rng.pick(CONSTRAINED_OPTIONS)} ${pyStrip(response)}`,
  },
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
  sample: (rng, difficulty) => ({ num_highlights: scaled(rng, difficulty, 1, 4) }),
  describe({ num_highlights: n }, rng) {
    return rng.pick([
      `Highlight at least ${plural(n, 'section', 'sections')} in your answer with markdown, i.e. *highlighted section*.`,
      `Mark ${n} or more parts of the response as highlighted by wrapping them in single asterisks, like *this*.`,
      `Use markdown emphasis (*text*) to highlight at least ${n} ${n === 1 ? 'phrase' : 'phrases'}.`,
    ]);
  },
  witness: {
    phase: 'structure',
    apply(response, { num_highlights }, ctx) {
      let text = response;
      for (let tries = 0; tries < 4; tries++) {
        let left = num_highlights - countHighlights(text);
        if (left <= 0) return text;
        const out = text.replace(HIGHLIGHT_WORD, (w) => (left > 0 && !HIGHLIGHT_PROTECTED.has(w) ? (left--, `*${w}*`) : w));
        if (left <= 0) return out;
        text = appendSentences(text, ctx.sentences(left));
      }
      return text;
    },
  },
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
  sample: (rng, difficulty) => ({ section_spliter: rng.pick(['Section', 'SECTION']), num_sections: scaled(rng, difficulty, 1, 5) }),
  describe({ section_spliter: s, num_sections: n }, rng) {
    return rng.pick([
      `Your response must have ${plural(n, 'section', 'sections')}. Mark the beginning of each section with ${s} X, such as:\n${s} 1\n[content of section 1]\n${s} 2\n[content of section 2]`,
      `Split the answer into ${n} ${n === 1 ? 'section' : 'sections'}, each starting with a line "${s} N" where N is the section number.`,
      `Organize your reply in ${plural(n, 'section', 'sections')}; label them ${s} 1, ${s} 2 and so on.`,
    ]);
  },
  witness: {
    phase: 'structure',
    apply(response, { section_spliter, num_sections }, ctx) {
      if (num_sections < 1) return response;
      const s = pyStrip(section_spliter);
      return groupSentences(response, num_sections, ctx)
        .map((g, i) => `${s} ${i + 1}\n${g.join(' ')}`)
        .join('\n\n');
    },
  },
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
  sample: () => ({}),
  describe(_k, rng) {
    return rng.pick([
      'Entire output should be wrapped in JSON format. You can use markdown ticks such as ```.',
      'Format your whole answer as valid JSON.',
      'Return the response as a JSON object and nothing else (a ```json fence is allowed).',
    ]);
  },
  witness: {
    phase: 'wrap',
    apply(response, _k, ctx) {
      const body = pyStrip(response);
      // A quoted response stays quoted: a JSON string literal starts and ends with a double quote.
      if (body.length > 1 && body.startsWith('"') && body.endsWith('"')) return JSON.stringify(body);
      const obj = `{"${caseLike(body, 'response')}": ${JSON.stringify(body)}}`;
      if (!ctx.rng.bool(0.5)) return obj;
      return `${caseLike(body, '```json')}\n${obj}\n${'```'}`;
    },
  },
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
  sample: () => ({}),
  describe(_k, rng) {
    return rng.pick([
      'Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.',
      'Give the response a title and put it inside double angle brackets, for example <<A Short Title>>.',
      'Start with a title written between << and >>.',
    ]);
  },
  witness: {
    phase: 'structure',
    apply(response) {
      const words = (pyStrip(response).match(TITLE_WORDS) ?? []).slice(0, 4);
      const title = words.length ? words.map((w) => capitalize(w)).join(' ') : 'Notes';
      return `<<${title}>>\n${pyStrip(response)}`;
    },
  },
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

/**
 * verigen group `format`: layout and fixed text. Lines are the parts of a split on `\n`; "blank" means only Python
 * whitespace. Fixed strings from kwargs (phrases, spans, templates) are matched literally and case-sensitively.
 */
import { caseOfCp, isPyWhitespaceCode as isWs, pyStrip } from '../../../text/python.js';
import { defineConstraint, KwargsError, parseKwargs, preview, type KwargSpec } from './types.js';
import { appendSentence, countLiteral, isBlank, nonBlankLines, phrase, sentencePieces } from './verigen-util.js';

/** A top-level bullet: `- ` or `* ` at column 0 then a non-space. A sub-bullet: spaces/tabs, then the same. */
function bulletKind(line: string): 'top' | 'sub' | null {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const c = line[i];
  if ((c !== '-' && c !== '*') || line[i + 1] !== ' ') return null;
  let j = i + 2;
  while (j < line.length && isWs(line.charCodeAt(j))) j++;
  if (j >= line.length) return null;
  return i === 0 ? 'top' : 'sub';
}

/** At least one top-level bullet and at least `min_sub` sub-bullets, counting only sub-bullets after a top-level one. */
export const subBullets = defineConstraint<{ min_sub: number }>({
  id: 'verigen:format:sub_bullets',
  kwargs: [{ name: 'min_sub', kind: { type: 'int', min: 1 } }],
  check(response, { min_sub }) {
    let top = 0;
    let sub = 0;
    for (const line of response.split('\n')) {
      const k = bulletKind(line);
      if (k === 'top') top++;
      else if (k === 'sub' && top > 0) sub++;
    }
    return { pass: top > 0 && sub >= min_sub, detail: `found ${top} top-level bullet(s) and ${sub} nested bullet(s) under them; required at least 1 and ${min_sub}` };
  },
  sample: (rng, difficulty) => ({ min_sub: rng.int(1, 1 + difficulty) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Use a bulleted list with nested bullets: at least ${k.min_sub} sub-bullet(s) indented under a "- " bullet.`,
      (k) => `Include at least ${k.min_sub} indented sub-bullet(s) ("  - item") beneath a top-level bullet.`,
      (k) => `Organize the answer as bullets with at least ${k.min_sub} nested sub-point(s), indenting each sub-point.`,
    ]),
  witness: {
    phase: 'structure',
    apply(response, { min_sub }, ctx) {
      const pieces = sentencePieces(response, ctx, min_sub + 1);
      return [`- ${pieces[0]}`, ...pieces.slice(1).map((p) => `  - ${p}`)].join('\n');
    },
  },
});

/** Every whitespace-separated field whose first character after leading punctuation is cased starts uppercase. */
function firstLowerField(text: string): string | null {
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
    const start = i;
    let decided = false;
    let bad = false;
    while (i < text.length && !isWs(text.charCodeAt(i))) {
      if (!decided) {
        const cp = text.codePointAt(i)!;
        const k = caseOfCp(cp);
        if (k !== null) {
          decided = true;
          bad = k === 'lower';
        } else if (/[\p{L}\p{N}]/u.test(String.fromCodePoint(cp))) decided = true; // a digit or uncased letter opens it
        if (cp > 0xffff) i++;
      }
      i++;
    }
    if (bad) return text.slice(start, Math.min(i, start + 40));
  }
  return null;
}

/**
 * Title case: in every whitespace-separated field, the first letter or digit, when it is a cased letter, is upper
 * (or title) case. Leading punctuation is skipped (`(the` must be `(The`); a field opening with a digit or an uncased
 * letter is free; the rest of a field is free (`McDonald`, `iPhone`-style inner capitals are fine, `don't` is `Don't`).
 */
export const titleCase = defineConstraint<Record<string, never>>({
  id: 'verigen:format:title_case',
  kwargs: [],
  check(response) {
    const bad = firstLowerField(response);
    return bad === null ? { pass: true, detail: 'every word starts with a capital letter' } : { pass: false, detail: `the word ${preview(bad)} starts with a lowercase letter; required every word capitalized` };
  },
  sample: () => ({}),
  describe: (k, rng) =>
    phrase(rng, k, [
      () => 'Write your entire response in title case: capitalize the first letter of every word.',
      () => 'Every single word must begin with a capital letter.',
      () => 'Use Title Case Throughout, Starting Each Word With An Uppercase Letter.',
    ]),
  witness: {
    phase: 'case',
    apply(response) {
      let out = '';
      let atFieldStart = true;
      for (const ch of response) {
        if (isWs(ch.codePointAt(0)!)) {
          atFieldStart = true;
          out += ch;
          continue;
        }
        if (atFieldStart && /[\p{L}\p{N}]/u.test(ch)) {
          atFieldStart = false;
          out += caseOfCp(ch.codePointAt(0)!) === 'lower' ? ch.toUpperCase() : ch;
        } else out += ch;
      }
      return out;
    },
  },
  // Lowercase English text always has a lowercase word.
  conflicts: ['change_case:english_lowercase'],
});

const SLOT = '{answer}';
const TEMPLATES = ['My answer is: {answer}', 'Answer: {answer}', 'Result: {answer} [end]', 'Response follows. {answer} End of response.', 'Final output: {answer}'];

/**
 * The stripped response is the template with `{answer}` (exactly once in the template) replaced by a non-blank text;
 * the text before and after the slot must match exactly (case-sensitive).
 */
export const outputTemplate = defineConstraint<{ template: string }>({
  id: 'verigen:format:output_template',
  kwargs: [{ name: 'template', kind: { type: 'string', nonEmpty: true } }],
  parse(raw) {
    const k = parseKwargs<{ template: string }>([{ name: 'template', kind: { type: 'string', nonEmpty: true } }], raw);
    if (countLiteral(k.template, SLOT) !== 1) throw new KwargsError('template', `must contain ${SLOT} exactly once, got ${JSON.stringify(k.template)}`);
    return k;
  },
  check(response, { template }) {
    const at = template.indexOf(SLOT);
    const pre = template.slice(0, at);
    const post = template.slice(at + SLOT.length);
    const s = pyStrip(response);
    if (!s.startsWith(pre)) return { pass: false, detail: `the response does not start with ${preview(pre)}` };
    if (!s.endsWith(post) || s.length < pre.length + post.length) return { pass: false, detail: `the response does not end with ${preview(post)}` };
    const filled = s.slice(pre.length, s.length - post.length);
    return isBlank(filled) ? { pass: false, detail: 'the answer slot of the template is empty' } : { pass: true, detail: `follows the template ${preview(template)}` };
  },
  sample: (rng) => ({ template: rng.pick(TEMPLATES) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Reply using exactly this template, replacing ${SLOT} with your answer: ${k.template}`,
      (k) => `Format your whole response as "${k.template}", where ${SLOT} stands for your answer.`,
      (k) => `Put your answer into the template ${JSON.stringify(k.template)} (${SLOT} is where the answer goes) and write nothing outside it.`,
    ]),
  witness: {
    phase: 'wrap',
    apply(response, { template }) {
      const at = template.indexOf(SLOT);
      const body = pyStrip(response) || 'Done.';
      return template.slice(0, at) + body + template.slice(at + SLOT.length);
    },
  },
  // Each of these fixes how the response begins or ends differently from the sampled templates.
  conflicts: ['startend:quotation', 'detectable_format:json_format', 'combination:repeat_prompt', 'combination:two_responses', 'startend:end_checker', 'verigen:format:start_phrase', 'verigen:format:numbered_lines', 'verigen:punctuation:end_char'],
});

/** Every non-blank line starts with its 1-based ordinal among non-blank lines, a full stop and a space: `1. `, `2. `. */
export const numberedLines = defineConstraint<Record<string, never>>({
  id: 'verigen:format:numbered_lines',
  kwargs: [],
  check(response) {
    let n = 0;
    for (const line of response.split('\n')) {
      if (isBlank(line)) continue;
      n++;
      const want = `${n}. `;
      if (!line.startsWith(want)) return { pass: false, detail: `line ${n} starts with ${preview(line.slice(0, 12))}; required ${preview(want)}` };
    }
    return n > 0 ? { pass: true, detail: `all ${n} line(s) numbered in order` } : { pass: false, detail: 'no non-blank line found' };
  },
  sample: () => ({}),
  describe: (k, rng) =>
    phrase(rng, k, [
      () => 'Number every line of your answer: "1. ", "2. ", and so on.',
      () => 'Start each line with its line number followed by a period and a space (1. 2. 3. ...).',
      () => 'Write your answer as numbered lines, each beginning with "N. " where N counts up from 1.',
    ]),
  witness: {
    phase: 'structure',
    apply(response, _k, ctx) {
      let lines = nonBlankLines(response);
      if (lines.length <= 1) lines = sentencePieces(response, ctx, 1);
      return lines.map((l, i) => `${i + 1}. ${l.trim()}`).join('\n');
    },
  },
  // Each of these needs a first line that does not start with "1. ".
  conflicts: ['startend:quotation', 'detectable_format:json_format', 'combination:repeat_prompt', 'verigen:format:sub_bullets', 'verigen:format:start_phrase', 'verigen:content:no_digits'],
});

const START_PHRASES = ['Here is the answer.', 'To begin with,', 'In short:', 'Summary first.', 'Let us start.'];

/** The stripped response starts with `phrase`, character for character. */
export const startPhrase = defineConstraint<{ phrase: string }>({
  id: 'verigen:format:start_phrase',
  kwargs: [{ name: 'phrase', kind: { type: 'string', nonEmpty: true } }],
  check(response, k) {
    const s = pyStrip(response);
    return s.startsWith(k.phrase) ? { pass: true, detail: `starts with ${preview(k.phrase)}` } : { pass: false, detail: `starts with ${preview(s.slice(0, k.phrase.length))}; required ${preview(k.phrase)}` };
  },
  sample: (rng) => ({ phrase: rng.pick(START_PHRASES) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Begin your response with the exact phrase "${k.phrase}".`,
      (k) => `The first words of your answer must be exactly: ${k.phrase}`,
      (k) => `Open with "${k.phrase}", written exactly like that.`,
    ]),
  witness: { phase: 'final', apply: (response, k) => (pyStrip(response).startsWith(k.phrase) ? response : `${k.phrase} ${pyStrip(response)}`) },
  // Quotation, JSON and the repeated prompt fix the first characters.
  conflicts: ['startend:quotation', 'detectable_format:json_format', 'combination:repeat_prompt'],
});

const SPANS = ['water boils at one hundred degrees celsius at sea level', 'the meeting starts at nine', 'all items ship within two days', 'the library opens on weekdays', 'rivers flow toward lower ground'];

/** The response contains `span` verbatim (case-sensitive, whitespace exact). */
export const copySpan = defineConstraint<{ span: string }>({
  id: 'verigen:format:copy_span',
  kwargs: [{ name: 'span', kind: { type: 'string', nonEmpty: true } }],
  check(response, { span }) {
    const at = response.indexOf(span);
    return at >= 0 ? { pass: true, detail: `contains the span ${preview(span)} at offset ${at}` } : { pass: false, detail: `does not contain the span ${preview(span)} verbatim` };
  },
  sample: (rng) => ({ span: rng.pick(SPANS) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Include this exact text, copied character for character: "${k.span}".`,
      (k) => `Copy the following span into your answer verbatim: ${k.span}`,
      (k) => `Your response must contain the phrase "${k.span}" exactly as written (same case).`,
    ]),
  witness: { phase: 'content', apply: (response, { span }) => (response.includes(span) ? response : appendSentence(response, `Note that ${span}.`)) },
  // The sampled spans are lowercase, which all-capitals and title case change.
  conflicts: ['change_case:english_capital', 'verigen:format:title_case'],
});

type Repeat = { phrase: string; times: number };
const repeatSpecs: KwargSpec[] = [
  { name: 'phrase', kind: { type: 'string', nonEmpty: true } },
  { name: 'times', kind: { type: 'int', min: 1 } },
];
const REPEATS = ['step by step', 'one more time', 'as planned', 'in order'];

/** `phrase` occurs exactly `times` times (non-overlapping, case-sensitive, literal). */
export const repeatPhrase = defineConstraint<Repeat>({
  id: 'verigen:format:repeat_phrase',
  kwargs: repeatSpecs,
  parse: (raw) => parseKwargs<Repeat>(repeatSpecs, raw),
  check(response, { phrase: p, times }) {
    const n = countLiteral(response, p);
    return { pass: n === times, detail: `found ${preview(p)} ${n} time(s); required exactly ${times}` };
  },
  sample: (rng, difficulty) => ({ phrase: rng.pick(REPEATS), times: rng.int(2, 2 + difficulty) }),
  describe: (k, rng) =>
    phrase(rng, k, [
      (k) => `Repeat the phrase "${k.phrase}" exactly ${k.times} times in your answer.`,
      (k) => `Use the exact phrase "${k.phrase}" ${k.times} times, no more and no fewer.`,
      (k) => `Write "${k.phrase}" (lowercase, as given) precisely ${k.times} times.`,
    ]),
  witness: {
    phase: 'content',
    apply(response, { phrase: p, times }) {
      let out = response;
      let n = countLiteral(out, p);
      for (; n > times; n--) {
        const at = out.lastIndexOf(p);
        out = out.slice(0, at) + out.slice(at + p.length);
      }
      for (; n < times; n++) out = appendSentence(out, `We go ${p}.`);
      return out;
    },
  },
  // The sampled phrases are lowercase; all-capitals and title case change them.
  conflicts: ['change_case:english_capital', 'verigen:format:title_case'],
});

export const verigenFormatConstraints = [subBullets, titleCase, outputTemplate, numberedLines, startPhrase, copySpan, repeatPhrase] as const;

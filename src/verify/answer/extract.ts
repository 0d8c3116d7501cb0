/**
 * Finding the answer in a response: the last `<answer>…</answer>`, else the last complete `\boxed{…}` / `\fbox{…}`,
 * else the last line that starts with an answer marker ("Answer:", "Final answer:", "The answer is"), else the whole
 * response. Every search is one linear pass; nothing here can throw.
 */

export type ExtractionMethod = 'answer tag' | 'boxed' | 'answer line' | 'whole response';

export interface Extraction {
  text: string;
  method: ExtractionMethod;
}

const OPEN_TAG = /<answer>/gi;
const CLOSE_TAG = /<\/answer>/gi;

/** Where the last match of a global regex that starts before `limit` starts, or -1. */
function lastMatch(re: RegExp, s: string, limit: number): number {
  re.lastIndex = 0;
  let last = -1;
  for (let m = re.exec(s); m !== null && m.index < limit; m = re.exec(s)) last = m.index;
  re.lastIndex = 0;
  return last;
}

function fromAnswerTag(s: string): string | null {
  if (!s.includes('<')) return null;
  const close = lastMatch(CLOSE_TAG, s, s.length);
  if (close < 0) return null;
  const open = lastMatch(OPEN_TAG, s, close);
  if (open < 0) return null;
  return s.slice(open + '<answer>'.length, close);
}

const BOX_COMMANDS = ['\\boxed', '\\fbox'];

/**
 * The content of the last-opened `\boxed{…}` or `\fbox{…}` whose braces balance, found in one pass with a stack of
 * open braces (so 100k nested braces, or 100k unclosed `\boxed{`, stay linear). `\{` and `\}` are literal braces.
 */
function fromBoxed(s: string): string | null {
  if (!s.includes('\\boxed') && !s.includes('\\fbox')) return null;
  // Positions of open braces; a box opener is stored as -(index + 1) so the two kinds share one stack.
  const stack: number[] = [];
  let bestStart = -1;
  let bestEnd = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      const next = s.charCodeAt(i + 1);
      if (next === 0x7b || next === 0x7d || next === 0x5c) {
        i++;
        continue;
      }
      for (const cmd of BOX_COMMANDS) {
        if (s.startsWith(cmd, i)) {
          let j = i + cmd.length;
          while (s.charCodeAt(j) === 0x20) j++;
          if (s.charCodeAt(j) === 0x7b) {
            stack.push(-(j + 1) - 1);
            i = j;
          }
          break;
        }
      }
    } else if (c === 0x7b /* { */) {
      stack.push(i);
    } else if (c === 0x7d /* } */) {
      const top = stack.pop();
      if (top !== undefined && top < 0) {
        const start = -top - 1; // index just after the box's "{"
        if (start > bestStart) {
          bestStart = start;
          bestEnd = i;
        }
      }
    }
  }
  return bestStart < 0 ? null : cleanLatex(s.slice(bestStart, bestEnd));
}

const TEXT_COMMANDS = ['\\text', '\\mathrm', '\\textbf', '\\textrm', '\\mbox', '\\mathbf', '\\operatorname'];
const LATEX_REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['\\times', '×'],
  ['\\cdot', '·'],
  ['\\%', '%'],
  ['\\$', '$'],
  ['\\&', '&'],
  ['\\,', ' '],
  ['\\;', ' '],
  ['\\:', ' '],
  ['\\!', ''],
  ['\\ ', ' '],
  ['\\quad', ' '],
  ['{,}', ','],
];

/**
 * The LaTeX a model writes inside a box, reduced to plain text: `\text{km}` → `km`, `\,` → space, `\%` → `%`,
 * `\times` → `×`, `{,}` → `,`, and the braces of `10^{3}` dropped. One left-to-right pass.
 */
export function cleanLatex(s: string): string {
  if (!s.includes('\\') && !s.includes('{')) return s;
  let out = '';
  let i = 0;
  outer: while (i < s.length) {
    if (s[i] === '\\' || s[i] === '{') {
      for (const [from, to] of LATEX_REPLACEMENTS) {
        if (s.startsWith(from, i)) {
          out += to;
          i += from.length;
          continue outer;
        }
      }
      if (s[i] === '\\') {
        for (const cmd of TEXT_COMMANDS) {
          if (s.startsWith(cmd, i) && s[i + cmd.length] === '{') {
            // Only the command goes; its braces are dropped below like any other group brace.
            i += cmd.length;
            continue outer;
          }
        }
      }
    }
    const c = s[i]!;
    if (c !== '{' && c !== '}') out += c;
    i++;
  }
  return out;
}

const MARKERS = ['the final answer is', 'the answer is', 'final answer', 'answer'];

/** Whether `s` has the lower-case ASCII `word` at `i`, ignoring ASCII case (no substring is built). */
function startsWithFolded(s: string, i: number, word: string): boolean {
  if (s.length - i < word.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = s.charCodeAt(i + k);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

function isEmphasis(c: string | undefined): boolean {
  return c === '*' || c === '_';
}

/** If `line` starts with an answer marker, the text after it ('' when nothing follows on the line); else null. */
function afterMarker(line: string): string | null {
  let i = 0;
  const n = line.length;
  while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  while (i < n && line[i] === '#') i++;
  while (i < n && line[i] === ' ') i++;
  let emph = '';
  while (emph.length < 3 && isEmphasis(line[i])) emph += line[i++];
  let marker = '';
  for (const m of MARKERS) {
    if (startsWithFolded(line, i, m)) {
      marker = m;
      break;
    }
  }
  if (marker === '') return null;
  i += marker.length;
  // A marker ends at a word boundary: "Answers vary" and "The answer isn't" are prose.
  const next = line.charCodeAt(i);
  if ((next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) return null;
  let closed = emph === '';
  const skipClose = () => {
    if (!closed && line.startsWith(emph, i)) {
      i += emph.length;
      closed = true;
    }
  };
  skipClose();
  while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] === ':' || line[i] === '\uFF1A') i++;
  else if (!marker.endsWith(' is') && i < n) return null; // "Answer" without a colon only as a heading alone on its line
  skipClose();
  let rest = line.slice(i).trim();
  if (!closed && rest.endsWith(emph)) rest = rest.slice(0, rest.length - emph.length).trim();
  return rest;
}

/** Characters a marker line can start with (after blanks): '#', emphasis, or the first letter of a marker. */
const MARKER_STARTS = '#*_aAfFtT';

/** The last line that starts with an answer marker; when the marker ends its line, the text after that line. */
function fromAnswerLine(s: string): string | null {
  let end = s.length;
  for (;;) {
    const nl = end === 0 ? -1 : s.lastIndexOf('\n', end - 1);
    let i = nl + 1;
    while (i < end && (s[i] === ' ' || s[i] === '\t')) i++;
    // Most lines fail on their first character; only plausible ones are cut out and parsed.
    if (i < end && MARKER_STARTS.includes(s[i]!)) {
      const lineEnd = s[end - 1] === '\r' ? end - 1 : end;
      const rest = afterMarker(s.slice(nl + 1, lineEnd));
      if (rest !== null) return rest !== '' ? rest : s.slice(end + 1).trim();
    }
    if (nl < 0) return null;
    end = nl;
  }
}

export function extractAnswer(response: string): Extraction {
  const tagged = fromAnswerTag(response);
  if (tagged !== null) {
    // A model that boxes inside its answer tag: the box is the answer.
    const inner = fromBoxed(tagged);
    return { text: inner ?? tagged, method: 'answer tag' };
  }
  const boxed = fromBoxed(response);
  if (boxed !== null) return { text: boxed, method: 'boxed' };
  const line = fromAnswerLine(response);
  if (line !== null) return { text: line, method: 'answer line' };
  return { text: response, method: 'whole response' };
}

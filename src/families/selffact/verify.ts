/**
 * The `selffact` verifier. It finds the answer the way the answer verifier does (the last <answer> tag, else a
 * \boxed{}, else an "Answer:" line, else the whole response), then checks it by the truth's kind:
 *   number       every number said (digits, "8B", "8 billion", "8,030,261,248", "thirty-two") is within the declared
 *                tolerance, and there is at least one. Digits in names ("Llama 3.1", "v0.3") are not numbers; the
 *                item's `ignore` names are removed first. Word numbers count only when no digits are written. A
 *                negation fails, and so does a hedge ("about", "roughly") when the truth is exact.
 *   boolean      the first word is yes/no/true/false with the right polarity, and the opposite bare word is absent.
 *   text         an accepted phrase is said, not negated, and no rejected phrase is said.
 *   choice       the letters named ("B", "(B)", "Option B") and the option texts quoted are exactly the right one.
 *   date         at least one date at the truth's precision, and every date said agrees with it.
 *   word         the answer, its last quoted part, or its last word is the word (case and punctuation aside).
 *   list         every item is named and no rejected name is; an empty list must be answered with "none".
 *   undetermined the answer says the context does not determine the setting and guesses no value.
 * Total: any string in, a Verdict out; linear in the response.
 */
import { extractAnswer } from '../../verify/answer/extract.js';
import { stripWrappers } from '../../verify/answer/normalize.js';
import type { Check, Verdict } from '../../verify/types.js';
import { NEGATIONS, negatedAt, normalizeWords, phraseAt, scanDates, scanNumbers, tokens } from './scan.js';
import type { SelffactTruth } from './truth.js';
import { TRUTH_KINDS } from './truth.js';

interface Outcome {
  pass: boolean;
  detail: string;
}

const ok = (detail: string): Outcome => ({ pass: true, detail });
const no = (detail: string): Outcome => ({ pass: false, detail });

function quote(s: string, max = 60): string {
  return JSON.stringify(s.length > max ? s.slice(0, max) + '…' : s);
}

const HEDGES = new Set(['about', 'approximately', 'around', 'roughly', 'nearly', 'almost', 'circa', 'approx', 'estimated']);
// Padded with spaces, as they are searched for in the padded token string.
const BOUNDS = ['more than', 'less than', 'fewer than', 'at least', 'at most', 'over', 'under', 'up to'].map((b) => ` ${b} `);

/** Lower case with hyphens and underscores as spaces, as removeNames compares names. */
function foldName(raw: string): string {
  let name = nameMemo.get(raw);
  if (name === undefined) {
    name = raw.toLowerCase().replace(/[-_]/g, ' ');
    if (nameMemo.size >= MEMO_LIMIT) nameMemo.clear();
    nameMemo.set(raw, name);
  }
  return name;
}

// Truth-side strings (profile names, option texts, accepted and rejected phrases) repeat across a run's items, so
// their folded forms are kept; bounded, and the functions are pure, so a hit returns what a miss would compute.
const MEMO_LIMIT = 4096;
const MEMO_MAX_LENGTH = 200;
const nameMemo = new Map<string, string>();
const phraseMemo = new Map<string, readonly string[]>();

/** tokens() of a truth-side phrase (read only). */
function phraseTokens(s: string): readonly string[] {
  if (s.length > MEMO_MAX_LENGTH) return tokens(s);
  let t = phraseMemo.get(s);
  if (t === undefined) {
    t = tokens(s);
    if (phraseMemo.size >= MEMO_LIMIT) phraseMemo.clear();
    phraseMemo.set(s, t);
  }
  return t;
}

/** Removes each ignored name (and its hyphen/space variants) from lower-cased text. */
function removeNames(text: string, names: readonly string[] | undefined): string {
  let t = text.replace(/[-_]/g, ' ');
  if (!names) return t;
  for (const raw of names) {
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const name = raw.length > MEMO_MAX_LENGTH ? raw.toLowerCase().replace(/[-_]/g, ' ') : foldName(raw);
    if (!t.includes(name)) continue;
    t = t.split(name).join(' ');
  }
  return t;
}

function checkNumber(truth: Extract<SelffactTruth, { kind: 'number' }>, answer: string): Outcome {
  if (typeof truth.value !== 'number' || !Number.isFinite(truth.value)) return no('truth has no numeric value');
  const text = removeNames(answer.toLowerCase(), truth.ignore);
  const toks = tokens(text);
  for (const t of toks) if (NEGATIONS.has(t)) return no(`negation "${t}" in the answer`);
  const joined = ` ${toks.join(' ')} `;
  for (const b of BOUNDS) if (joined.includes(b)) return no(`a bound ("${b.slice(1, -1)}") is not a value`);
  const tol = Math.max(
    typeof truth.tolerance === 'number' && truth.tolerance > 0 ? truth.tolerance : 0,
    typeof truth.rel_tolerance === 'number' && truth.rel_tolerance > 0 ? truth.rel_tolerance * Math.abs(truth.value) : 0,
  );
  if (tol === 0) {
    for (const t of toks) if (HEDGES.has(t)) return no(`hedge "${t}" on an exact value`);
    if (text.includes('~')) return no('hedge "~" on an exact value');
  }
  const all = scanNumbers(text);
  const withDigits = all.filter((m) => m.digits);
  const mentions = withDigits.length > 0 ? withDigits : all;
  if (mentions.length === 0) return no('no number in the answer');
  const slack = tol + 1e-9 * Math.abs(truth.value);
  const unit = typeof truth.unit_scale === 'number' && truth.unit_scale > 0 ? truth.unit_scale : 1;
  for (const m of mentions) {
    const read = m.scaled ? m.value / unit : m.value;
    if (Math.abs(read - truth.value) > slack) {
      return no(`read ${read}, expected ${truth.value}${tol > 0 ? ` within ${tol}` : ''}`);
    }
  }
  return ok(`${mentions.length} number${mentions.length > 1 ? 's' : ''} equal to ${truth.value}${tol > 0 ? ` within ${tol}` : ''}`);
}

const YES = new Set(['yes', 'true']);
const NO = new Set(['no', 'false']);

function checkBoolean(truth: Extract<SelffactTruth, { kind: 'boolean' }>, answer: string): Outcome {
  const toks = tokens(answer);
  const first = toks[0];
  if (first === undefined || (!YES.has(first) && !NO.has(first))) return no('the answer does not start with yes or no');
  const said = YES.has(first);
  const opposite = said ? NO : YES;
  for (let i = 1; i < toks.length; i++) {
    if (opposite.has(toks[i]!)) return no(`both "${first}" and "${toks[i]}"`);
  }
  return said === truth.value ? ok(`boolean ${said ? 'yes' : 'no'}`) : no(`said ${said ? 'yes' : 'no'}`);
}

function phraseList(list: unknown): (readonly string[])[] {
  if (!Array.isArray(list)) return [];
  const out: (readonly string[])[] = [];
  for (const x of list) {
    if (typeof x !== 'string') continue;
    const t = phraseTokens(x);
    if (t.length > 0) out.push(t);
  }
  return out;
}

function checkText(truth: Extract<SelffactTruth, { kind: 'text' }>, answer: string): Outcome {
  const toks = tokens(answer);
  for (const r of phraseList(truth.reject)) {
    if (phraseAt(toks, r).length > 0) return no(`names ${quote(r.join(' '))}`);
  }
  for (const a of phraseList(truth.accept)) {
    const at = phraseAt(toks, a);
    if (at.length === 0) continue;
    if (at.some((i) => negatedAt(toks, i))) return no(`negates ${quote(a.join(' '))}`);
    return ok(`names ${quote(a.join(' '))}`);
  }
  return no('names none of the accepted answers');
}

const LETTER_ALONE = /^\(?([a-z])\)?[.):]?$/i;
const LETTER_LEAD = /^\(?([a-z])(?:\)|\.|:|\s-)\s/i;
// Upper-case letters only after a marker word: "the answer is a 32-layer network" names no option.
const LETTER_MARKED = /\b(?:[Oo]ption|[Aa]nswer|[Cc]hoice)\s?(?:is\s)?:?\s?\(?([A-Z])\)?(?![A-Za-z0-9])/g;
const LETTER_PAREN = /\(([A-Za-z])\)/g;

function checkChoice(truth: Extract<SelffactTruth, { kind: 'choice' }>, answer: string): Outcome {
  const options = truth.options && typeof truth.options === 'object' ? truth.options : {};
  const letters = Object.keys(options).map((l) => l.toUpperCase());
  if (typeof truth.correct !== 'string' || !letters.includes(truth.correct.toUpperCase())) return no('truth names no valid option');
  const s = stripWrappers(answer.trim());
  const named = new Set<string>();
  const add = (l: string | undefined) => {
    if (l !== undefined && letters.includes(l.toUpperCase())) named.add(l.toUpperCase());
  };
  const alone = LETTER_ALONE.exec(s);
  if (alone) add(alone[1]);
  else {
    const lead = LETTER_LEAD.exec(s);
    // A lead letter is an option marker only when it is upper case or closed by a bracket: "A large model" is prose.
    if (lead && (lead[1] === lead[1]!.toUpperCase() || s.startsWith('(') || s[1] === ')')) add(lead[1]);
    LETTER_MARKED.lastIndex = 0;
    for (let m = LETTER_MARKED.exec(s); m !== null; m = LETTER_MARKED.exec(s)) add(m[1]);
    LETTER_PAREN.lastIndex = 0;
    for (let m = LETTER_PAREN.exec(s); m !== null; m = LETTER_PAREN.exec(s)) add(m[1]);
  }
  const toks = tokens(s);
  for (const [letter, text] of Object.entries(options)) {
    if (typeof text !== 'string') continue;
    const t = phraseTokens(text);
    if (t.length > 0 && phraseAt(toks, t).length > 0) add(letter);
  }
  if (named.size === 0) return no('no option chosen');
  const correct = truth.correct.toUpperCase();
  if (named.size > 1) return no(`several options named: ${[...named].sort().join(', ')}`);
  return named.has(correct) ? ok(`option ${correct}`) : no(`chose ${[...named][0]}, expected ${correct}`);
}

function checkDate(truth: Extract<SelffactTruth, { kind: 'date' }>, answer: string): Outcome {
  const m = /^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$/.exec(typeof truth.value === 'string' ? truth.value : '');
  if (!m) return no('truth is not a YYYY-MM or YYYY-MM-DD date');
  const want = { year: Number(m[1]), month: Number(m[2]), day: m[3] === undefined ? undefined : Number(m[3]) };
  const byDay = want.day !== undefined;
  let precise = 0;
  for (const d of scanDates(answer)) {
    if (d.year !== undefined && d.year !== want.year) return no(`says the year ${d.year}`);
    if (d.month !== undefined && d.month !== want.month) return no(`says the month ${d.month}`);
    if (byDay && d.day !== undefined && d.day !== want.day) return no(`says the day ${d.day}`);
    if (d.year !== undefined && d.month !== undefined && (!byDay || d.day !== undefined)) precise++;
  }
  if (precise === 0) return no(`no date at ${byDay ? 'day' : 'month'} precision`);
  return ok(`date ${truth.value}`);
}

function foldWord(s: string): string {
  return normalizeWords(s).replace(/ /g, '');
}

function checkWord(truth: Extract<SelffactTruth, { kind: 'word' }>, answer: string): Outcome {
  const want = foldWord(typeof truth.value === 'string' ? truth.value : '');
  if (want === '') return no('truth has no word');
  const toks = tokens(answer);
  // A "not" beyond the one the answer word itself may be ("The 11th word is not." when the word is "not") negates.
  const nots = toks.filter((t) => t === 'not').length;
  if (nots > (want === 'not' ? 1 : 0)) return no('negation in the answer');
  const candidates: string[] = [foldWord(stripWrappers(answer))];
  const quoted = /["“'‘]([^"”'’\n]{1,80})["”'’]/g;
  let lastQuoted: string | undefined;
  for (let q = quoted.exec(answer); q !== null; q = quoted.exec(answer)) lastQuoted = q[1];
  if (lastQuoted !== undefined) candidates.push(foldWord(lastQuoted));
  if (toks.length > 0) candidates.push(toks[toks.length - 1]!);
  return candidates.includes(want) ? ok(`word ${quote(want)}`) : no(`expected the word ${quote(want)}`);
}

const NONE_CUES: readonly string[][] = [['none'], ['no', 'tools'], ['no', 'tool'], ['not', 'any'], ['zero', 'tools'], ['nothing'], ['no', 'functions']];

function checkList(truth: Extract<SelffactTruth, { kind: 'list' }>, answer: string): Outcome {
  const toks = tokens(answer);
  for (const r of phraseList(truth.reject)) if (phraseAt(toks, r).length > 0) return no(`names ${quote(r.join(' '))}, which is not listed`);
  const items = phraseList(truth.items);
  if (items.length === 0) {
    return NONE_CUES.some((c) => phraseAt(toks, c).length > 0) ? ok('says there are none') : no('does not say there are none');
  }
  for (const it of items) if (phraseAt(toks, it).length === 0) return no(`misses ${quote(it.join(' '))}`);
  if (NONE_CUES.slice(0, 3).some((c) => phraseAt(toks, c).length > 0)) return no('also says there are none');
  return ok(`all ${items.length} named`);
}

/** Word stems that, after a negation, say the context does not fix a value ("does not state", "is not given"). */
const UNDETERMINED_STEMS = ['stat', 'specif', 'mention', 'giv', 'given', 'provid', 'determin', 'indicat', 'includ', 'say', 'said', 'set', 'list', 'know', 'tell', 'avail', 'inform', 'reveal', 'show', 'contain', 'defin', 'appear', 'fix'];
const UNDETERMINED_WORDS = new Set(['unknown', 'unspecified', 'undetermined', 'unstated', 'unclear', 'undefined', 'unmentioned', 'indeterminate']);
const GUESS_WORDS = new Set(['probably', 'likely', 'typically', 'usually', 'default', 'guess', 'assume', 'presumably', 'perhaps', 'maybe', 'standard']);

function checkUndetermined(truth: Extract<SelffactTruth, { kind: 'undetermined' }>, answer: string): Outcome {
  const toks = tokens(answer);
  for (const t of toks) if (GUESS_WORDS.has(t)) return no(`guesses ("${t}")`);
  const numbers = scanNumbers(answer.toLowerCase());
  if (numbers.length > 0) return no(`gives a value (${numbers[0]!.value})`);
  let cue = toks.some((t) => UNDETERMINED_WORDS.has(t));
  for (let i = 0; i < toks.length && !cue; i++) {
    if (!NEGATIONS.has(toks[i]!) && toks[i] !== 'without') continue;
    for (let k = i + 1; k <= i + 4 && k < toks.length && !cue; k++) cue = UNDETERMINED_STEMS.some((s) => toks[k]!.startsWith(s));
  }
  return cue ? ok(`says the ${truth.setting} is not determined`) : no(`does not say that the ${truth.setting} is not determined`);
}

function dispatch(truth: SelffactTruth, answer: string): Outcome {
  switch (truth.kind) {
    case 'number':
      return checkNumber(truth, answer);
    case 'boolean':
      return checkBoolean(truth, answer);
    case 'text':
      return checkText(truth, answer);
    case 'choice':
      return checkChoice(truth, answer);
    case 'date':
      return checkDate(truth, answer);
    case 'word':
      return checkWord(truth, answer);
    case 'list':
      return checkList(truth, answer);
    case 'undetermined':
      return checkUndetermined(truth, answer);
  }
}

/** Verifies one response against a selffact truth. Never throws, whatever the response or a malformed truth. */
export function verifySelffact(groundTruth: SelffactTruth, response: string): Verdict {
  if (groundTruth === null || typeof groundTruth !== 'object' || !(TRUTH_KINDS as readonly string[]).includes(groundTruth.kind)) {
    return { pass: false, score: 0, checks: [{ name: 'truth', pass: false, detail: `ground truth needs a kind among ${TRUTH_KINDS.join(', ')}` }] };
  }
  try {
    const ex = extractAnswer(typeof response === 'string' ? response : '');
    const text = ex.text.trim();
    const extract: Check = { name: 'extract', pass: text !== '', detail: ex.method };
    const outcome = text === '' ? no('empty answer') : dispatch(groundTruth, text);
    const match: Check = { name: groundTruth.kind, pass: outcome.pass, detail: outcome.detail };
    const pass = extract.pass && match.pass;
    return { pass, score: pass ? 1 : 0, checks: [extract, match] };
  } catch (err) {
    // Unreachable by design; a bug here fails one response, not a whole verification run.
    return { pass: false, score: 0, checks: [{ name: 'internal', pass: false, detail: `internal error: ${quote(String(err))}` }] };
  }
}

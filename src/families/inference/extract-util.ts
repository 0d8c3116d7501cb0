/**
 * Building blocks of inference.extract documents: calendar days (UTC epoch days, no clock or time zone), money in
 * cents, identifiers, phone numbers, addresses, a small YAML writer, and the Field each document offers to be asked.
 */
import { pad2, plainMoney, printedMoney } from '../../text/money.js';
import type { Rng } from '../../core/rng.js';
import type { AnswerTruth } from './answer-truth.js';
import type { Lexicon } from './data/lexicon.js';

/** One question a document can answer, with the exact text in the document the answer comes from. */
export interface Field {
  question: string;
  /** How to write the answer ("Give the date as YYYY-MM-DD."). */
  format: string;
  truth: AnswerTruth;
  /** The answer's spelling in the document ("March 8, 2024", "$1,140.00"); tests read the answer back from it. */
  source: string;
  /** Wrong values of the same kind in the same document: the other date, the other amount. */
  misses: string[];
  /** For records: where the value sits (keys and array indices), so tests can look it up in the parsed document. */
  path?: (string | number)[];
}

export interface DocPlan {
  task: 'email' | 'invoice' | 'record' | 'log';
  /** What the document is, for the prompt ("email", "JSON record"). */
  kind: string;
  /** Code-fence language for templates that fence the document ("json", "yaml", "text"). */
  lang: string;
  document: string;
  /** The questions the document can answer, built only when asked (most items use one of about ten). */
  fields: (() => Field)[];
}

const DAY_MS = 86_400_000;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];


export function dayOfIso(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function isoOfDay(day: number): string {
  const t = new Date(day * DAY_MS);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

export type DateStyle = 'long' | 'dmy' | 'short' | 'iso' | 'weekday';

/** A day as people write it: "March 8, 2024", "8 March 2024", "Mar 8, 2024", "2024-03-08", "Friday, March 8, 2024". */
export function showDate(day: number, style: DateStyle): string {
  const t = new Date(day * DAY_MS);
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth();
  const d = t.getUTCDate();
  switch (style) {
    case 'long':
      return `${MONTHS[m]} ${d}, ${y}`;
    case 'dmy':
      return `${d} ${MONTHS[m]} ${y}`;
    case 'short':
      return `${MONTHS[m]!.slice(0, 3)} ${d}, ${y}`;
    case 'iso':
      return `${y}-${pad2(m + 1)}-${pad2(d)}`;
    case 'weekday':
      return `${WEEKDAYS[t.getUTCDay()]}, ${MONTHS[m]} ${d}, ${y}`;
  }
}

/** An email header date: "Tue, 05 Mar 2024 10:14:00 +0000". */
export function headerDate(day: number, minutes: number): string {
  const t = new Date(day * DAY_MS);
  const wd = WEEKDAYS[t.getUTCDay()]!.slice(0, 3);
  const mon = MONTHS[t.getUTCMonth()]!.slice(0, 3);
  return `${wd}, ${pad2(t.getUTCDate())} ${mon} ${t.getUTCFullYear()} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00 +0000`;
}

/** An ISO timestamp in UTC: "2024-03-05T10:14:22Z". */
export function isoTimestamp(day: number, seconds: number): string {
  return `${isoOfDay(day)}T${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}Z`;
}

export const DATE_FORMAT = 'Give the date as YYYY-MM-DD.';
export const AMOUNT_FORMAT = 'Answer with the amount in dollars, as a number.';
export const EXACT_FORMAT = 'Copy the value exactly as it appears.';
export const NUMBER_FORMAT = 'Answer with the number only.';

export function dateField(question: string, day: number, source: string, others: number[]): Field {
  const answer = isoOfDay(day);
  const misses = [...others.map(isoOfDay), isoOfDay(day + 1), isoOfDay(day - 1), `${answer} or ${isoOfDay(day + 1)}`];
  return { question, format: DATE_FORMAT, truth: { answer, type: 'date' }, source, misses };
}


export function moneyField(question: string, cents: number, others: number[]): Field {
  const answer = plainMoney(cents);
  return {
    question,
    format: AMOUNT_FORMAT,
    truth: { answer, type: 'number', tolerance: 0.001, units: ['$', 'USD', 'dollars'] },
    source: printedMoney(cents),
    misses: [...others.map(plainMoney), plainMoney(cents + 100), `${answer} or ${plainMoney(others[0] ?? cents + 1)}`],
  };
}

export function exactField(question: string, value: string, others: string[], format = EXACT_FORMAT): Field {
  return { question, format, truth: { answer: value, type: 'string' }, source: value, misses: others };
}

export function numberField(question: string, value: number, others: number[], units?: string[]): Field {
  const answer = String(value);
  const truth: AnswerTruth = units ? { answer, type: 'number', units } : { answer, type: 'number' };
  return { question, format: NUMBER_FORMAT, truth, source: answer, misses: [...others.map(String), String(value + 1)] };
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function letters(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += LETTERS[rng.int(0, LETTERS.length - 1)];
  return s;
}

export function digits(rng: Rng, n: number): string {
  let s = String(rng.int(1, 9));
  for (let i = 1; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

export function alnum(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALNUM[rng.int(0, ALNUM.length - 1)];
  return s;
}

/** A North American phone number in one of the common written styles. */
export function phoneNumber(rng: Rng): string {
  const area = `${rng.int(2, 9)}${rng.int(0, 9)}${rng.int(0, 9)}`;
  const ex = `${rng.int(2, 9)}${rng.int(0, 9)}${rng.int(0, 9)}`;
  const line = `${rng.int(0, 9)}${rng.int(0, 9)}${rng.int(0, 9)}${rng.int(0, 9)}`;
  switch (rng.int(0, 2)) {
    case 0:
      return `(${area}) ${ex}-${line}`;
    case 1:
      return `${area}-${ex}-${line}`;
    default:
      return `+1 ${area} ${ex} ${line}`;
  }
}

const MAIL_HOSTS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'example.com', 'proton.me'];
const SHOP_KINDS = ['Outfitters', 'Home Goods', 'Books', 'Electronics', 'Garden Supply', 'Kitchenware', 'Sports', 'Pet Supplies'];

export interface Person {
  first: string;
  last: string;
  email: string;
}

export function person(rng: Rng, lex: Lexicon): Person {
  const first = rng.pick(lex.names);
  const last = rng.pick(lex.surnames);
  const sep = rng.pick(['.', '_', '']);
  return { first, last, email: `${first.toLowerCase()}${sep}${last.toLowerCase()}@${rng.pick(MAIL_HOSTS)}` };
}

export interface Business {
  name: string;
  domain: string;
}

export function business(rng: Rng, lex: Lexicon): Business {
  const owner = rng.pick(lex.surnames);
  const kind = rng.pick(SHOP_KINDS);
  return { name: `${owner} ${kind}`, domain: `${owner.toLowerCase()}${kind.split(' ')[0]!.toLowerCase()}.com` };
}

export function streetAddress(rng: Rng, lex: Lexicon): string {
  return `${rng.int(1, 9999)} ${rng.pick(lex.surnames)} ${rng.pick(['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Boulevard'])}`;
}

export type YamlValue = string | number | YamlValue[] | { [key: string]: YamlValue };

const PLAIN_YAML = /^[A-Za-z][A-Za-z0-9 .@_/()-]*$/;
const YAML_WORDS = new Set(['yes', 'no', 'true', 'false', 'null', 'on', 'off', 'y', 'n', '~']);

function yamlScalar(v: string | number): string {
  if (typeof v === 'number') return String(v);
  // Plain only when YAML reads it back as the same string: no ": " or " #", no keyword, no trailing space.
  if (PLAIN_YAML.test(v) && !YAML_WORDS.has(v.toLowerCase()) && !v.endsWith(' ')) return v;
  return JSON.stringify(v);
}

/** Block-style YAML for maps, lists of maps and scalars, two-space indents. */
export function toYaml(value: { [key: string]: YamlValue }, indent = ''): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v)) {
      lines.push(`${indent}${k}:`);
      for (const el of v) {
        if (typeof el === 'object' && el !== null && !Array.isArray(el)) {
          const inner = toYaml(el, `${indent}    `).split('\n');
          lines.push(`${indent}  - ${inner[0]!.trimStart()}`, ...inner.slice(1));
        } else {
          lines.push(`${indent}  - ${yamlScalar(el as string | number)}`);
        }
      }
    } else if (typeof v === 'object') {
      lines.push(`${indent}${k}:`, toYaml(v, `${indent}  `));
    } else {
      lines.push(`${indent}${k}: ${yamlScalar(v)}`);
    }
  }
  return lines.join('\n');
}

export { plainMoney, printedMoney };

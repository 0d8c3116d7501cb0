/**
 * selffact.runtime: each answer is recomputed here from the item's messages alone, by code that shares nothing with
 * the generator (its own reading of the system prompt, its own word split, its own BPE for token counts), then the
 * canonical answer must pass the verifier and the near misses must fail it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Message } from '../../../src/core/item.js';
import { Rng } from '../../../src/core/rng.js';
import { selffactRuntime } from '../../../src/families/selffact/runtime.js';
import type { SelffactTruth } from '../../../src/families/selffact/truth.js';
import { verifySelffact } from '../../../src/families/selffact/verify.js';
import { checkPurity } from '../../../src/purity/index.js';
import { validateProfile } from '../../../src/profiles/index.js';
import { MERGES, tinyTokenizerJson, writeTinyTokenizer } from '../../profiles/tiny-tokenizer.js';
import { makeItem } from './helpers.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The ISO date the system prompt states, read with this test's own patterns, or null. */
function statedDate(system: string | undefined): string | null {
  if (!system) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  let m = /Current date: (\d{4}-\d{2}-\d{2})/.exec(system);
  if (m) return m[1]!;
  m = /(?:Today is|The date today:)(?: [A-Z][a-z]+,?)? ([A-Z][a-z]+) (\d{1,2}), (\d{4})/.exec(system);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}-${pad(Number(m[2]))}`;
  m = /Today is [A-Z][a-z]+, (\d{1,2}) ([A-Z][a-z]+) (\d{4})/.exec(system);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(Number(m[1]))}`;
  return null;
}

/** The message a question points at, found by this test's reading of the phrase. */
function referenced(question: string, prior: Message[]): string {
  const users = prior.filter((m) => m.role === 'user').map((m) => m.content);
  const replies = prior.filter((m) => m.role === 'assistant').map((m) => m.content);
  if (question.includes('the system prompt')) return prior[0]!.content;
  if (question.includes('my first message')) return users[0]!;
  if (question.includes('my second message')) return users[1]!;
  if (question.includes('my third message')) return users[2]!;
  if (question.includes('my previous message')) return users[users.length - 1]!;
  if (question.includes('your first reply')) return replies[0]!;
  if (question.includes('your most recent reply')) return replies[replies.length - 1]!;
  throw new Error(`no reference in ${question}`);
}

/** A second, independent BPE: whitespace pre-tokens (\w+ or runs of other non-space), merges applied by rank. */
function referenceCount(text: string): number {
  const ranks = new Map(MERGES.map((m, i) => [m, i]));
  let n = 0;
  for (const pre of text.match(/\w+|[^\w\s]+/g) ?? []) {
    let syms = [...pre];
    for (;;) {
      let best = -1;
      let bestRank = Infinity;
      for (let i = 0; i + 1 < syms.length; i++) {
        const r = ranks.get(`${syms[i]} ${syms[i + 1]}`);
        if (r !== undefined && r < bestRank) {
          bestRank = r;
          best = i;
        }
      }
      if (best < 0) break;
      syms = [...syms.slice(0, best), syms[best]! + syms[best + 1]!, ...syms.slice(best + 2)];
    }
    n += syms.length;
  }
  return n;
}

function check(item: ReturnType<typeof makeItem>, withTokens: boolean): void {
  const t: SelffactTruth = item.ground_truth;
  const prior = item.messages.slice(0, -1);
  const question = item.messages[item.messages.length - 1]!.content;
  const system = prior[0]?.role === 'system' ? prior[0].content : undefined;
  switch (t.fact) {
    case 'runtime.date': {
      const date = statedDate(system);
      if (date === null) expect(t.kind).toBe('undetermined');
      else expect(t).toMatchObject({ kind: 'date', value: date });
      break;
    }
    case 'runtime.weekday': {
      const [y, m, d] = statedDate(system)!.split('-').map(Number) as [number, number, number];
      // Zeller-free check: the weekday of a UTC date from its epoch day (1970-01-01 was a Thursday).
      const epochDay = Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
      const wd = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'][((epochDay % 7) + 7) % 7];
      expect(t).toMatchObject({ kind: 'text', accept: [wd] });
      break;
    }
    case 'runtime.user_messages':
      expect(t).toMatchObject({ value: prior.filter((x) => x.role === 'user').length + 1 });
      break;
    case 'runtime.assistant_replies':
      expect(t).toMatchObject({ value: prior.filter((x) => x.role === 'assistant').length });
      break;
    case 'runtime.total_messages':
      expect(t).toMatchObject({ value: item.messages.length });
      break;
    case 'runtime.speaker': {
      const line = /"(.+)"/.exec(question)![1]!;
      const speaker = prior.flatMap((x) => x.content.split('\n')).find((l) => l.endsWith(`: ${line}`))!.split(':')[0];
      expect(t).toMatchObject({ kind: 'text', accept: [speaker] });
      break;
    }
    case 'runtime.words':
      expect(t).toMatchObject({ value: referenced(question, prior).trim().split(/\s+/).length });
      break;
    case 'runtime.characters':
      expect(t).toMatchObject({ value: Array.from(referenced(question, prior)).length });
      break;
    case 'runtime.nth_word': {
      const n = Number(/(\d+)(?:st|nd|rd|th)/.exec(question)![1]);
      const word = referenced(question, prior).trim().split(/\s+/)[n - 1]!.replace(/^\W+|\W+$/g, '');
      expect(t).toMatchObject({ kind: 'word', value: word });
      break;
    }
    case 'runtime.tokens':
      expect(withTokens).toBe(true);
      expect(t).toMatchObject({ value: referenceCount(referenced(question, prior)) });
      break;
    case 'runtime.tools':
    case 'runtime.tool_count':
    case 'runtime.tool_listed': {
      const names = ['web_search', 'calculator', 'send_email', 'get_weather', 'lookup_order', 'create_event', 'translate_text', 'read_file', 'run_sql', 'convert_currency', 'get_stock_price', 'book_meeting_room'];
      const listed = names.filter((nm) => system?.includes(nm));
      if (t.kind === 'list') expect([...t.items].sort()).toEqual(listed.sort());
      if (t.kind === 'number') expect(t.value).toBe(listed.length);
      if (t.kind === 'boolean') expect(t.value).toBe(listed.some((nm) => question.includes(nm)));
      break;
    }
    case 'runtime.temperature':
    case 'runtime.max-tokens': {
      const re = t.fact === 'runtime.temperature' ? /(?:temperature=|sampling temperature )([0-9.]+)/ : /(?:max_tokens=|a limit of )(\d+)/;
      const m = system === undefined ? null : re.exec(system);
      if (m === null) expect(t.kind).toBe('undetermined');
      else expect(t).toMatchObject({ kind: 'number', value: Number(m[1]!.replace(/\.$/, '')) });
      break;
    }
    default:
      throw new Error(`unexpected fact ${t.fact}`);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-rt-'));
const tokProfile = validateProfile({ name: 'tiny', identity: { display_name: { value: 'Tiny', source: 'test' } }, tokenizer: { file: writeTinyTokenizer(dir) } });

describe('selffact.runtime', () => {
  it.each([1, 2, 3, 4, 5])('difficulty %i: answers recomputed from the context, verified, near misses fail', (d) => {
    const facts = new Set<string>();
    for (let i = 0; i < 250; i++) {
      const profile = i % 2 === 0 ? tokProfile : null;
      const item = makeItem(selffactRuntime, profile, `rt/${d}/${i}`, d);
      facts.add(item.ground_truth.fact);
      check(item, profile !== null);
      const v = verifySelffact(item.ground_truth, item.answer!);
      if (!v.pass) throw new Error(`${item.answer} fails ${JSON.stringify(item.ground_truth)}: ${JSON.stringify(v.checks)}`);
      expect(checkPurity(item.answer!)).toEqual([]);
      for (const m of item.messages) if (m.role === 'assistant') expect(checkPurity(m.content)).toEqual([]);
      for (const miss of selffactRuntime.nearMisses(item, new Rng(`n${i}`))) {
        if (verifySelffact(item.ground_truth, miss).pass) throw new Error(`near miss ${JSON.stringify(miss)} passes for ${JSON.stringify(item.ground_truth)}`);
      }
    }
    expect(facts.size).toBeGreaterThan(8);
  });

  it('asks token questions only with a tokenizer', () => {
    let withTok = 0;
    for (let i = 0; i < 300; i++) {
      expect(makeItem(selffactRuntime, null, `nt${i}`, 3).ground_truth.fact).not.toBe('runtime.tokens');
      if (makeItem(selffactRuntime, tokProfile, `wt${i}`, 3).ground_truth.fact === 'runtime.tokens') withTok++;
    }
    expect(withTok).toBeGreaterThan(10);
  });

  it('answers "not stated" for settings the context leaves out, in the same words each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 600 && seen.size < 3; i++) {
      const item = makeItem(selffactRuntime, null, `u${i}`, 2);
      if (item.ground_truth.kind === 'undetermined') seen.add(item.answer!);
    }
    expect([...seen].sort()).toEqual([
      'The context does not state the maximum number of output tokens.',
      'The context does not state the temperature.',
      "The context does not state today's date.",
    ]);
  });

  it('makes longer conversations at higher difficulty', () => {
    const avg = (d: number) => {
      let n = 0;
      for (let i = 0; i < 200; i++) n += makeItem(selffactRuntime, null, `len${d}/${i}`, d).messages.length;
      return n / 200;
    };
    expect(avg(5)).toBeGreaterThan(avg(1) + 2);
  });

  it('rarely repeats a conversation', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) seen.add(JSON.stringify(makeItem(selffactRuntime, null, `dup${i}`, 3).messages));
    expect(seen.size).toBeGreaterThan(495);
  });

  it('uses the tiny tokenizer the test wrote (sanity check of the reference BPE)', () => {
    expect(referenceCount('low lower newest!')).toBe(5);
    expect(tinyTokenizerJson().model).toBeDefined();
  });
});

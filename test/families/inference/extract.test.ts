import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { lexicon } from '../../../src/families/inference/data/lexicon.js';
import { extract as def } from '../../../src/families/inference/extract.js';
import { planLog } from '../../../src/families/inference/extract-log.js';
import { planMail } from '../../../src/families/inference/extract-mail.js';
import { planRecord } from '../../../src/families/inference/extract-record.js';
import { toYaml, type DocPlan, type Field } from '../../../src/families/inference/extract-util.js';

const sf = createSeededFaker('2025-01-01');
const lex = lexicon(sf.faker);
const templates = loadTemplateSet('inference', def.name);
const REF = '2025-01-01';

function seeded(seed: string): Rng {
  const rng = new Rng(seed);
  sf.use(rng);
  return rng;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Parses the date spellings documents use, checking any weekday against the calendar; returns ISO. */
function parseDate(s: string): string {
  let y: number;
  let m: number;
  let d: number;
  let wd: string | undefined;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(?:([A-Z][a-z]+), )?([A-Z][a-z]+) (\d{1,2}), (\d{4})$/.exec(s))) [wd, m, d, y] = [r[1], MONTHS.indexOf(r[2]!.slice(0, 3).toLowerCase()) + 1, Number(r[3]), Number(r[4])];
  else if ((r = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(s))) [d, m, y] = [Number(r[1]), MONTHS.indexOf(r[2]!.slice(0, 3).toLowerCase()) + 1, Number(r[3])];
  else if ((r = /^([A-Z][a-z]{2}), (\d{2}) ([A-Z][a-z]{2}) (\d{4})$/.exec(s))) [wd, d, m, y] = [r[1], Number(r[2]), MONTHS.indexOf(r[3]!.toLowerCase()) + 1, Number(r[4])];
  else if ((r = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4})$/.exec(s))) [d, m, y] = [Number(r[1]), MONTHS.indexOf(r[2]!.toLowerCase()) + 1, Number(r[3])];
  else throw new Error(`unparsed date '${s}'`);
  expect(m).toBeGreaterThanOrEqual(1);
  const t = new Date(Date.UTC(y, m - 1, d));
  expect(t.getUTCDate()).toBe(d);
  if (wd) expect(wd.slice(0, 3).toLowerCase()).toBe(WEEKDAYS[t.getUTCDay()]);
  return `${y}-${pad(m)}-${pad(d)}`;
}

const cents = (money: string) => Math.round(Number(money.replace(/[$,]/g, '')) * 100);

function lookup(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

function checkField(doc: DocPlan, f: Field): void {
  const t = f.truth;
  expect(doc.document).toContain(f.source);
  if (t.type === 'date') expect(parseDate(f.source)).toBe(t.answer);
  else if (t.type === 'number' && t.units?.includes('$')) expect(cents(f.source)).toBe(Math.round(Number(t.answer) * 100));
  else expect(f.source).toBe(t.answer);
  if (f.path && doc.lang === 'json') {
    const v = lookup(JSON.parse(doc.document), f.path);
    if (t.type === 'date') expect(String(v).slice(0, 10)).toBe(t.answer);
    else if (t.type === 'number') expect(v).toBe(Number(t.answer));
    else expect(v).toBe(t.answer);
  }
  if (f.path && doc.lang === 'yaml' && typeof f.path[f.path.length - 1] === 'string') {
    const key = f.path[f.path.length - 1] as string;
    const line = doc.document.split('\n').find((l) => l.replace(/^[\s-]+/, '').startsWith(`${key}: `) && l.includes(t.type === 'number' ? t.answer : t.answer.slice(0, 10)));
    expect(line).toBeDefined();
  }
}

/** Invoice arithmetic from the printed table and totals: every line, the subtotal, tax, total and balance. */
function checkInvoice(document: string): void {
  const rows = document.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Description') && !l.includes('---')).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  let sum = 0;
  for (const [, qty, unit, amount] of rows) {
    expect(Number(qty) * cents(unit!)).toBe(cents(amount!));
    sum += cents(amount!);
  }
  const value = (label: string) => {
    const line = document.split('\n').find((l) => l.startsWith(label));
    return line === undefined ? undefined : cents(line.slice(line.lastIndexOf('$')));
  };
  expect(value('Subtotal:')).toBe(sum);
  const tax = value('Tax (') ?? 0;
  const rate = /Tax \(([\d.]+)%\)/.exec(document);
  if (rate) expect(Math.abs(tax - (sum * Number(rate[1])) / 100)).toBeLessThanOrEqual(0.5);
  expect(value('Total:')).toBe(sum + tax);
  const paid = value('Amount paid:');
  if (paid !== undefined) expect(value('Balance due:')).toBe(sum + tax - paid);
}

/** Log lines parsed with a regex per format; the field's question names the line. */
function checkLog(doc: DocPlan, f: Field): void {
  const lines = doc.document.split('\n');
  const app = /^(\S+)Z (INFO|WARN|ERROR) +\[\w+\] req=(\w+) method=(\w+) path=(\S+) status=(\d+) latency_ms=(\d+) user=(\w+)$/;
  const access = /^(\S+) - - \[(\d{2}\/\w{3}\/\d{4}):[\d:]+ \+0000\] "(\w+) (\S+) HTTP\/1\.1" (\d{3}) (\d+)$/;
  const parsed = lines.map((l) => {
    const a = app.exec(l);
    if (a) return { id: a[3]!, date: a[1]!.slice(0, 10), method: a[4]!, path: a[5]!, status: a[6]!, size: a[7]!, user: a[8]!, error: a[2] === 'ERROR' };
    const b = access.exec(l);
    if (!b) throw new Error(`unparsed log line '${l}'`);
    return { id: b[1]!, date: parseDate(b[2]!), method: b[3]!, path: b[4]!, status: b[5]!, size: b[6]!, user: '', error: Number(b[5]) >= 500 };
  });
  expect(new Set(parsed.map((p) => p.id)).size).toBe(parsed.length);
  expect(parsed.filter((p) => p.error).length).toBe(1);
  if (/ERROR line|server error/.test(f.question)) {
    expect(f.truth.answer).toBe(parsed.find((p) => p.error)!.id);
    return;
  }
  const id = /(?:request|client) (\S+?)(?:,| make| use| return| call| logged| request|\?|$)/.exec(f.question)![1]!;
  const line = parsed.find((p) => p.id === id)!;
  const q = f.question;
  const want = /date/.test(q) ? line.date : /status/.test(q) ? line.status : /latency|bytes/.test(q) ? line.size : /path/.test(q) ? line.path : /method/.test(q) ? line.method : line.user;
  expect(f.truth.answer).toBe(want);
}

describe('toYaml (hand-written expectation)', () => {
  it('writes block YAML that reads back as the same strings', () => {
    const yaml = toYaml({ a: 'x', b: 2, c: { d: 'New York' }, items: [{ sku: 'AB-1', qty: 2 }], when: '2024-01-02T00:00:00Z', phone: '(555) 123-4567', flag: 'yes' });
    expect(yaml).toBe(['a: x', 'b: 2', 'c:', '  d: New York', 'items:', '  - sku: AB-1', '    qty: 2', 'when: "2024-01-02T00:00:00Z"', 'phone: "(555) 123-4567"', 'flag: "yes"'].join('\n'));
  });
});

describe('inference.extract documents', () => {
  it('answers every field from the document, checked by parsing the document back', () => {
    const kinds = new Set<string>();
    for (let d = 1; d <= 5; d++) {
      for (let i = 0; i < 60; i++) {
        const docs = [planMail(seeded(`e${d}-${i}`), sf.faker, lex, d, REF), planRecord(seeded(`r${d}-${i}`), sf.faker, lex, d, REF), planLog(seeded(`l${d}-${i}`), d, REF)];
        for (const doc of docs) {
          kinds.add(`${doc.task}:${doc.lang}`);
          if (doc.task === 'invoice') checkInvoice(doc.document);
          for (const make of doc.fields) {
            const f = make();
            checkField(doc, f);
            if (doc.task === 'log') checkLog(doc, f);
          }
        }
      }
    }
    expect([...kinds].sort()).toEqual(['email:text', 'invoice:text', 'log:text', 'record:json', 'record:yaml']);
  });

  it('adds look-alike fields, lines and rows as difficulty grows', () => {
    const mean = (fn: (i: number) => number) => Array.from({ length: 60 }, (_, i) => fn(i)).reduce((a, b) => a + b, 0) / 60;
    const logLines = (d: number) => mean((i) => planLog(seeded(`g${d}-${i}`), d, REF).document.split('\n').length);
    const fields = (d: number) => mean((i) => planMail(seeded(`f${d}-${i}`), sf.faker, lex, d, REF).fields.length);
    expect(logLines(1)).toBeLessThan(logLines(3));
    expect(logLines(3)).toBeLessThan(logLines(5));
    expect(fields(1)).toBeLessThan(fields(5));
  });
});

describe('inference.extract', () => {
  function generate(seed: string, difficulty: number) {
    const rng = seeded(seed);
    return def.generate({ rng, faker: sf.faker, config: { ...def.defaults, difficulty }, index: 0, refDate: REF, templates, profile: null });
  }

  it('asks dates in ISO form and amounts as numbers, and quotes the whole document', () => {
    for (let i = 0; i < 300; i++) {
      const draft = generate(`q${i}`, (i % 5) + 1);
      const text = draft.messages[0]!.content;
      if (draft.ground_truth.type === 'date') {
        expect(text).toContain('YYYY-MM-DD');
        expect(draft.ground_truth.answer).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (draft.ground_truth.type === 'number') expect(draft.ground_truth.answer).toMatch(/^-?\d+(\.\d+)?$/);
    }
  });

  it('gives 3-6 near misses, all wrong', () => {
    for (let i = 0; i < 400; i++) {
      const draft = generate(`n${i}`, (i % 5) + 1);
      const t = draft.ground_truth;
      const misses = def.nearMisses(draft, new Rng(`x${i}`));
      expect(misses.length).toBeGreaterThanOrEqual(3);
      expect(misses.length).toBeLessThanOrEqual(6);
      for (const m of misses) {
        if (t.type === 'number') expect(Math.abs(Number(m) - Number(t.answer)) > 0.001 || Number.isNaN(Number(m))).toBe(true);
        else expect(m.toLowerCase()).not.toBe(t.answer.toLowerCase());
      }
    }
  });

  it('validates its weights and has three phrasings per document kind', () => {
    expect(() => def.validateConfig!({ difficulty: 2, weights: [0, 0, 0] })).toThrow(/weights/);
    for (const task of ['email', 'invoice', 'record', 'log']) expect(templates.ids.filter((id) => id.split('/').pop()!.startsWith(`${task}.`)).length).toBeGreaterThanOrEqual(3);
  });
});

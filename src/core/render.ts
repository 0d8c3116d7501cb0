/**
 * The handlebars environment for plain-text prompts: no HTML escaping, strict (a missing field is an error, not an
 * empty string), no prototype access, every template compiled once when its generator is first used.
 *
 * A generator's templates live in `templates/<family>/<generator name>/<task>.<variant>.hbs`. `<task>` names what the
 * prompt asks; the variants are different phrasings of the same task, and one is drawn per item.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from './paths.js';
import { compileTemplate, HelperRegistry, type HelperOptions } from './template-compiler.js';
import type { Rng } from './rng.js';
import { checkTemplatePurity } from '../purity/index.js';

/** The helpers every template may call (besides #if, #unless, #each and #with). */
export const helpers = new HelperRegistry();

/** English ordinal without Intl (locale independence): 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** "a, b and c" (or with `or`). */
export function joinWords(items: readonly string[], conj = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

/** A markdown table from a header row and body rows. */
export function markdownTable(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) => `| ${cells.map((c) => String(c)).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A CSV table (RFC 4180 quoting). */
export function csvTable(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (c: unknown) => {
    const s = String(c);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n');
}

helpers.register('ordinal', (n: number) => ordinal(n));
helpers.register('join', (items: string[], conj: unknown) => joinWords(items, typeof conj === 'string' ? conj : 'and'));
helpers.register('inc', (n: number) => n + 1);
helpers.register('eq', (a: unknown, b: unknown) => a === b);
// Marks assistant-side text in a template (a scripted earlier assistant turn, a model answer shown as an example):
// it renders its content unchanged, and the purity gate checks it when the template loads.
helpers.register('assistant', function (this: unknown, options: HelperOptions) {
  return options.fn(this);
});
helpers.register('bullets', (items: string[]) => items.map((s) => `- ${s}`).join('\n'));
helpers.register('numbered', (items: string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n'));

export type CompiledTemplate = (data: object) => string;

const ASSISTANT_OPEN = '{{#assistant}}';
const ASSISTANT_CLOSE = '{{/assistant}}';

/** The template with everything outside `{{#assistant}}` blocks blanked (newlines kept, so lines and columns hold). */
export function assistantSide(source: string): string {
  let out = '';
  let pos = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  for (;;) {
    const open = source.indexOf(ASSISTANT_OPEN, pos);
    if (open < 0) return out + blank(source.slice(pos));
    const start = open + ASSISTANT_OPEN.length;
    const close = source.indexOf(ASSISTANT_CLOSE, start);
    const end = close < 0 ? source.length : close;
    out += blank(source.slice(pos, start)) + source.slice(start, end);
    if (close < 0) return out;
    out += blank(ASSISTANT_CLOSE);
    pos = close + ASSISTANT_CLOSE.length;
  }
}

export interface TemplateSet {
  /** Template ids, `<family>/<generator>/<task>.<variant>`, sorted. */
  readonly ids: readonly string[];
  /** Task names, sorted. */
  readonly tasks: readonly string[];
  /** Draws one phrasing of `task` and renders it. */
  render(task: string, data: object, rng: Rng): { template: string; text: string };
}

const cache = new Map<string, TemplateSet>();

/** Loads and compiles `templates/<family>/<name>/*.hbs` once per process. */
export function loadTemplateSet(family: string, name: string, dir = TEMPLATES_DIR): TemplateSet {
  const folder = path.join(dir, family, name);
  const cached = cache.get(folder);
  if (cached) return cached;
  let files: string[];
  try {
    files = fs.readdirSync(folder).filter((f) => f.endsWith('.hbs'));
  } catch {
    throw new Error(`no template folder ${folder} for generator ${family}.${name}`);
  }
  // Sorted by code unit, not by locale: the draw order must not depend on the machine.
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byTask = new Map<string, { id: string; fn: CompiledTemplate }[]>();
  const ids: string[] = [];
  for (const file of files) {
    const stem = file.slice(0, -'.hbs'.length);
    const task = stem.split('.')[0]!;
    const source = fs.readFileSync(path.join(folder, file), 'utf8').replace(/\r\n/g, '\n').replace(/\n+$/, '');
    const impure = checkTemplatePurity(assistantSide(source), path.join(folder, file));
    if (impure.length > 0) {
      const f = impure[0]!;
      throw new Error(`${f.file}:${f.line}:${f.column}: assistant-side text fails the purity gate (rule ${f.rule}, ${f.category}): ${JSON.stringify(f.match)}`);
    }
    const id = `${family}/${name}/${stem}`;
    const fn: CompiledTemplate = compileTemplate(source, helpers, path.join(folder, file));
    ids.push(id);
    const list = byTask.get(task) ?? [];
    list.push({ id, fn });
    byTask.set(task, list);
  }
  if (ids.length === 0) throw new Error(`template folder ${folder} holds no .hbs file`);
  const set: TemplateSet = {
    ids,
    tasks: [...byTask.keys()],
    render(task, data, rng) {
      const variants = byTask.get(task);
      if (!variants) throw new Error(`generator ${family}.${name} has no template for task '${task}' in ${folder}`);
      const chosen = rng.pick(variants);
      return { template: chosen.id, text: chosen.fn(data).trim() };
    },
  };
  cache.set(folder, set);
  return set;
}

/**
 * Difficulty labels: for each item, k responses from a reference model, each checked by the item's own verifier.
 * One line per item and model: `{"id", "model", "k", "n_pass"}`.
 *
 * Resumable: labels are appended as they are made; a rerun skips the (id, model) pairs already in --out. A last line
 * torn by a kill (no newline, not valid JSON) is cut off; a bad line anywhere else is an error naming it.
 */
import fs from 'node:fs';
import { UsageError } from '../core/errors.js';
import type { Item } from '../core/item.js';
import { writeAllSync } from '../shards/atomic.js';
import { readJsonLines, sourceFiles } from '../shards/reader.js';
import { verifyItem } from '../verify/dispatch.js';
import type { LabelItem, ResponseSource } from './sources/types.js';

export interface Label {
  id: string;
  model: string;
  k: number;
  n_pass: number;
}

/** Checks one parsed label line; returns the label or throws naming file, line and field. */
export function parseLabel(value: Record<string, unknown>, file: string, line: number): Label {
  const bad = (field: string, why: string) => new UsageError(`${file}:${line}: ${field}: ${why}`);
  if (typeof value.id !== 'string' || value.id === '') throw bad('id', 'missing or not a non-empty string');
  if (typeof value.model !== 'string' || value.model === '') throw bad('model', 'missing or not a non-empty string');
  if (!Number.isSafeInteger(value.k) || (value.k as number) < 1) throw bad('k', 'missing or not a positive integer');
  const k = value.k as number;
  if (!Number.isSafeInteger(value.n_pass) || (value.n_pass as number) < 0 || (value.n_pass as number) > k) throw bad('n_pass', `missing or not an integer in 0..${k}`);
  return { id: value.id, model: value.model, k, n_pass: value.n_pass as number };
}

/**
 * The labels of one model from a labels file, by id. `model` picks one when the file holds several (an error names
 * them when it is missing); a repeated (id, model) pair is an error naming both lines.
 */
export async function readLabels(file: string, model?: string): Promise<{ model: string; labels: Map<string, Label> }> {
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such labels file`);
  const byModel = new Map<string, Map<string, Label & { line: number }>>();
  for await (const { value, line } of readJsonLines([file])) {
    const l = parseLabel(value, file, line);
    let m = byModel.get(l.model);
    if (!m) byModel.set(l.model, (m = new Map()));
    const prev = m.get(l.id);
    if (prev) throw new UsageError(`${file}:${line}: id: '${l.id}' of model '${l.model}' is already labelled on line ${prev.line}`);
    m.set(l.id, { ...l, line });
  }
  const names = [...byModel.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let chosen = model;
  if (chosen === undefined) {
    if (names.length === 0) throw new UsageError(`${file}: holds no labels`);
    if (names.length > 1) throw new UsageError(`${file}: holds labels of ${names.length} models (${names.join(', ')}); choose one with --model`);
    chosen = names[0]!;
  }
  const m = byModel.get(chosen);
  if (!m) throw new UsageError(`${file}: no labels of model '${chosen}' (models: ${names.join(', ') || 'none'})`);
  const labels = new Map<string, Label>();
  for (const [id, l] of m) labels.set(id, { id, model: l.model, k: l.k, n_pass: l.n_pass });
  return { model: chosen, labels };
}

/**
 * Reads what an earlier, possibly killed, run left in `file`: the ids already labelled for `model` (with k checked),
 * after cutting off a torn last line. Returns the number of bytes cut.
 */
export function resumeState(file: string, model: string, k: number): { done: Set<string>; repaired: number } {
  const done = new Set<string>();
  if (!fs.existsSync(file)) return { done, repaired: 0 };
  const text = fs.readFileSync(file, 'utf8');
  const lastNewline = text.lastIndexOf('\n');
  const tail = text.slice(lastNewline + 1);
  let repaired = 0;
  let body = text.slice(0, lastNewline + 1);
  if (tail.trim() !== '') {
    let whole = false;
    try {
      parseLabel(JSON.parse(tail), file, 0);
      whole = true;
    } catch {
      // torn by a kill mid-write
    }
    if (whole) {
      fs.appendFileSync(file, '\n');
      body = text + '\n';
    } else {
      fs.truncateSync(file, Buffer.byteLength(body, 'utf8'));
      repaired = Buffer.byteLength(tail, 'utf8');
    }
  }
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new UsageError(`${file}:${i + 1}: not JSON: ${(e as Error).message} (only a torn last line is repaired)`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${file}:${i + 1}: expected a JSON object`);
    const l = parseLabel(value as Record<string, unknown>, file, i + 1);
    if (l.model !== model) continue;
    if (l.k !== k) throw new UsageError(`${file}:${i + 1}: k: labels of model '${model}' here have k = ${l.k}, this run asks --k ${k}; use another --out`);
    done.add(l.id);
  }
  return { done, repaired };
}

/** The fields a label needs of an item row, checked (a preset row without them cannot be verified). */
export function checkItem(value: Record<string, unknown>, file: string, line: number): Item {
  const bad = (field: string, why: string) => new UsageError(`${file}:${line}: ${field}: ${why}`);
  if (typeof value.id !== 'string') throw bad('id', 'missing or not a string (labels need verigen items, not preset rows)');
  if (typeof value.verifier !== 'string') throw bad('verifier', 'missing or not a string');
  if (value.ground_truth === undefined || value.ground_truth === null || typeof value.ground_truth !== 'object') throw bad('ground_truth', 'missing or not an object');
  if (!Array.isArray(value.messages)) throw bad('messages', 'missing or not an array');
  return value as unknown as Item;
}

export interface LabelOptions {
  items: string;
  source: ResponseSource;
  k: number;
  out: string;
  /** Label at most this many items of the run (those already labelled count). */
  limit?: number;
  onProgress?: (labelled: number) => void;
}

export interface LabelSummary {
  model: string;
  k: number;
  out: string;
  /** Written by this call. */
  labelled: number;
  /** Found in --out already (skipped). */
  resumed: number;
  /** Items the source has no responses for (a JSONL file that answers a sample). */
  without_responses: number;
  /** Bytes of a torn last line cut from --out. */
  repaired_bytes: number;
  /** Over the labels written by this call: n_pass / k averaged per generator. */
  by_generator: Record<string, { items: number; mean_pass_rate: number }>;
}

export async function labelRun(opts: LabelOptions): Promise<LabelSummary> {
  const { source, k, out } = opts;
  if (!Number.isSafeInteger(k) || k < 1) throw new UsageError(`--k must be a positive integer, got ${k}`);
  const { files } = sourceFiles(opts.items);
  if (source.checkIds) {
    const ids = async function* () {
      for await (const { value, file, line } of readJsonLines(files)) {
        if (typeof value.id !== 'string') throw new UsageError(`${file}:${line}: id: missing or not a string`);
        yield { id: value.id };
      }
    };
    await source.checkIds(ids());
  }
  const { done, repaired } = resumeState(out, source.model, k);
  const summary: LabelSummary = { model: source.model, k, out, labelled: 0, resumed: 0, without_responses: 0, repaired_bytes: repaired, by_generator: {} };
  let fd: number;
  try {
    fd = fs.openSync(out, 'a');
  } catch (e) {
    throw new UsageError(`--out ${out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const sums = new Map<string, { items: number; passed: number }>();
  let batch: LabelItem[] = [];
  let seen = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const responses = await source.respond(batch, k);
    const lines: string[] = [];
    batch.forEach((it, i) => {
      const rs = responses[i]!;
      let n = 0;
      for (const r of rs) if (verifyItem(it.item, r).pass) n++;
      lines.push(JSON.stringify({ id: it.item.id, model: source.model, k, n_pass: n }));
      const g = sums.get(it.item.generator) ?? { items: 0, passed: 0 };
      g.items++;
      g.passed += n / k;
      sums.set(it.item.generator, g);
    });
    // One write per batch, whole lines only: a kill leaves at most one torn line, which the next run cuts off.
    writeAllSync(fd, Buffer.from(lines.join('\n') + '\n', 'utf8'));
    summary.labelled += batch.length;
    opts.onProgress?.(summary.labelled);
    batch = [];
  };
  try {
    for await (const { value, file, line } of readJsonLines(files)) {
      if (opts.limit !== undefined && seen >= opts.limit) break;
      const item = checkItem(value, file, line);
      if (!source.has(item.id)) {
        summary.without_responses++;
        continue;
      }
      seen++;
      if (done.has(item.id)) {
        summary.resumed++;
        continue;
      }
      batch.push({ item, file, line });
      if (batch.length >= source.batchSize) await flush();
    }
    await flush();
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
    await source.close?.();
  }
  const keys = [...sums.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const g of keys) {
    const s = sums.get(g)!;
    summary.by_generator[g] = { items: s.items, mean_pass_rate: s.passed / s.items };
  }
  return summary;
}

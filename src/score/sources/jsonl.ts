/**
 * Responses from a JSONL file, k per item, in either shape: one line `{id, responses: [k strings]}` per item, or k
 * lines `{id, response}`. The count, the types and the ids are checked before any label is written.
 */
import { UsageError } from '../../core/errors.js';
import { readJsonLines } from '../../shards/reader.js';
import type { LabelItem, ResponseSource } from './types.js';

interface Entry {
  line: number;
  responses: string[];
  /** 'array': one line with `responses`; 'lines': one line per `response`. */
  form: 'array' | 'lines';
}

export async function jsonlSource(file: string, k: number, model: string): Promise<ResponseSource> {
  const byId = new Map<string, Entry>();
  for await (const { value, line } of readJsonLines([file])) {
    const id = value.id;
    if (typeof id !== 'string' || id === '') throw new UsageError(`${file}:${line}: id: missing or not a non-empty string`);
    const prev = byId.get(id);
    if (value.responses !== undefined) {
      const rs = value.responses;
      if (!Array.isArray(rs)) throw new UsageError(`${file}:${line}: responses: not an array of strings`);
      const bad = rs.findIndex((r) => typeof r !== 'string');
      if (bad >= 0) throw new UsageError(`${file}:${line}: responses[${bad}]: not a string`);
      if (rs.length !== k) throw new UsageError(`${file}:${line}: responses: ${rs.length} response(s) for id '${id}', expected --k ${k}`);
      if (prev) throw new UsageError(`${file}:${line}: id: '${id}' already has responses on line ${prev.line}`);
      byId.set(id, { line, responses: rs as string[], form: 'array' });
    } else if (value.response !== undefined) {
      if (typeof value.response !== 'string') throw new UsageError(`${file}:${line}: response: not a string`);
      if (prev && prev.form === 'array') throw new UsageError(`${file}:${line}: id: '${id}' already has a responses array on line ${prev.line}`);
      if (prev) prev.responses.push(value.response);
      else byId.set(id, { line, responses: [value.response], form: 'lines' });
    } else {
      throw new UsageError(`${file}:${line}: response: missing (each line needs "responses": [k strings] or "response": a string)`);
    }
  }
  for (const [id, e] of byId) {
    if (e.responses.length !== k) throw new UsageError(`${file}:${e.line}: response: id '${id}' has ${e.responses.length} response line(s), expected --k ${k}`);
  }
  return {
    model,
    batchSize: 256,
    has: (id) => byId.has(id),
    async respond(items: readonly LabelItem[]) {
      return items.map((it) => byId.get(it.item.id)!.responses);
    },
    async checkIds(ids) {
      const unmatched = new Set(byId.keys());
      for await (const { id } of ids) unmatched.delete(id);
      if (unmatched.size === 0) return;
      let first: [string, Entry] | null = null;
      for (const id of unmatched) {
        const e = byId.get(id)!;
        if (!first || e.line < first[1].line) first = [id, e];
      }
      throw new UsageError(`${file}:${first![1].line}: id: '${first![0]}' names no item of --items${unmatched.size > 1 ? ` (${unmatched.size} unknown ids in all)` : ''}`);
    },
  };
}

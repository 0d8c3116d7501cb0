/**
 * The Parquet columns of a shard: one spec list per row shape (verigen's item, or an export preset), turned into a
 * Parquet schema for the writer and used again by the reader to give back exactly the object a JSONL line holds.
 *
 * Fixed-shape values get real Parquet types (`messages` is a list of {role, content} structs, which Hugging Face
 * `datasets` reads as its chat format; verl's `reward_model` and `extra_info` are structs because verl indexes into
 * them). Values whose shape differs per verifier (`ground_truth`, `meta`, IFEval's `kwargs`) are JSON strings:
 * one Arrow struct over every verifier's shape would be mostly nulls and would change whenever a verifier is added.
 */
import type { SchemaElement } from 'hyparquet';
import type { Preset } from './presets.js';

/**
 * - string: a UTF-8 string; int64: an integer (read back as a number);
 * - json: any JSON value, stored as its JSON text and parsed back on reading;
 * - messages: a list of {role, content}; strings: a list of strings; struct: the named fields.
 */
export type ColumnSpec =
  | { name: string; kind: 'string' | 'int64' | 'json' | 'messages' | 'strings'; optional?: true; omitNull?: true }
  | { name: string; kind: 'struct'; fields: ColumnSpec[]; optional?: true; omitNull?: true };

/** The key-value metadata entry that records the column specs, so a reader needs no knowledge of the run config. */
export const COLUMNS_KEY = 'verigen.columns';

const s = (name: string): ColumnSpec => ({ name, kind: 'string' });
const i64 = (name: string): ColumnSpec => ({ name, kind: 'int64' });
/** A column that only some rows have: absent keys are written as null and left out again on reading. */
const absentable = (name: string): ColumnSpec => ({ name, kind: 'string', optional: true, omitNull: true });

/** Column specs in the key order of the JSON objects the same run writes as JSONL. */
export function columnsFor(preset: Preset | null, emitWitness: boolean): ColumnSpec[] {
  switch (preset) {
    case null:
      return [
        s('id'),
        s('family'),
        s('generator'),
        s('template'),
        s('seed'),
        i64('index'),
        { name: 'messages', kind: 'messages' },
        s('verifier'),
        { name: 'ground_truth', kind: 'json' },
        { name: 'answer', kind: 'string', optional: true },
        { name: 'meta', kind: 'json' },
        ...(emitWitness ? [absentable('witness')] : []),
      ];
    case 'open-instruct':
      return [s('id'), { name: 'messages', kind: 'messages' }, s('ground_truth'), s('dataset')];
    case 'trl':
      return [s('id'), { name: 'prompt', kind: 'messages' }, s('verifier'), s('ground_truth')];
    case 'verl':
      return [
        s('data_source'),
        { name: 'prompt', kind: 'messages' },
        s('ability'),
        { name: 'reward_model', kind: 'struct', fields: [s('style'), s('ground_truth')] },
        { name: 'extra_info', kind: 'struct', fields: [s('split'), i64('index'), s('id')] },
      ];
    case 'ifeval':
      return [
        i64('key'),
        s('prompt'),
        { name: 'instruction_id_list', kind: 'strings' },
        { name: 'kwargs', kind: 'json' },
        ...(emitWitness ? [absentable('response')] : []),
      ];
  }
}

const repetition = (c: ColumnSpec) => (c.optional ? 'OPTIONAL' : 'REQUIRED') as 'OPTIONAL' | 'REQUIRED';
const utf8 = (name: string, rep: 'OPTIONAL' | 'REQUIRED' | 'REPEATED'): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: rep,
});

function elements(c: ColumnSpec): SchemaElement[] {
  const rep = repetition(c);
  switch (c.kind) {
    case 'string':
    case 'json':
      return [utf8(c.name, rep)];
    case 'int64':
      return [{ name: c.name, type: 'INT64', repetition_type: rep }];
    // Lists use the standard three-level layout (LIST group > repeated `list` > `element`), which Arrow, Spark and
    // DuckDB all read as a list column.
    case 'messages':
      return [
        { name: c.name, repetition_type: rep, converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: 'REQUIRED', num_children: 2 },
        utf8('role', 'REQUIRED'),
        utf8('content', 'REQUIRED'),
      ];
    case 'strings':
      return [
        { name: c.name, repetition_type: rep, converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        utf8('element', 'REQUIRED'),
      ];
    case 'struct':
      return [{ name: c.name, repetition_type: rep, num_children: c.fields.length }, ...c.fields.flatMap(elements)];
  }
}

export function parquetSchema(columns: readonly ColumnSpec[]): SchemaElement[] {
  return [{ name: 'schema', num_children: columns.length }, ...columns.flatMap(elements)];
}

export class RowShapeError extends Error {}

function fail(c: ColumnSpec, what: string, v: unknown): never {
  const shown = v === undefined ? 'undefined' : JSON.stringify(v);
  throw new RowShapeError(`column ${c.name}: expected ${what}, got ${shown === undefined ? typeof v : shown.slice(0, 80)}`);
}

/** The value the writer stores for one row's field: checked against the spec, so a wrong row fails with its column. */
export function encodeValue(c: ColumnSpec, v: unknown): unknown {
  if (v === null || v === undefined) {
    if (c.optional) return null;
    return fail(c, 'a value', v);
  }
  switch (c.kind) {
    case 'string':
      return typeof v === 'string' ? v : fail(c, 'a string', v);
    case 'json':
      return JSON.stringify(v);
    case 'int64':
      return Number.isSafeInteger(v) ? BigInt(v as number) : fail(c, 'an integer', v);
    case 'messages':
      if (!Array.isArray(v)) return fail(c, 'a list of messages', v);
      return v.map((m: unknown) => {
        const { role, content } = (m ?? {}) as { role?: unknown; content?: unknown };
        if (typeof role !== 'string' || typeof content !== 'string') return fail(c, '{role, content} strings', m);
        return { role, content };
      });
    case 'strings':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return fail(c, 'a list of strings', v);
      return v;
    case 'struct': {
      if (typeof v !== 'object' || Array.isArray(v)) return fail(c, 'an object', v);
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of c.fields) out[f.name] = encodeValue(f, o[f.name]);
      return out;
    }
  }
}

/** The inverse of encodeValue on what a Parquet reader returns (bigint for INT64, strings, arrays, objects). */
export function decodeValue(c: ColumnSpec, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (c.kind) {
    case 'json':
      return JSON.parse(v as string);
    case 'int64':
      return Number(v as bigint);
    case 'struct': {
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of c.fields) out[f.name] = decodeValue(f, o[f.name]);
      return out;
    }
    case 'messages':
      return (v as { role: string; content: string }[]).map((m) => ({ role: m.role, content: m.content }));
    default:
      return v;
  }
}

/** Rebuilds the JSON object of one row, keys in spec order, absent keys left out. */
export function decodeRow(columns: readonly ColumnSpec[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = decodeValue(c, row[c.name]);
    if (v === null && c.omitNull) continue;
    out[c.name] = v;
  }
  return out;
}

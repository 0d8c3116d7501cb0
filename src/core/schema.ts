/** ajv validators, compiled once per process from `schemas/`. */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { SCHEMAS_DIR } from './paths.js';

export const SCHEMA_NAMES = ['item', 'response', 'run-config', 'manifest'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  // strictRequired off: the response schema requires one of id/key/prompt through anyOf.
  ajv = new Ajv2020({ allErrors: false, strict: true, strictRequired: false, allowUnionTypes: true });
  for (const name of SCHEMA_NAMES) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8')));
  }
  return ajv;
}

export function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    const found = instance().getSchema(`https://verigen.dev/schemas/${name}.schema.json`);
    if (!found) throw new Error(`schema ${name} did not load`);
    v = found;
    compiled.set(name, v);
  }
  return v;
}

const truthDefs: Record<string, string> = { answer: 'answerTruth', ifeval: 'ifevalTruth', selffact: 'selffactTruth', injection: 'injectionTruth', confidence: 'confidenceTruth' };
const truthValidators = new Map<string, ValidateFunction>();

/** The item schema's ground-truth shape for one verifier (null for a verifier whose ground truth has no shape yet). */
export function groundTruthValidator(verifier: string): ValidateFunction | null {
  const def = truthDefs[verifier];
  if (!def) return null;
  let v = truthValidators.get(verifier);
  if (!v) {
    const found = instance().getSchema(`https://verigen.dev/schemas/item.schema.json#/$defs/${def}`);
    if (!found) throw new Error(`schema def ${def} did not load`);
    v = found;
    truthValidators.set(verifier, v);
  }
  return v;
}

/** "field: problem" for the first error, with a JSON-pointer-like path. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'invalid';
  const e = errors[0]!;
  const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(root)';
  const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : '';
  return `${at}: ${e.message ?? 'invalid'}${extra}`;
}

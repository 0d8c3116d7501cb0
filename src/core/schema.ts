/** The validators of `schemas/` by name, each compiled once per process (or at build time: see validators.ts). */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { CORE_VALIDATORS, getValidator } from './validators.js';

export const SCHEMA_NAMES = ['item', 'response', 'run-config', 'manifest'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const exportNames: Record<SchemaName, string> = { item: 'item', response: 'response', 'run-config': 'runConfig', manifest: 'manifest' };

export function validator(name: SchemaName): ValidateFunction {
  return getValidator(CORE_VALIDATORS, exportNames[name]);
}

const truthDefs: Record<string, string> = { answer: 'answerTruth', ifeval: 'ifevalTruth', selffact: 'selffactTruth', injection: 'injectionTruth', confidence: 'confidenceTruth' };

/** The item schema's ground-truth shape for one verifier (null for a verifier whose ground truth has no shape yet). */
export function groundTruthValidator(verifier: string): ValidateFunction | null {
  const def = Object.prototype.hasOwnProperty.call(truthDefs, verifier) ? truthDefs[verifier] : undefined;
  return def ? getValidator(CORE_VALIDATORS, def) : null;
}

/** "field: problem" for the first error, with a JSON-pointer-like path. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'invalid';
  const e = errors[0]!;
  const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(root)';
  const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : '';
  return `${at}: ${e.message ?? 'invalid'}${extra}`;
}

/**
 * The reward server's unit of work: a batch of `{item, response}` or `{verifier, ground_truth, response}` entries,
 * checked whole before anything is verified (a bad entry names its index and field), then verified in order.
 */
import { VERIFIERS, verifyItem } from '../verify/dispatch.js';
import { describeErrors, groundTruthValidator, validator } from '../core/schema.js';
import type { Check } from '../verify/types.js';

export type ChecksDetail = 'none' | 'failed' | 'all';

export interface BatchEntry {
  verifier: string;
  ground_truth: unknown;
  response: string;
  /** The item's id when the entry carried a whole item, echoed back. */
  id?: string;
}

export interface EntryResult {
  id?: string;
  pass: boolean;
  score: number;
  /** What an RL trainer adds to the return: the verifier's score in [0, 1]. */
  reward: number;
  checks?: Check[];
}

export class BatchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'BatchError';
  }
}

/** `prefix` + ajv's first error, as one path: "batch[2].ground_truth.answer: must be string". */
function at(prefix: string, errors: Parameters<typeof describeErrors>[0]): string {
  const d = describeErrors(errors);
  return d.startsWith('(root)') ? prefix + d.slice('(root)'.length) : `${prefix}.${d}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Checks a parsed request body and returns its entries; throws a BatchError (status 400 or 413) naming the field. */
export function parseBatch(body: unknown, maxBatch: number): BatchEntry[] {
  const list = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.batch) ? body.batch : null;
  if (!list) throw new BatchError('the body must be a JSON array of entries, or an object {"batch": [...]}', 400);
  if (list.length > maxBatch) throw new BatchError(`the batch has ${list.length} entries; this server takes at most ${maxBatch} (--max-batch)`, 413);
  const itemSchema = validator('item');
  return list.map((raw, i): BatchEntry => {
    const where = `batch[${i}]`;
    if (!isObject(raw)) throw new BatchError(`${where}: must be an object`, 400);
    if (typeof raw.response !== 'string') throw new BatchError(`${where}.response: must be a string`, 400);
    if (raw.item !== undefined) {
      if (!itemSchema(raw.item)) throw new BatchError(at(`${where}.item`, itemSchema.errors), 400);
      const item = raw.item as { id: string; verifier: string; ground_truth: unknown };
      return { id: item.id, verifier: item.verifier, ground_truth: item.ground_truth, response: raw.response };
    }
    if (typeof raw.verifier !== 'string') throw new BatchError(`${where}: needs either "item" or "verifier" and "ground_truth"`, 400);
    if (!VERIFIERS[raw.verifier]) throw new BatchError(`${where}.verifier: unknown verifier '${raw.verifier}' (known: ${Object.keys(VERIFIERS).join(', ')})`, 400);
    // The export presets (open-instruct, trl, verl) carry the ground truth as a JSON string: taken as it comes.
    let truth = raw.ground_truth;
    if (typeof truth === 'string') {
      try {
        truth = JSON.parse(truth);
      } catch {
        throw new BatchError(`${where}.ground_truth: a string ground truth must hold JSON`, 400);
      }
    }
    if (!isObject(truth)) throw new BatchError(`${where}.ground_truth: must be an object (or a JSON string of one)`, 400);
    const shape = groundTruthValidator(raw.verifier);
    if (shape && !shape(truth)) throw new BatchError(at(`${where}.ground_truth`, shape.errors), 400);
    return { verifier: raw.verifier, ground_truth: truth, response: raw.response };
  });
}

/** Verifies every entry; `detail` says which checks to send back (failed ones by default, to keep replies small). */
export function verifyBatch(entries: readonly BatchEntry[], detail: ChecksDetail = 'failed'): EntryResult[] {
  return entries.map((e) => {
    const v = verifyItem({ verifier: e.verifier as never, ground_truth: e.ground_truth as never }, e.response);
    const out: EntryResult = { pass: v.pass, score: v.score, reward: v.score };
    if (e.id !== undefined) out.id = e.id;
    if (detail === 'all') out.checks = v.checks;
    else if (detail === 'failed') out.checks = v.checks.filter((c) => !c.pass);
    return out;
  });
}

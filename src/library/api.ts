/**
 * The library's convenience layer over the engine: read a run's items as typed objects, and verify one response or a
 * batch, the way the CLI and the reward server do.
 */
import type { Item } from '../core/item.js';
import { readJsonLines, sourceFiles } from '../shards/reader.js';
import { verifyItem } from '../verify/dispatch.js';
import { parseBatch, verifyBatch, type EntryResult } from '../serve/batch.js';
import type { Verdict } from '../verify/types.js';
import type { AnswerTruth } from '../families/inference/answer-truth.js';
import type { SelffactTruth } from '../families/selffact/index.js';
import type { InjectionTruth } from '../families/injection/index.js';
import type { ConfidenceTruth } from '../families/confidence/index.js';

/** IFEval's ground truth: instruction ids and one kwargs object per id. */
export interface IfevalTruth {
  instruction_id_list: string[];
  kwargs: Record<string, unknown>[];
}

/** An item whose ground truth is typed by its verifier (the shapes of schemas/item.schema.json's $defs). */
export type TypedItem =
  | (Item<AnswerTruth> & { verifier: 'answer' })
  | (Item<IfevalTruth> & { verifier: 'ifeval' })
  | (Item<SelffactTruth> & { verifier: 'selffact' })
  | (Item<InjectionTruth> & { verifier: 'injection' })
  | (Item<ConfidenceTruth> & { verifier: 'confidence' });

/**
 * A run's items in order, streaming (a run folder of any shard format the reader knows, one shard, or an items file).
 * Lines are not re-validated here (`verigen audit` does that); a line that is not JSON is an error naming file and line.
 */
export async function* readRun(source: string): AsyncGenerator<TypedItem> {
  const { files } = sourceFiles(source);
  for await (const { value } of readJsonLines(files)) yield value as unknown as TypedItem;
}

/** Anything with a verifier name and its ground truth: a whole item, typed or not, or the two fields alone. */
export interface Verifiable {
  verifier: string;
  ground_truth: unknown;
}

export interface BatchEntry {
  item?: Item;
  verifier?: string;
  ground_truth?: unknown;
  response: string;
}

/**
 * `verify(item, response)`: one verdict. `verify(entries)`: a batch of `{item, response}` or `{verifier,
 * ground_truth, response}` (ground truth as an object or a JSON string), checked whole first like POST /verify: a bad
 * entry throws, naming `batch[i].field`; each result carries the reward (the verifier's score).
 */
export function verify(item: Verifiable, response: string): Verdict;
export function verify(entries: readonly BatchEntry[]): EntryResult[];
export function verify(a: Verifiable | readonly BatchEntry[], response?: string): Verdict | EntryResult[] {
  if (Array.isArray(a)) return verifyBatch(parseBatch(a, Number.MAX_SAFE_INTEGER), 'all');
  const v = a as Verifiable;
  return verifyItem({ verifier: v.verifier as Item['verifier'], ground_truth: v.ground_truth as Item['ground_truth'] }, response ?? '');
}

/** pass@1 of a reference model per generator: k responses per item, each checked by the item's own verifier. */
import type { Item } from '../../core/item.js';
import { verifyItem } from '../../verify/dispatch.js';
import type { ReferenceModel } from '../ref.js';
import { promptOf, readItems } from './data.js';

export interface EvalOptions {
  items: string;
  model: ReferenceModel;
  k: number;
  temperature: number;
  maxNewBytes: number;
  seed: string;
  /** Items per generate call. */
  chunk?: number;
  /** Stop after this many items. */
  limit?: number;
  log?: (line: string) => void;
}

export interface GroupPass {
  generator: string;
  verifier: string;
  items: number;
  /** Mean over items of (responses that pass) / k: the unbiased pass@1 estimate. */
  pass_at_1: number;
}

export interface EvalResult {
  model: string;
  k: number;
  temperature: number;
  items: number;
  pass_at_1: number;
  by_generator: GroupPass[];
}

export async function evaluate(o: EvalOptions): Promise<EvalResult> {
  const chunk = o.chunk ?? 32;
  const groups = new Map<string, { verifier: string; items: number; sum: number }>();
  let total = 0;
  let sum = 0;
  const t0 = process.hrtime.bigint();
  const run = async (batch: Item[]) => {
    const responses = await o.model.generate(batch.map(promptOf), { k: o.k, temperature: o.temperature, maxNewBytes: o.maxNewBytes, seed: o.seed });
    batch.forEach((item, i) => {
      let pass = 0;
      for (const r of responses[i]!) if (verifyItem(item, r).pass) pass++;
      const g = groups.get(item.generator) ?? { verifier: item.verifier, items: 0, sum: 0 };
      g.items++;
      g.sum += pass / o.k;
      groups.set(item.generator, g);
      total++;
      sum += pass / o.k;
    });
    const sec = Number(process.hrtime.bigint() - t0) / 1e9;
    o.log?.(`${total} items, pass@1 ${(sum / total).toFixed(3)}, ${(total / sec).toFixed(2)} items/s`);
  };
  let batch: Item[] = [];
  for await (const item of readItems(o.items)) {
    if (o.limit !== undefined && total + batch.length >= o.limit) break;
    batch.push(item);
    if (batch.length === chunk) {
      await run(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await run(batch);
  const by_generator = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([generator, g]) => ({ generator, verifier: g.verifier, items: g.items, pass_at_1: g.sum / g.items }));
  return { model: o.model.name, k: o.k, temperature: o.temperature, items: total, pass_at_1: total ? sum / total : 0, by_generator };
}

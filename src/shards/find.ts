/** Finds one item of a run by index: the manifest says which shard holds it, so only that shard is read. */
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Item } from '../core/item.js';
import { readJsonLines, sourceFiles } from './reader.js';

export async function findItem(dir: string, index: number): Promise<Item> {
  const { manifest } = sourceFiles(dir);
  if (!manifest) throw new UsageError(`${dir}: show needs a run folder`);
  const rec = manifest.shards.find((s) => index >= s.start && index < s.end);
  if (!rec) throw new UsageError(`--index ${index} is outside the run (0..${manifest.config.count - 1})`);
  for await (const { value } of readJsonLines([path.join(dir, rec.file)])) {
    if (value.index === index) return value as unknown as Item;
    if (typeof value.index === 'number' && value.index > index) break;
  }
  throw new UsageError(`item ${index} is not in ${rec.file} (dropped as a duplicate by --dedupe?)`);
}

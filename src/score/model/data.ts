/** Items → (prompt, answer) pairs: what the model reads, and the canonical answer or the witness it should write. */
import { conversationText, type Item } from '../../core/item.js';
import { readJsonLines, sourceFiles } from '../../shards/reader.js';

export interface Pair {
  id: string;
  generator: string;
  prompt: string;
  answer: string;
}

/** The text the model is conditioned on for an item: every turn it reads, as `conversationText` writes them. */
export function promptOf(item: Pick<Item, 'messages'>): string {
  return conversationText(item);
}

/** The target the model learns: the witness when the item has one, else its canonical answer; null for neither. */
export function targetOf(item: Pick<Item, 'witness' | 'answer'>): string | null {
  if (typeof item.witness === 'string' && item.witness.length > 0) return item.witness;
  if (typeof item.answer === 'string' && item.answer.length > 0) return item.answer;
  return null;
}

/** Streams a run's items (a run folder, a shard, or a JSONL file). */
export async function* readItems(source: string): AsyncGenerator<Item> {
  for await (const { value } of readJsonLines(sourceFiles(source).files)) yield value as unknown as Item;
}

/** Every (prompt, target) pair of a run, in the run's order; items without a target are left out. */
export async function readPairs(source: string): Promise<Pair[]> {
  const out: Pair[] = [];
  for await (const item of readItems(source)) {
    const answer = targetOf(item);
    if (answer === null || !Array.isArray(item.messages)) continue;
    out.push({ id: String(item.id), generator: String(item.generator), prompt: promptOf(item), answer });
  }
  return out;
}

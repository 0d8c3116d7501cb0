/** Where the k responses of an item come from when labelling: a JSONL file, the embedded model, or an HTTP endpoint. */
import type { Item } from '../../core/item.js';

/** An item to label, with where it was read (for messages). */
export interface LabelItem {
  item: Item;
  file: string;
  line: number;
}

export interface ResponseSource {
  /** What the labels record as `model`. */
  readonly model: string;
  /** How many items one `respond` call should get (the caller batches items up to this). */
  readonly batchSize: number;
  /** Whether the source has responses for this id (a JSONL file labels only the items it answers). */
  has(id: string): boolean;
  /** Exactly k responses per item, in the items' order; a source that cannot say why naming file, line and field. */
  respond(items: readonly LabelItem[], k: number): Promise<string[][]>;
  /** Called once with every item id of the run before labelling starts (a JSONL file refuses ids of no item). */
  checkIds?(ids: AsyncIterable<{ id: string }>): Promise<void>;
  close?(): Promise<void>;
}

/** The item and its parts; `schemas/item.schema.json` is the source of truth for the wire format. */

export const FAMILIES = ['instruct', 'inference', 'selffact', 'injection', 'confidence'] as const;
export type Family = (typeof FAMILIES)[number];

export type Role = 'system' | 'user' | 'assistant' | 'tool';
export interface Message {
  role: Role;
  content: string;
}

export type VerifierName = 'answer' | 'ifeval' | 'selffact' | 'injection' | 'confidence';

export interface ItemMeta {
  profile: string | null;
  tags: string[];
  [key: string]: unknown;
}

export interface Item<G = Record<string, unknown>> {
  id: string;
  family: Family;
  generator: string;
  template: string;
  seed: string;
  index: number;
  messages: Message[];
  verifier: VerifierName;
  ground_truth: G;
  answer: string | null;
  witness?: string;
  meta: ItemMeta;
}

/** Width of the zero-padded index in item ids. */
export const INDEX_WIDTH = 10;

export function itemId(generatorId: string, seed: string, index: number): string {
  return `${generatorId}/s${seed}/${String(index).padStart(INDEX_WIDTH, '0')}`;
}

/** The last user turn: what IFEval-style response files match on. */
export function promptText(item: Pick<Item, 'messages'>): string {
  for (let i = item.messages.length - 1; i >= 0; i--) {
    const m = item.messages[i]!;
    if (m.role === 'user') return m.content;
  }
  return '';
}

/**
 * Everything the model reads before it answers: the content alone for a single message, else each turn as
 * `role: content`. Duplicate counting, --dedupe and prompt-length stats use this, since two items that share a
 * final question but not their context (a runtime self-fact) are different items.
 */
export function conversationText(item: Pick<Item, 'messages'>): string {
  if (item.messages.length === 1) return item.messages[0]!.content;
  return item.messages.map((m) => `${m.role}: ${m.content}`).join('\n');
}

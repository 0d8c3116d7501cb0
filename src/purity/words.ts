/**
 * The word table of the trigger stage: every trigger, needed and anchor word of the registry, looked up while a text is
 * scanned, without substrings or Map lookups per token.
 */

/**
 * An open-addressing hash table of every trigger and needed word (FNV-1a over the letters), small enough to stay in
 * cache: a token is hashed while it is scanned, so finding its id needs no substring and no Map.
 */
export interface WordTable {
  /**
   * A cheap prefilter: `shapes[(first * 26 + last) * 32 + min(length, 31)]` is 1 when some word has that first letter,
   * last letter and length. Most tokens of a text fail it and are never hashed or looked up.
   */
  readonly shapes: Uint8Array;
  readonly mask: number;
  /** Slot -> word id, -1 when empty; beside it the word's hash and length, so a probe reads one slot. */
  readonly slots: Int32Array;
  readonly slotHash: Int32Array;
  readonly slotLength: Int32Array;
  readonly words: readonly string[];
  readonly hashes: Int32Array;
  /**
   * Whether a token must be compared with the word letter by letter: only when two words share a hash and a length.
   * Otherwise a hash and length match is taken as the word. A token that merely collides with a word then counts as
   * that word, which can only wake a pattern or add an anchor to try, never drop one: the patterns' regexes still
   * decide every finding, so verdicts are the same, and the letter comparison is saved on every token.
   */
  readonly verify: boolean;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

export function buildTable(wordIds: ReadonlyMap<string, number>): WordTable {
  let size = 1;
  while (size < wordIds.size * 4) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const slotHash = new Int32Array(size);
  const slotLength = new Int32Array(size);
  const words: string[] = [];
  const hashes = new Int32Array(wordIds.size);
  const seen = new Set<string>();
  let verify = false;
  const shapes = new Uint8Array(26 * 26 * 32);
  for (const [word, id] of wordIds) {
    shapes[shapeOf(word.charCodeAt(0), word.charCodeAt(word.length - 1), word.length)] = 1;
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    words[id] = word;
    hashes[id] = h;
    let slot = h & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = id;
    slotHash[slot] = h;
    slotLength[slot] = word.length;
    const key = `${h}/${word.length}`;
    if (seen.has(key)) verify = true;
    seen.add(key);
  }
  return { shapes, mask, slots, slotHash, slotLength, words, hashes, verify };
}

/** The prefilter slot of a token from its first and last letters (lowercase codes) and its length. */
export function shapeOf(first: number, last: number, length: number): number {
  return ((first - 97) * 26 + (last - 97)) * 32 + (length < 31 ? length : 31);
}

/**
 * The id of the token text[start, end) (lowercase a-z once folded) whose hash is h, or -1; without `table.verify`, the
 * id of the word with that hash and length (see WordTable.verify).
 */
export function lookup(table: WordTable, h: number, text: string, start: number, end: number): number {
  const length = end - start;
  let slot = h & table.mask;
  for (;;) {
    const id = table.slots[slot]!;
    if (id === -1) return -1;
    if (table.slotHash[slot] === h && table.slotLength[slot] === length && (!table.verify || sameWord(table.words[id]!, text, start))) return id;
    slot = (slot + 1) & table.mask;
  }
}

function sameWord(word: string, text: string, start: number): boolean {
  let i = 0;
  while (i < word.length && word.charCodeAt(i) === (text.charCodeAt(start + i) | 32)) i++;
  return i === word.length;
}

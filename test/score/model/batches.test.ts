import { BOS, EOS, SEP } from '../../../src/score/model/config.js';
import { BatchStream } from '../../../src/score/model/batches.js';
import { targetOf, promptOf } from '../../../src/score/model/data.js';
import { encodeExample } from '../../../src/score/model/tokens.js';

describe('examples and batches', () => {
  it('encodes BOS prompt SEP answer EOS, byte by byte (UTF-8)', () => {
    const e = encodeExample('hé', 'ok', 64);
    expect(e.tokens).toEqual([BOS, 0x68, 0xc3, 0xa9, SEP, 0x6f, 0x6b, EOS]);
    expect(e.answerStart).toBe(5);
  });

  it('cuts the start of a long prompt and the end of a long answer (no EOS then)', () => {
    const e = encodeExample('0123456789'.repeat(10), 'abcdefghijklmnop', 16);
    // Answer room is half the context: 8 bytes, whole answer does not fit, so 8 bytes and no EOS; prompt 16-8-2 = 6.
    expect(e.tokens.length).toBe(16);
    expect(Buffer.from(e.tokens.slice(1, 7)).toString()).toBe('456789');
    expect(Buffer.from(e.tokens.slice(8)).toString()).toBe('abcdefgh');
  });

  it('packs examples into rows: positions restart, segments differ, loss only on answer bytes and EOS', () => {
    const a = encodeExample('ab', 'X', 16); // BOS a b SEP X EOS: 6 tokens
    const b = encodeExample('c', 'YZ', 16); // BOS c SEP Y Z EOS: 6 tokens
    const batch = new BatchStream([a, b], 'seed', 1, 16).next();
    expect(Array.from(batch.positions.slice(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
    expect(new Set(batch.segments.slice(0, 6)).size).toBe(1);
    expect(batch.segments[0]).not.toBe(batch.segments[6]);
    expect(Array.from(batch.segments.slice(12))).toEqual([-1, -1, -1, -1]);
    // Both examples are in the row, in either order; the weights mark the positions whose next token is answer/EOS.
    const first = batch.tokens[1] === 0x61 ? a : b;
    const w = Array.from(batch.weights.slice(0, 6));
    expect(w).toEqual(first === a ? [0, 0, 0, 1, 1, 0] : [0, 0, 1, 1, 1, 0]);
    expect(batch.lossTokens).toBe(2 + 3);
    expect(batch.targets[3]).toBe(first.tokens[4]);
  });

  it('orders batches from the seed: same seed, same stream; another seed, another order', () => {
    const ex = Array.from({ length: 30 }, (_, i) => encodeExample(`q${i}`, `a${i}`, 32));
    const take = (seed: string) => {
      const s = new BatchStream(ex, seed, 2, 32);
      return [s.next(), s.next(), s.next()].map((b) => Array.from(b.tokens).join(','));
    };
    expect(take('1')).toEqual(take('1'));
    expect(take('1')).not.toEqual(take('2'));
  });

  it('learns from the witness when an item has one, else the answer; reads every turn', () => {
    expect(targetOf({ witness: 'W', answer: 'A' })).toBe('W');
    expect(targetOf({ answer: 'A' })).toBe('A');
    expect(targetOf({ answer: null })).toBeNull();
    expect(promptOf({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'U' }] })).toBe('system: S\nuser: U');
    expect(promptOf({ messages: [{ role: 'user', content: 'U' }] })).toBe('U');
  });
});

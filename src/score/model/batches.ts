/**
 * Training batches: examples packed back to back into rows of `context` tokens (no padding between them; each keeps
 * its own positions and sees only itself), in an order shuffled per epoch from the seed. The stream is a pure
 * function of (examples, seed, rows, context), so a resumed run replays it to the step it stopped at.
 */
import { Rng } from '../../core/rng.js';
import { EOS } from './config.js';
import type { Example } from './tokens.js';

export interface Batch {
  rows: number;
  length: number;
  tokens: Int32Array;
  positions: Int32Array;
  /** Which example of its row each position belongs to; -1 for the padding at a row's end. */
  segments: Int32Array;
  /** The next token at each position (what it is trained to predict). */
  targets: Int32Array;
  /** 1 where the target is an answer byte or the EOS after it, else 0: only the answer is learned. */
  weights: Float32Array;
  /** Sum of weights. */
  lossTokens: number;
}

export class BatchStream {
  private epoch = 0;
  private order: number[] = [];
  private cursor = 0;

  constructor(
    private readonly examples: readonly Example[],
    private readonly seed: string,
    readonly rows: number,
    readonly length: number,
  ) {
    if (examples.length === 0) throw new Error('no training examples');
    for (const e of examples) if (e.tokens.length > length) throw new Error(`an example of ${e.tokens.length} tokens does not fit a row of ${length}`);
    this.shuffle();
  }

  private shuffle(): void {
    const idx = Array.from(this.examples, (_, i) => i);
    this.order = new Rng(`verigen-ref-batches\u0000${this.seed}\u0000${this.epoch}`).shuffle(idx);
    this.cursor = 0;
  }

  private peek(): Example {
    if (this.cursor >= this.order.length) {
      this.epoch++;
      this.shuffle();
    }
    return this.examples[this.order[this.cursor]!]!;
  }

  /** The epoch the next example comes from (0-based). */
  get epochs(): number {
    return this.epoch + this.cursor / this.order.length;
  }

  next(): Batch {
    const { rows, length } = this;
    const n = rows * length;
    const b: Batch = {
      rows,
      length,
      tokens: new Int32Array(n).fill(EOS),
      positions: new Int32Array(n),
      segments: new Int32Array(n).fill(-1),
      targets: new Int32Array(n).fill(EOS),
      weights: new Float32Array(n),
      lossTokens: 0,
    };
    for (let r = 0; r < rows; r++) {
      let at = 0;
      let seg = 0;
      while (at + this.peek().tokens.length <= length) {
        const e = this.peek();
        this.cursor++;
        const base = r * length + at;
        const m = e.tokens.length;
        for (let i = 0; i < m; i++) {
          b.tokens[base + i] = e.tokens[i]!;
          b.positions[base + i] = i;
          b.segments[base + i] = seg;
          if (i + 1 < m) {
            b.targets[base + i] = e.tokens[i + 1]!;
            if (i + 1 >= e.answerStart) {
              b.weights[base + i] = 1;
              b.lossTokens++;
            }
          }
        }
        at += m;
        seg++;
      }
    }
    return b;
  }
}

import * as tf from '@tensorflow/tfjs-core';
import { EOS, TINY_CONFIG } from '../../../src/score/model/config.js';
import { TransformerLM } from '../../../src/score/model/model.js';
import { answerLogProb, generate, promptTokens } from '../../../src/score/model/sample.js';
import { encodeExample, encodePrompt } from '../../../src/score/model/tokens.js';
import { rowLogits, TINY, wasm } from './helpers.js';

beforeAll(wasm);

let model: TransformerLM;
beforeAll(() => {
  model = TransformerLM.init(TINY, 'sample');
});
afterAll(() => model.dispose());

const PROMPTS = ['What is 2+2?', 'A longer prompt about layers and heads.', 'x'];

/** Greedy decoding the slow, independent way: a full forward pass over the whole sequence for every new byte. */
function greedyByFullPasses(prompt: string, maxNew: number): string {
  const toks = promptTokens(model, prompt, maxNew);
  const out: number[] = [];
  for (let s = 0; s < maxNew; s++) {
    const logits = rowLogits(model, [...toks, ...out]);
    const last = logits[logits.length - 1]!;
    let best = 0;
    for (let t = 1; t < 259; t++) if (t !== 256 && t !== 257 && last[t]! > last[best]!) best = t;
    if (best === EOS) break;
    out.push(best);
  }
  return Buffer.from(out).toString('utf8');
}

describe('sampling', () => {
  it('returns k responses per prompt, in prompt order', async () => {
    const r = await generate(model, PROMPTS, { k: 3, temperature: 1, maxNewBytes: 8, seed: 's' });
    expect(r.length).toBe(3);
    expect(r.every((x) => x.length === 3 && x.every((s) => typeof s === 'string'))).toBe(true);
  });

  it('is deterministic for a seed and differs across seeds at temperature > 0', async () => {
    const o = { k: 2, temperature: 1, maxNewBytes: 12 };
    const a = await generate(model, PROMPTS, { ...o, seed: 'one' });
    const b = await generate(model, PROMPTS, { ...o, seed: 'one' });
    const c = await generate(model, PROMPTS, { ...o, seed: 'two' });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    // The two samples of one prompt differ too (each row has its own stream).
    expect(a[1]![0]).not.toBe(a[1]![1]);
  });

  it('does not depend on the batch: prompts alone or together, same responses', async () => {
    const o = { k: 2, temperature: 0.8, maxNewBytes: 10, seed: 'b' };
    const together = await generate(model, PROMPTS, o);
    for (let i = 0; i < PROMPTS.length; i++) expect((await generate(model, [PROMPTS[i]!], o))[0]).toEqual(together[i]);
    // Chunks of one prompt each (maxRows below k): still the same.
    expect(await generate(model, PROMPTS, { ...o, maxRows: 1 })).toEqual(together);
  });

  it('is greedy at temperature 0: the decoding of repeated full forward passes', async () => {
    const r = await generate(model, PROMPTS, { k: 2, temperature: 0, maxNewBytes: 6, seed: 'g' });
    for (let i = 0; i < PROMPTS.length; i++) {
      expect(r[i]![0]).toBe(r[i]![1]);
      expect(r[i]![0]).toBe(greedyByFullPasses(PROMPTS[i]!, 6));
    }
  });

  it('keeps the last bytes of a prompt longer than the context', async () => {
    const long = 'a'.repeat(500) + 'END?';
    const toks = encodePrompt(long, 20);
    expect(toks.length).toBe(20);
    expect(Buffer.from(toks.slice(1, -1)).toString()).toBe('a'.repeat(14) + 'END?');
    const r = await generate(model, [long], { k: 1, temperature: 1, maxNewBytes: 200, seed: 'l' });
    // The context (64) bounds prompt + response: the prompt keeps 64 - 32 bytes of room for the answer.
    expect(promptTokens(model, long, 200).length).toBe(TINY_CONFIG.context - 32);
    expect(Buffer.byteLength(r[0]![0]!)).toBeLessThanOrEqual(32 * 3); // at most 32 bytes, each at most 3 UTF-8 bytes once decoded with U+FFFD
  });

  it('scores an answer: log p(answer bytes, EOS | prompt) from one forward pass', async () => {
    const lp = await answerLogProb(model, 'Q?', 'ok');
    const ex = encodeExample('Q?', 'ok', TINY.context);
    const logits = rowLogits(model, ex.tokens);
    let expected = 0;
    for (let i = ex.answerStart - 1; i < ex.tokens.length - 1; i++) {
      const row = logits[i]!;
      const max = Math.max(...row);
      const lse = max + Math.log(row.reduce((s, x) => s + Math.exp(x - max), 0));
      expected += row[ex.tokens[i + 1]!]! - lse;
    }
    expect(ex.tokens.length - ex.answerStart).toBe(3); // 'o', 'k', EOS
    expect(lp).toBeCloseTo(expected, 4);
    expect(lp).toBeLessThan(0);
    expect(tf.memory().numTensors).toBeLessThan(1000);
  });
});

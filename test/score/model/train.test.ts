import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { Adam } from '../../../src/score/model/adam.js';
import { BatchStream } from '../../../src/score/model/batches.js';
import { readModelFolder } from '../../../src/score/model/checkpoint.js';
import { TransformerLM } from '../../../src/score/model/model.js';
import { batchLoss, learningRate, train, trainStep } from '../../../src/score/model/train.js';
import { encodeExample } from '../../../src/score/model/tokens.js';
import { cpu, PAIRS, TINY, wasm } from './helpers.js';

beforeEach(wasm);

const examples = () => PAIRS.map((p) => encodeExample(p.prompt, p.answer, TINY.context));
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-ref-'));

function lossOf(model: TransformerLM, b: ReturnType<BatchStream['next']>): number {
  return tf.tidy(() => batchLoss(model, b).dataSync()[0]!);
}

describe('training', () => {
  it.each([
    ['a separate head', false, ['tok_emb', 'pos_emb', 'h0.ln1.g', 'h0.attn.wq', 'h0.attn.wk', 'h1.attn.wk', 'h1.attn.bq', 'h1.attn.wv', 'h1.attn.bo', 'h0.mlp.w1', 'h1.mlp.b2', 'ln_f.b', 'head.w', 'head.b']],
    ['a tied head', true, ['tok_emb', 'h1.ln2.b', 'h1.attn.wo']],
  ])('computes gradients that match finite differences, with %s (every custom gradient on the path)', (_label, tied, names) => {
    const model = TransformerLM.init({ ...TINY, tied_head: tied as boolean }, 'grad');
    // At init the attention is nearly uniform and query/key gradients are ~1e-4, below what a float32 difference
    // resolves; larger query and key weights make the attention sharp and their gradients measurable.
    for (const n of ['h0.attn.wq', 'h0.attn.wk', 'h1.attn.wq', 'h1.attn.wk']) model.p(n).assign(tf.mul(model.p(n), 40));
    const b = new BatchStream(examples(), '1', 2, TINY.context).next();
    const { grads } = tf.variableGrads(() => batchLoss(model, b), model.variables());
    for (const name of names as string[]) {
      const v = model.p(name);
      const g = grads[v.name]!.dataSync();
      // The entry with the largest gradient, where a central difference in float32 is well above rounding noise.
      let at = 0;
      for (let i = 1; i < g.length; i++) if (Math.abs(g[i]!) > Math.abs(g[at]!)) at = i;
      const orig = v.dataSync().slice();
      const eps = 2e-3;
      const shifted = (delta: number) => {
        const w = orig.slice();
        w[at] = w[at]! + delta;
        v.assign(tf.tensor(w, v.shape));
        return lossOf(model, b);
      };
      const numeric = (shifted(eps) - shifted(-eps)) / (2 * eps);
      v.assign(tf.tensor(orig, v.shape));
      expect(Math.abs(numeric - g[at]!)).toBeLessThan(0.05 * Math.abs(g[at]!) + 1e-4);
    }
    tf.dispose(grads);
    model.dispose();
  });

  it('overfits a tiny set: the loss falls', () => {
    const model = TransformerLM.init(TINY, 'fit');
    const adam = new Adam(model.params);
    const stream = new BatchStream(examples(), '1', 2, TINY.context);
    const losses: number[] = [];
    for (let s = 0; s < 40; s++) losses.push(trainStep(model, adam, stream.next(), 1e-2));
    const head = losses.slice(0, 5).reduce((a, b) => a + b) / 5;
    const tail = losses.slice(-5).reduce((a, b) => a + b) / 5;
    expect(head).toBeGreaterThan(4); // about ln(259) = 5.56 nats for an untrained model
    expect(tail).toBeLessThan(head / 3);
    model.dispose();
    adam.dispose();
  });

  it('warms up, then decays to a tenth of the peak', () => {
    expect(learningRate(0, 1000, 1)).toBeCloseTo(1 / 100);
    expect(learningRate(99, 1000, 1)).toBeCloseTo(1);
    expect(learningRate(1000, 1000, 1)).toBeCloseTo(0.1);
  });

  it('gives the same weights for the same seed after a few steps on the cpu backend, other weights for another seed', async () => {
    await cpu();
    const dirs = [tmp(), tmp(), tmp()];
    const run = (out: string, seed: string) => train({ pairs: PAIRS, out, steps: 3, config: TINY, seed, batch: 1, lr: 1e-2, checkpointEvery: 2 });
    await run(dirs[0]!, '7');
    await run(dirs[1]!, '7');
    await run(dirs[2]!, '8');
    const bin = (d: string) => fs.readFileSync(path.join(d, 'weights.bin'));
    expect(bin(dirs[0]!).equals(bin(dirs[1]!))).toBe(true);
    expect(bin(dirs[0]!).equals(bin(dirs[2]!))).toBe(false);
    // The weights moved away from their initial values.
    const init = await TransformerLM.init(TINY, '7').values();
    expect(Buffer.from(init.get('h0.attn.wq')!.buffer).equals(Buffer.from(readModelFolder(dirs[0]!).values.get('h0.attn.wq')!.buffer))).toBe(false);
  });

  it('resumes from its checkpoint to the weights an uninterrupted run reaches', async () => {
    const straight = tmp();
    const resumed = tmp();
    await train({ pairs: PAIRS, out: straight, steps: 6, config: TINY, seed: '5', batch: 2, lr: 1e-2, checkpointEvery: 3 });
    // An interrupted run: its checkpoint at step 3 is what a 6-step run leaves after 3 steps.
    await train({ pairs: PAIRS, out: resumed, steps: 6, config: TINY, seed: '5', batch: 2, lr: 1e-2, checkpointEvery: 3, stopAfter: 3 });
    expect(JSON.parse(fs.readFileSync(path.join(resumed, 'weights.json'), 'utf8')).info.step).toBe(3);
    const lines: string[] = [];
    const r = await train({ pairs: PAIRS, out: resumed, steps: 6, config: TINY, seed: '5', batch: 2, lr: 1e-2, checkpointEvery: 3, log: (l) => lines.push(l) });
    expect(r.resumedFrom).toBe(3);
    expect(lines[0]).toMatch(/resuming from step 3/);
    expect(fs.readFileSync(path.join(resumed, 'weights.bin')).equals(fs.readFileSync(path.join(straight, 'weights.bin')))).toBe(true);
  });

  it('refuses to resume a checkpoint of different options, naming what differs', async () => {
    const out = tmp();
    await train({ pairs: PAIRS, out, steps: 2, config: TINY, seed: '5', batch: 2, lr: 1e-2 });
    await expect(train({ pairs: PAIRS, out, steps: 2, config: TINY, seed: '6', batch: 2, lr: 1e-2 })).rejects.toThrow(/train-state\.json: a checkpoint of a different training run \(seed differ\)/);
  });
});

import * as tf from '@tensorflow/tfjs-core';
import { BOS, EOS, SEP, TINY_CONFIG, parameterCount, paramSpecs } from '../../../src/score/model/config.js';
import { packedCausalBias, TransformerLM, type LayerCache } from '../../../src/score/model/model.js';
import { cpu, maxAbsDiff, rowLogits, TINY } from './helpers.js';

beforeAll(cpu);

const bytes = (s: string) => Array.from(Buffer.from(s, 'utf8'));

describe('the transformer', () => {
  it('counts its parameters exactly', () => {
    // By hand for the tiny config (vocab 259, context 64, d 32, 2 layers, d_ff 64, separate head):
    // embeddings 259*32 + 64*32 = 10336; per layer 2 LayerNorms 4*32, q/k/v/o 4*32*32 + 4*32, MLP 32*64+64 + 64*32+32
    // = 128 + 4224 + 4192 = 8544, two layers 17088; final LayerNorm 64; head 32*259 + 259 = 8547. Total 36035.
    expect(parameterCount(TINY_CONFIG)).toBe(36035);
    // Tying the head drops its matrix, not its bias.
    expect(parameterCount({ ...TINY_CONFIG, tied_head: true })).toBe(36035 - 32 * 259);
  });

  it('gives one row of logits per position, or only the last', () => {
    const model = TransformerLM.init(TINY, '1');
    const toks = [BOS, ...bytes('hello'), SEP];
    const all = rowLogits(model, toks);
    expect(all.length).toBe(toks.length);
    expect(all.every((r) => r.length === 259 && r.every(Number.isFinite))).toBe(true);
    const last = tf.tidy(() => {
      const t = Int32Array.from(toks);
      return model.forwardRow({ tokens: t, positions: Int32Array.from(t, (_, i) => i), bias: packedCausalBias(new Int32Array(t.length), 0, t.length), lastOnly: true }).logits.arraySync();
    });
    expect(last.length).toBe(1);
    expect(maxAbsDiff(last[0]!, all[toks.length - 1]!)).toBeLessThan(1e-5);
    model.dispose();
  });

  it('is causal: changing a later byte never changes an earlier position', () => {
    const model = TransformerLM.init(TINY, '2');
    const a = [BOS, ...bytes('The quick brown fox'), SEP];
    const b = a.slice();
    b[10] = 'Z'.charCodeAt(0);
    const la = rowLogits(model, a);
    const lb = rowLogits(model, b);
    for (let i = 0; i < 10; i++) expect(maxAbsDiff(la[i]!, lb[i]!)).toBeLessThan(1e-6);
    // ...and the change is seen from its own position on (the comparison above could not pass vacuously).
    for (let i = 10; i < a.length; i++) expect(maxAbsDiff(la[i]!, lb[i]!)).toBeGreaterThan(1e-4);
    model.dispose();
  });

  it('keeps packed examples apart: an example packed second is computed as if it were alone', () => {
    const model = TransformerLM.init(TINY, '3');
    const first = [BOS, ...bytes('first one'), SEP, EOS];
    const second = [BOS, ...bytes('second'), SEP, ...bytes('ok'), EOS];
    const toks = Int32Array.from([...first, ...second]);
    const positions = Int32Array.from([...first.map((_, i) => i), ...second.map((_, i) => i)]);
    const segments = Int32Array.from([...first.map(() => 0), ...second.map(() => 1)]);
    const packed = tf.tidy(() => model.forwardRow({ tokens: toks, positions, bias: packedCausalBias(segments, 0, toks.length) }).logits.arraySync());
    const alone = rowLogits(model, second);
    for (let i = 0; i < second.length; i++) expect(maxAbsDiff(packed[first.length + i]!, alone[i]!)).toBeLessThan(1e-5);
    model.dispose();
  });

  it('decodes step by step with a cache to the same logits as a full forward pass', () => {
    const model = TransformerLM.init(TINY, '4');
    const prompt = [BOS, ...bytes('abc def'), SEP];
    const cont = bytes('xyz!');
    const full = rowLogits(model, [...prompt, ...cont]);
    const H = TINY.heads;
    const dh = TINY.d_model / H;
    let past: LayerCache[] = tf.tidy(() => {
      const t = Int32Array.from(prompt);
      return model.forwardRow({ tokens: t, positions: Int32Array.from(t, (_, i) => i), bias: packedCausalBias(new Int32Array(t.length), 0, t.length), keepCache: true }).cache!.map((c) => ({
        kT: tf.reshape(c.kT, [H, dh, t.length]),
        v: tf.reshape(c.v, [H, t.length, dh]),
      })) as never;
    }) as unknown as LayerCache[];
    for (let s = 0; s < cont.length; s++) {
      const len = prompt.length + s + 1;
      const out = tf.tidy(() => model.step({ tokens: Int32Array.of(cont[s]!), positions: Int32Array.of(prompt.length + s), past, keyBias: tf.zeros([1, 1, len]) as tf.Tensor3D }) as never) as { logits: tf.Tensor2D; cache: LayerCache[] };
      expect(maxAbsDiff((out.logits.arraySync() as number[][])[0]!, full[prompt.length + s]!)).toBeLessThan(1e-4);
      tf.dispose([...past.flatMap((c) => [c.kT, c.v]), out.logits]);
      past = out.cache;
    }
    tf.dispose(past.flatMap((c) => [c.kT, c.v]));
    model.dispose();
  });

  it('draws the same initial weights from the same seed, and different ones from another', async () => {
    const a = await TransformerLM.init(TINY, 's').values();
    const b = await TransformerLM.init(TINY, 's').values();
    const c = await TransformerLM.init(TINY, 't').values();
    expect([...a.keys()]).toEqual(paramSpecs(TINY).map((s) => s.name));
    expect(Buffer.from(a.get('h0.attn.wq')!.buffer).equals(Buffer.from(b.get('h0.attn.wq')!.buffer))).toBe(true);
    expect(Buffer.from(a.get('h0.attn.wq')!.buffer).equals(Buffer.from(c.get('h0.attn.wq')!.buffer))).toBe(false);
    // Initial scale: std 0.02 for plain weights, ones and zeros for LayerNorm.
    const wq = a.get('h0.attn.wq')!;
    const std = Math.sqrt(wq.reduce((s, x) => s + x * x, 0) / wq.length);
    expect(std).toBeGreaterThan(0.015);
    expect(std).toBeLessThan(0.025);
    expect(a.get('h1.ln2.g')!.every((x) => x === 1)).toBe(true);
  });
});

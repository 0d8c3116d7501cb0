/**
 * Sampling from the model: each prompt is run once (prefill, its own length, no padding), its keys and values are
 * copied to its k sample rows, and all rows of a chunk of prompts decode together, shorter prompts' caches padded on
 * the left and masked. Each (prompt, sample) row draws from its own stream seeded by (seed, sample number, prompt),
 * so a response does not depend on the batch it was computed in.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../../core/rng.js';
import { BOS, EOS, SEP } from './config.js';
import { MASKED, packedCausalBias, type LayerCache, type TransformerLM } from './model.js';
import { answerRoom, decodeBytes, encodeExample, encodePrompt } from './tokens.js';

export interface SampleOptions {
  k: number;
  /** 0: greedy (the most likely byte, lowest id on ties). */
  temperature: number;
  maxNewBytes: number;
  seed: string;
  /** Rows decoded together (prompts per chunk = floor(maxRows / k), at least one). */
  maxRows?: number;
}

/** Picks the next token of one row from its logits: bytes and EOS only (BOS and SEP are never generated). */
export function pickToken(logits: Float32Array, offset: number, vocab: number, temperature: number, rng: Rng): number {
  if (temperature <= 0) {
    let best = 0;
    for (let t = 1; t < vocab; t++) if (t !== BOS && t !== SEP && logits[offset + t]! > logits[offset + best]!) best = t;
    return best;
  }
  let max = -Infinity;
  for (let t = 0; t < vocab; t++) if (t !== BOS && t !== SEP) max = Math.max(max, logits[offset + t]!);
  const weights = new Array<number>(vocab).fill(0);
  for (let t = 0; t < vocab; t++) if (t !== BOS && t !== SEP) weights[t] = Math.exp((logits[offset + t]! - max) / temperature);
  return rng.weightedIndex(weights);
}

function checkOptions(o: SampleOptions): void {
  if (!(Number.isSafeInteger(o.k) && o.k >= 1)) throw new RangeError(`k must be a positive integer, got ${o.k}`);
  if (!(Number.isFinite(o.temperature) && o.temperature >= 0)) throw new RangeError(`temperature must be >= 0, got ${o.temperature}`);
  if (!(Number.isSafeInteger(o.maxNewBytes) && o.maxNewBytes >= 1)) throw new RangeError(`maxNewBytes must be a positive integer, got ${o.maxNewBytes}`);
}

/** Prompt tokens leave room for the answer the way training did (at most half the context), keeping their last bytes. */
export function promptTokens(model: TransformerLM, prompt: string, maxNewBytes: number): number[] {
  const c = model.config.context;
  return encodePrompt(prompt, c - Math.min(maxNewBytes, answerRoom(c)));
}

async function generateChunk(model: TransformerLM, prompts: readonly string[], o: SampleOptions): Promise<string[][]> {
  const V = model.config.vocab_size;
  const ctx = model.config.context;
  const H = model.config.heads;
  const dh = model.config.d_model / H;
  const encoded = prompts.map((p) => promptTokens(model, p, o.maxNewBytes));
  const lens = encoded.map((e) => e.length);
  const Lmax = Math.max(...lens);
  const R = prompts.length * o.k;
  // Prefill each prompt; pad its cache on the left to Lmax; repeat it for its k rows.
  const first = new Float32Array(R * V);
  const pieces: { kT: tf.Tensor3D[]; v: tf.Tensor3D[] }[] = Array.from({ length: model.config.layers }, () => ({ kT: [], v: [] }));
  for (let p = 0; p < prompts.length; p++) {
    const toks = Int32Array.from(encoded[p]!);
    const L = toks.length;
    const out = tf.tidy((): never => {
      const { logits, cache } = model.forwardRow({ tokens: toks, positions: Int32Array.from(toks, (_, i) => i), bias: packedCausalBias(new Int32Array(L), 0, L), keepCache: true, lastOnly: true });
      const padded = cache!.map((c) => {
        const kT = L < Lmax ? tf.concat([tf.zeros([H, dh, Lmax - L]) as tf.Tensor3D, c.kT], 2) : c.kT;
        const v = L < Lmax ? tf.concat([tf.zeros([H, Lmax - L, dh]) as tf.Tensor3D, c.v], 1) : c.v;
        return { kT: tf.concat(new Array<tf.Tensor3D>(o.k).fill(kT), 0), v: tf.concat(new Array<tf.Tensor3D>(o.k).fill(v), 0) };
      });
      return { logits, padded } as never;
    }) as { logits: tf.Tensor2D; padded: LayerCache[] };
    const row = (await out.logits.data()) as Float32Array;
    out.logits.dispose();
    for (let j = 0; j < o.k; j++) first.set(row, (p * o.k + j) * V);
    out.padded.forEach((c, l) => {
      pieces[l]!.kT.push(c.kT);
      pieces[l]!.v.push(c.v);
    });
  }
  let past: LayerCache[] = pieces.map((pc) => ({ kT: tf.concat(pc.kT, 0), v: tf.concat(pc.v, 0) }));
  tf.dispose(pieces.flatMap((pc) => [...pc.kT, ...pc.v]));
  const pad = new Array<number>();
  for (let r = 0; r < R; r++) for (let t = 0; t < Lmax; t++) pad.push(t < Lmax - lens[Math.floor(r / o.k)]! ? MASKED : 0);
  let keyBias = tf.tensor3d(pad, [R, 1, Lmax]);
  const rngs = Array.from({ length: R }, (_, r) => new Rng(`verigen-ref-sample\u0000${o.seed}\u0000${r % o.k}\u0000${prompts[Math.floor(r / o.k)]}`));
  const outBytes: number[][] = Array.from({ length: R }, () => []);
  const done = new Array<boolean>(R).fill(false);
  let logits: Float32Array = first;
  try {
    for (let s = 0; s < o.maxNewBytes; s++) {
      const next = new Int32Array(R);
      const pos = new Int32Array(R);
      for (let r = 0; r < R; r++) {
        const L = lens[Math.floor(r / o.k)]!;
        if (!done[r]) {
          const t = pickToken(logits, r * V, V, o.temperature, rngs[r]!);
          if (t === EOS) done[r] = true;
          else outBytes[r]!.push(t);
          // The position embedding ends at the context: a row that reaches it stops there.
          if (L + s + 1 >= ctx) done[r] = true;
          next[r] = t;
        } else next[r] = EOS;
        pos[r] = Math.min(L + s, ctx - 1);
      }
      if (s === o.maxNewBytes - 1 || done.every(Boolean)) break;
      const prev = past;
      const prevBias = keyBias;
      // Every row sees the key it is adding now.
      keyBias = tf.concat([prevBias, tf.zeros([R, 1, 1]) as tf.Tensor3D], 2);
      const bias = keyBias;
      const res = tf.tidy(() => model.step({ tokens: next, positions: pos, past: prev, keyBias: bias }) as never) as { logits: tf.Tensor2D; cache: LayerCache[] };
      tf.dispose([prevBias, ...prev.flatMap((c) => [c.kT, c.v])]);
      past = res.cache;
      logits = (await res.logits.data()) as Float32Array;
      res.logits.dispose();
    }
  } finally {
    tf.dispose([keyBias, ...past.flatMap((c) => [c.kT, c.v])]);
  }
  const out: string[][] = prompts.map(() => []);
  for (let r = 0; r < R; r++) out[Math.floor(r / o.k)]!.push(decodeBytes(outBytes[r]!));
  return out;
}

/** k responses per prompt, in prompt order. */
export async function generate(model: TransformerLM, prompts: readonly string[], o: SampleOptions): Promise<string[][]> {
  checkOptions(o);
  const per = Math.max(1, Math.floor((o.maxRows ?? 64) / o.k));
  const out: string[][] = [];
  for (let i = 0; i < prompts.length; i += per) out.push(...(await generateChunk(model, prompts.slice(i, i + per), o)));
  return out;
}

/** log p(answer, EOS | prompt) in nats, with the prompt and answer cut the way training cuts them. */
export async function answerLogProb(model: TransformerLM, prompt: string, answer: string): Promise<number> {
  const ex = encodeExample(prompt, answer, model.config.context);
  const T = ex.tokens.length;
  const toks = Int32Array.from(ex.tokens);
  const lp = tf.tidy(() => {
    const { logits } = model.forwardRow({ tokens: toks, positions: Int32Array.from(toks, (_, i) => i), bias: packedCausalBias(new Int32Array(T), 0, T) });
    return tf.logSoftmax(logits);
  });
  const v = (await lp.data()) as Float32Array;
  lp.dispose();
  const V = model.config.vocab_size;
  let sum = 0;
  for (let i = ex.answerStart - 1; i < T - 1; i++) sum += v[i * V + ex.tokens[i + 1]!]!;
  return sum;
}

/**
 * The transformer: pre-norm blocks (LayerNorm → causal self-attention → residual, LayerNorm → ReLU MLP → residual),
 * learned absolute positions, a final LayerNorm and a tied or separate output head. Embeddings are one-hot rows
 * times a matrix (tf.gather has no trainable gradient on wasm). A row (one packed training row, or one prompt) goes
 * through as 2-D products only, attention included (see expandKeys); decoding steps many rows at once with a cache.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../../core/rng.js';
import { paramSpecs, type ModelConfig, type ParamSpec } from './config.js';
import { registerGradients } from './grads.js';
import { embed2d, expandKeys, expandValues, layerNorm, matmul2d } from './ops.js';

// Variables need unique names in tfjs' registry; two models may live side by side (tests, checkpoints).
let nextId = 0;

/** Added to the attention score of a key a query may not see. */
export const MASKED = -1e9;

/** Per layer: keys already transposed for the score product, [rows*heads, d_head, t], and values [rows*heads, t, d_head]. */
export interface LayerCache {
  kT: tf.Tensor3D;
  v: tf.Tensor3D;
}

export interface RowInput {
  /** Token ids of one row. */
  tokens: Int32Array;
  /** Position of each token in its own sequence (packed rows restart at 0 for each example). */
  positions: Int32Array;
  /** Additive attention mask [length, 1, length]: 0 where query i may see key j, MASKED elsewhere. */
  bias: tf.Tensor3D;
  /** Keep each layer's keys and values, for decoding after this prompt ([heads, d_head, length], [heads, length, d_head]). */
  keepCache?: boolean;
  /** Logits of the last position only ([1, vocab]) instead of every position ([length, vocab]). */
  lastOnly?: boolean;
}

export interface StepInput {
  /** One token per row. */
  tokens: Int32Array;
  positions: Int32Array;
  /** Keys and values of everything before, per layer. */
  past: LayerCache[];
  /** [rows, 1, past+1]: MASKED for keys a row must not see (the left padding of shorter prompts), else 0. */
  keyBias: tf.Tensor3D;
}

export interface ForwardOutput {
  logits: tf.Tensor2D;
  cache?: LayerCache[];
}

/** Box-Muller draws from the seeded stream. */
function normals(rng: Rng, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - rng.next(); // in (0, 1]: log(u) is finite
    const r = Math.sqrt(-2 * Math.log(u)) * std;
    const t = 2 * Math.PI * rng.next();
    out[i] = r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/** A parameter's initial values; each tensor has its own stream, so adding a tensor never changes the others. */
export function initialValues(spec: ParamSpec, seed: string): Float32Array {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  if (spec.init.kind === 'const') return new Float32Array(n).fill(spec.init.value);
  return normals(new Rng(`verigen-ref\u0000${seed}\u0000${spec.name}`), n, spec.init.std);
}

/** The mask of one packed row: a query sees the keys up to itself within its own segment. */
export function packedCausalBias(segments: Int32Array, offset: number, length: number): tf.Tensor3D {
  const out = new Float32Array(length * length).fill(MASKED);
  for (let i = 0; i < length; i++) {
    const s = segments[offset + i]!;
    for (let j = i; j >= 0 && segments[offset + j] === s; j--) out[i * length + j] = 0;
  }
  return tf.tensor3d(out, [length, 1, length]);
}

export class TransformerLM {
  private constructor(
    readonly config: ModelConfig,
    readonly params: ReadonlyMap<string, tf.Variable>,
  ) {}

  /** Fresh weights from a seed (the same on every backend: drawn in JS). */
  static init(config: ModelConfig, seed: string): TransformerLM {
    const values = new Map<string, Float32Array>();
    for (const s of paramSpecs(config)) values.set(s.name, initialValues(s, seed));
    return TransformerLM.fromValues(config, values);
  }

  /** Weights from arrays named as in paramSpecs (the caller has checked names and sizes). */
  static fromValues(config: ModelConfig, values: ReadonlyMap<string, Float32Array>): TransformerLM {
    registerGradients();
    const params = new Map<string, tf.Variable>();
    for (const s of paramSpecs(config)) {
      const v = values.get(s.name);
      if (!v) throw new Error(`missing parameter ${s.name}`);
      params.set(s.name, tf.variable(tf.tensor(v, s.shape, 'float32'), true, `ref/${s.name}/${nextId++}`));
    }
    return new TransformerLM(config, params);
  }

  p(name: string): tf.Variable {
    const v = this.params.get(name);
    if (!v) throw new Error(`no parameter ${name}`);
    return v;
  }

  variables(): tf.Variable[] {
    return [...this.params.values()];
  }

  /** Current weights as arrays, in paramSpecs order. */
  async values(): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    for (const [name, v] of this.params) out.set(name, (await v.data()) as Float32Array);
    return out;
  }

  dispose(): void {
    for (const v of this.params.values()) v.dispose();
    for (const m of this.masks.values()) tf.dispose([m.keys, m.values]);
    this.masks.clear();
  }

  /** Block masks of expandKeys / expandValues per length, kept across calls. */
  private readonly masks = new Map<number, { keys: tf.Tensor2D; values: tf.Tensor2D }>();

  private headMasks(length: number): { keys: tf.Tensor2D; values: tf.Tensor2D } {
    let m = this.masks.get(length);
    if (!m) {
      const { d_model: d, heads: H } = this.config;
      const dh = d / H;
      const keys = new Float32Array(d * H * length);
      const values = new Float32Array(H * length * d);
      for (let i = 0; i < d; i++) {
        const h = Math.floor(i / dh);
        for (let j = 0; j < length; j++) {
          keys[i * H * length + h * length + j] = 1;
          values[(h * length + j) * d + i] = 1;
        }
      }
      m = { keys: tf.keep(tf.tensor2d(keys, [d, H * length])), values: tf.keep(tf.tensor2d(values, [H * length, d])) };
      this.masks.set(length, m);
    }
    return m;
  }

  private embed(tokens: Int32Array, positions: Int32Array): tf.Tensor2D {
    const c = this.config;
    const tok = tf.cast(tf.oneHot(tf.tensor1d(tokens, 'int32'), c.vocab_size), 'float32') as tf.Tensor2D;
    const pos = tf.cast(tf.oneHot(tf.tensor1d(positions, 'int32'), c.context), 'float32') as tf.Tensor2D;
    return tf.add(embed2d(tok, this.p('tok_emb')), embed2d(pos, this.p('pos_emb'))) as tf.Tensor2D;
  }

  private mlp(l: number, x: tf.Tensor2D): tf.Tensor2D {
    const P = (s: string) => this.p(`h${l}.${s}`);
    const h2 = layerNorm(x, P('ln2.g'), P('ln2.b'));
    const m = tf.relu(tf.add(matmul2d(h2, P('mlp.w1')), P('mlp.b1'))) as tf.Tensor2D;
    return tf.add(x, tf.add(matmul2d(m, P('mlp.w2')), P('mlp.b2'))) as tf.Tensor2D;
  }

  private qkv(l: number, x: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
    const P = (s: string) => this.p(`h${l}.${s}`);
    const h = layerNorm(x, P('ln1.g'), P('ln1.b'));
    const scale = 1 / Math.sqrt(this.config.d_model / this.config.heads);
    const q = tf.mul(tf.add(matmul2d(h, P('attn.wq')), P('attn.bq')), scale) as tf.Tensor2D;
    const k = tf.add(matmul2d(h, P('attn.wk')), P('attn.bk')) as tf.Tensor2D;
    const v = tf.add(matmul2d(h, P('attn.wv')), P('attn.bv')) as tf.Tensor2D;
    return [q, k, v];
  }

  private head(x: tf.Tensor2D): tf.Tensor2D {
    const hf = layerNorm(x, this.p('ln_f.g'), this.p('ln_f.b'));
    const w = this.config.tied_head ? tf.transpose(this.p('tok_emb')) : this.p('head.w');
    return tf.add(matmul2d(hf, w), this.p('head.b')) as tf.Tensor2D;
  }

  /** One row (a packed training row or a prompt): logits and optionally the caches. Call inside tf.tidy. */
  forwardRow(input: RowInput): ForwardOutput {
    const c = this.config;
    const T = input.tokens.length;
    const H = c.heads;
    const d = c.d_model;
    const dh = d / H;
    const masks = this.headMasks(T);
    let x = this.embed(input.tokens, input.positions);
    const cache: LayerCache[] = [];
    for (let l = 0; l < c.layers; l++) {
      const [q, k, v] = this.qkv(l, x);
      const kT = tf.transpose(k) as tf.Tensor2D;
      const scores = tf.reshape(matmul2d(q, expandKeys(kT, masks.keys, H)), [T, H, T]);
      const probs = tf.reshape(tf.softmax(tf.add(scores, input.bias)), [T, H * T]);
      const att = matmul2d(probs, expandValues(v, masks.values, H));
      if (input.keepCache) cache.push({ kT: tf.reshape(kT, [H, dh, T]) as tf.Tensor3D, v: tf.transpose(tf.reshape(v, [T, H, dh]), [1, 0, 2]) as tf.Tensor3D });
      x = tf.add(x, tf.add(matmul2d(att, this.p(`h${l}.attn.wo`)), this.p(`h${l}.attn.bo`))) as tf.Tensor2D;
      x = this.mlp(l, x);
    }
    if (input.lastOnly) x = tf.slice(x, [T - 1, 0], [1, d]);
    const logits = this.head(x);
    return input.keepCache ? { logits, cache } : { logits };
  }

  /**
   * One decoding step for many rows at once: the next token of each row against its cached keys and values. Here
   * every product is tiny, so the batched matMul's slow path costs little. Call inside tf.tidy.
   */
  step(input: StepInput): { logits: tf.Tensor2D; cache: LayerCache[] } {
    const c = this.config;
    const R = input.tokens.length;
    const H = c.heads;
    const d = c.d_model;
    const dh = d / H;
    let x = this.embed(input.tokens, input.positions);
    const cache: LayerCache[] = [];
    for (let l = 0; l < c.layers; l++) {
      const [q, k, v] = this.qkv(l, x);
      const kT = tf.concat([input.past[l]!.kT, tf.reshape(k, [R * H, dh, 1]) as tf.Tensor3D], 2);
      const vs = tf.concat([input.past[l]!.v, tf.reshape(v, [R * H, 1, dh]) as tf.Tensor3D], 1);
      cache.push({ kT, v: vs });
      const t = kT.shape[2];
      const scores = tf.reshape(tf.matMul(tf.reshape(q, [R * H, 1, dh]), kT), [R, H, t]);
      const probs = tf.reshape(tf.softmax(tf.add(scores, input.keyBias)), [R * H, 1, t]);
      const att = tf.reshape(tf.matMul(probs, vs), [R, d]);
      x = tf.add(x, tf.add(tf.matMul(att, this.p(`h${l}.attn.wo`)), this.p(`h${l}.attn.bo`))) as tf.Tensor2D;
      x = this.mlp(l, x);
    }
    return { logits: this.head(x), cache };
  }
}

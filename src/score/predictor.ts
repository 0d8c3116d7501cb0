/**
 * The difficulty predictor on disk and at inference: a wide-and-deep model over the hashed features of
 * src/score/features.ts, restricted to a vocabulary of buckets seen in training.
 *
 *   z = Σ_j v_j·lin[r_j] + b  +  w2 · relu(Σ_j v_j·W1[r_j] + b1)      p = sigmoid(z)
 *
 * where r_j is the vocabulary row of feature j's bucket (features outside the vocabulary contribute nothing). With
 * `hidden` 0 it is a logistic regression. Training (src/score/fit.ts) uses tfjs; inference here is a plain JavaScript
 * sparse dot product: per item it touches only the item's few hundred features, which no batched tensor call beats.
 *
 * A model folder: `model.json` (the spec below) and `weights.bin` (little-endian: int32 bucket of each vocabulary
 * row, then float32 lin[V], b, and with hidden H > 0: W1[V×H] row-major, b1[H], w2[H]).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { UsageError } from '../core/errors.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import { FEATURE_VERSION, FeatureExtractor, type FeatureSource } from './features.js';

export const PREDICTOR_FORMAT = 'verigen-difficulty@1';
export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

export interface PredictorSpec {
  format: typeof PREDICTOR_FORMAT;
  feature_version: number;
  buckets: number;
  vocab: number;
  hidden: number;
  /** The reference model whose labels it learned, and their k. */
  label_model: string;
  k: number;
  train_items: number;
  seed: string;
  weights: { file: string; bytes: number; sha256: string };
}

export interface PredictorWeights {
  /** Bucket of each vocabulary row. */
  rows: Int32Array;
  lin: Float32Array;
  bias: number;
  /** [V × hidden], row-major; empty when hidden is 0. */
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
}

function weightBytes(v: number, h: number): number {
  return 4 * (v + v + 1 + (h > 0 ? v * h + 2 * h : 0));
}

export function saveModel(dir: string, spec: Omit<PredictorSpec, 'format' | 'feature_version' | 'vocab' | 'weights'>, w: PredictorWeights): PredictorSpec {
  const v = w.rows.length;
  const h = spec.hidden;
  const buf = Buffer.alloc(weightBytes(v, h));
  let off = 0;
  const put = (a: Int32Array | Float32Array) => {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(buf, off);
    off += a.byteLength;
  };
  // Typed arrays are little-endian on every platform Node runs on (x86, arm64 in LE mode).
  put(w.rows);
  put(w.lin);
  put(new Float32Array([w.bias]));
  if (h > 0) {
    put(w.w1);
    put(w.b1);
    put(w.w2);
  }
  fs.mkdirSync(dir, { recursive: true });
  writeFileAtomicSync(path.join(dir, WEIGHTS_FILE), buf);
  const full: PredictorSpec = {
    format: PREDICTOR_FORMAT,
    feature_version: FEATURE_VERSION,
    ...spec,
    vocab: v,
    weights: { file: WEIGHTS_FILE, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') },
  };
  writeFileAtomicSync(path.join(dir, MODEL_FILE), JSON.stringify(full, null, 2) + '\n');
  return full;
}

/** Loads a model folder, checking every field and the weights' size and hash; errors name the file. */
export function loadModel(dir: string): Predictor {
  const specFile = path.join(dir, MODEL_FILE);
  let text: string;
  try {
    text = fs.readFileSync(specFile, 'utf8');
  } catch {
    throw new UsageError(`--model ${dir}: no ${MODEL_FILE} there (is it a folder written by 'verigen score fit'?)`);
  }
  let spec: PredictorSpec;
  try {
    spec = JSON.parse(text) as PredictorSpec;
  } catch (e) {
    throw new UsageError(`${specFile}: not valid JSON: ${(e as Error).message}`);
  }
  const bad = (field: string, why: string) => new UsageError(`${specFile}: ${field}: ${why}`);
  if (!spec || typeof spec !== 'object') throw bad('(root)', 'not an object');
  if (spec.format !== PREDICTOR_FORMAT) throw bad('format', `expected '${PREDICTOR_FORMAT}', got ${JSON.stringify(spec.format)}`);
  if (spec.feature_version !== FEATURE_VERSION) throw bad('feature_version', `this verigen computes features version ${FEATURE_VERSION}, the model was fit on ${JSON.stringify(spec.feature_version)}; fit it again`);
  const isPow2 = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 2 && (n as number) <= 1 << 30 && ((n as number) & ((n as number) - 1)) === 0;
  if (!isPow2(spec.buckets)) throw bad('buckets', 'not a power of two');
  if (!Number.isSafeInteger(spec.vocab) || spec.vocab < 0) throw bad('vocab', 'not a non-negative integer');
  if (!Number.isSafeInteger(spec.hidden) || spec.hidden < 0 || spec.hidden > 1024) throw bad('hidden', 'not an integer in 0..1024');
  if (!spec.weights || typeof spec.weights.file !== 'string' || path.basename(spec.weights.file) !== spec.weights.file) throw bad('weights.file', 'missing or not a file name');
  const wfile = path.join(dir, spec.weights.file);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(wfile);
  } catch {
    throw new UsageError(`${wfile}: missing (the model folder is incomplete)`);
  }
  const want = weightBytes(spec.vocab, spec.hidden);
  if (buf.length !== want || spec.weights.bytes !== want) throw new UsageError(`${wfile}: ${buf.length} bytes, expected ${want} for vocab ${spec.vocab} and hidden ${spec.hidden} (truncated or not this model's)`);
  if (createHash('sha256').update(buf).digest('hex') !== spec.weights.sha256) throw new UsageError(`${wfile}: sha256 differs from ${MODEL_FILE} (corrupted)`);
  // Copy into an aligned buffer: a Buffer's offset inside Node's pool need not be a multiple of 4.
  const ab = new ArrayBuffer(buf.length);
  new Uint8Array(ab).set(buf);
  const v = spec.vocab;
  const h = spec.hidden;
  let off = 0;
  const f32 = (n: number) => {
    const a = new Float32Array(ab, off, n);
    off += 4 * n;
    return a;
  };
  const rows = new Int32Array(ab, 0, v);
  off = 4 * v;
  const lin = f32(v);
  const bias = f32(1)[0]!;
  const w: PredictorWeights = { rows, lin, bias, w1: h > 0 ? f32(v * h) : new Float32Array(0), b1: h > 0 ? f32(h) : new Float32Array(0), w2: h > 0 ? f32(h) : new Float32Array(0) };
  for (let i = 0; i < v; i++) if (!(rows[i]! >= 0 && rows[i]! < spec.buckets)) throw new UsageError(`${wfile}: row ${i} names bucket ${rows[i]}, outside 0..${spec.buckets - 1}`);
  return new Predictor(spec, w);
}

export class Predictor {
  /** Bucket → vocabulary row, or -1. */
  private readonly rowOf: Int32Array;
  private readonly acc: Float64Array;
  readonly extractor: FeatureExtractor;

  constructor(
    readonly spec: Pick<PredictorSpec, 'buckets' | 'hidden'> & Partial<PredictorSpec>,
    readonly weights: PredictorWeights,
  ) {
    this.rowOf = new Int32Array(spec.buckets).fill(-1);
    weights.rows.forEach((b, r) => (this.rowOf[b] = r));
    this.acc = new Float64Array(spec.hidden);
    this.extractor = new FeatureExtractor(spec.buckets);
  }

  /** Predicted pass rate from features (bucket indices and values, the first n of them). */
  predictFeatures(idx: Int32Array, val: Float32Array, n: number): number {
    const { lin, w1, b1, w2, bias } = this.weights;
    const h = this.spec.hidden;
    const acc = this.acc;
    const rowOf = this.rowOf;
    let z = bias;
    for (let t = 0; t < h; t++) acc[t] = b1[t]!;
    for (let j = 0; j < n; j++) {
      const r = rowOf[idx[j]!]!;
      if (r < 0) continue;
      const v = val[j]!;
      z += v * lin[r]!;
      const base = r * h;
      for (let t = 0; t < h; t++) acc[t] += v * w1[base + t]!;
    }
    for (let t = 0; t < h; t++) if (acc[t]! > 0) z += w2[t]! * acc[t]!;
    return 1 / (1 + Math.exp(-z));
  }

  /** Predicted pass rate of one item. */
  predict(item: FeatureSource): number {
    const n = this.extractor.extract(item);
    return this.predictFeatures(this.extractor.idx, this.extractor.val, n);
  }
}

/**
 * Weights on disk without tfjs-node: `NAME.json` (a manifest of tensor names, shapes, dtypes and byte offsets, with
 * the sha256 and size of the data file) beside `NAME.bin` (little-endian float32, tensors back to back). A folder
 * whose files are missing, do not match their manifest, or do not match config.json is refused with the file named.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { paramSpecs, validateConfig, type ModelConfig } from './config.js';

export const TENSORS_FORMAT = 'verigen-tensors@1';
export const CONFIG_FILE = 'config.json';
export const WEIGHTS = 'weights';

export interface TensorEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
  /** Byte offset in the .bin file. */
  offset: number;
}

export interface TensorManifest {
  format: typeof TENSORS_FORMAT;
  file: string;
  bytes: number;
  sha256: string;
  tensors: TensorEntry[];
  /** Whatever else the writer records (parameter count, training step). */
  info?: Record<string, unknown>;
}

export interface NamedArray {
  name: string;
  shape: number[];
  values: Float32Array;
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Writes a file through a temporary name and a rename, so a reader never sees half of it. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes NAME.bin then NAME.json (the manifest last: a crash in between leaves a mismatch that load refuses). */
export function writeTensors(dir: string, name: string, tensors: readonly NamedArray[], info?: Record<string, unknown>): TensorManifest {
  fs.mkdirSync(dir, { recursive: true });
  let total = 0;
  for (const t of tensors) total += t.values.length * 4;
  const buf = new Uint8Array(total);
  const view = new DataView(buf.buffer);
  const entries: TensorEntry[] = [];
  let offset = 0;
  for (const t of tensors) {
    if (t.values.length !== size(t.shape)) throw new Error(`tensor ${t.name}: ${t.values.length} values for shape [${t.shape.join(', ')}]`);
    entries.push({ name: t.name, shape: [...t.shape], dtype: 'float32', offset });
    for (let i = 0; i < t.values.length; i++) view.setFloat32(offset + 4 * i, t.values[i]!, true);
    offset += t.values.length * 4;
  }
  const manifest: TensorManifest = { format: TENSORS_FORMAT, file: `${name}.bin`, bytes: total, sha256: sha256(buf), tensors: entries, ...(info ? { info } : {}) };
  writeAtomic(path.join(dir, `${name}.bin`), buf);
  writeAtomic(path.join(dir, `${name}.json`), JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: missing (${what})` : `${file}: cannot be read: ${code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
}

function checkManifest(data: unknown, file: string): TensorManifest {
  const m = data as TensorManifest;
  if (!m || typeof m !== 'object' || m.format !== TENSORS_FORMAT) throw new UsageError(`${file}: format: expected '${TENSORS_FORMAT}'`);
  if (typeof m.file !== 'string' || m.file.includes('/') || m.file.includes('\\') || !m.file.endsWith('.bin')) throw new UsageError(`${file}: file: expected a .bin file name in the same folder`);
  if (!Number.isSafeInteger(m.bytes) || m.bytes < 0) throw new UsageError(`${file}: bytes: expected a byte count`);
  if (typeof m.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(m.sha256)) throw new UsageError(`${file}: sha256: expected 64 hex digits`);
  if (!Array.isArray(m.tensors)) throw new UsageError(`${file}: tensors: expected a list`);
  let expect = 0;
  for (const [i, t] of m.tensors.entries()) {
    const ok = t && typeof t.name === 'string' && Array.isArray(t.shape) && t.shape.every((x) => Number.isSafeInteger(x) && x >= 0) && t.dtype === 'float32' && t.offset === expect;
    if (!ok) throw new UsageError(`${file}: tensors[${i}]: expected {name, shape, dtype: "float32", offset: ${expect}} (tensors back to back)`);
    expect += size(t.shape) * 4;
  }
  if (expect !== m.bytes) throw new UsageError(`${file}: the tensors need ${expect} bytes but bytes says ${m.bytes}`);
  return m;
}

/** Reads NAME.json and its .bin, checking size and sha256 before anything is used. */
export function readTensors(dir: string, name: string): { manifest: TensorManifest; values: Map<string, Float32Array> } {
  const mfile = path.join(dir, `${name}.json`);
  const manifest = checkManifest(readJson(mfile, 'the tensor manifest'), mfile);
  const bfile = path.join(dir, manifest.file);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(bfile);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${bfile}: missing (named by ${mfile})` : `${bfile}: cannot be read: ${code ?? (e as Error).message}`);
  }
  if (buf.length !== manifest.bytes) throw new UsageError(`${bfile}: ${buf.length} bytes, but ${mfile} says ${manifest.bytes}: the file is truncated or from another model`);
  const digest = sha256(buf);
  if (digest !== manifest.sha256) throw new UsageError(`${bfile}: sha256 ${digest} does not match ${mfile} (${manifest.sha256}): the file is corrupted or from another model`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const values = new Map<string, Float32Array>();
  for (const t of manifest.tensors) {
    const n = size(t.shape);
    const arr = new Float32Array(n);
    for (let i = 0; i < n; i++) arr[i] = view.getFloat32(t.offset + 4 * i, true);
    values.set(t.name, arr);
  }
  return { manifest, values };
}

/** config.json of a model folder, validated. */
export function readConfig(dir: string): ModelConfig {
  const file = path.join(dir, CONFIG_FILE);
  return validateConfig(readJson(file, 'the model config'), file);
}

/** A model folder's config and weights, every tensor checked against the config's names and shapes. */
export function readModelFolder(dir: string): { config: ModelConfig; values: Map<string, Float32Array>; manifest: TensorManifest } {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new UsageError(`${dir}: no such model folder`);
  }
  if (!st.isDirectory()) throw new UsageError(`${dir}: not a folder (a model folder holds ${CONFIG_FILE}, ${WEIGHTS}.json and ${WEIGHTS}.bin)`);
  const config = readConfig(dir);
  const { manifest, values } = readTensors(dir, WEIGHTS);
  const mfile = path.join(dir, `${WEIGHTS}.json`);
  const shapes = new Map(manifest.tensors.map((t) => [t.name, t.shape]));
  for (const s of paramSpecs(config)) {
    const got = shapes.get(s.name);
    if (!got) throw new UsageError(`${mfile}: no tensor '${s.name}', which ${path.join(dir, CONFIG_FILE)} needs`);
    if (got.join(',') !== s.shape.join(',')) throw new UsageError(`${mfile}: tensor '${s.name}' has shape [${got.join(', ')}], ${path.join(dir, CONFIG_FILE)} needs [${s.shape.join(', ')}]`);
    shapes.delete(s.name);
  }
  if (shapes.size > 0) throw new UsageError(`${mfile}: tensor '${[...shapes.keys()][0]}' is not part of the model ${path.join(dir, CONFIG_FILE)} describes`);
  return { config, values, manifest };
}

/** Writes config.json (when it differs or is absent) and the weights. */
export function writeModelFolder(dir: string, config: ModelConfig, values: ReadonlyMap<string, Float32Array>, info?: Record<string, unknown>): TensorManifest {
  fs.mkdirSync(dir, { recursive: true });
  writeAtomic(path.join(dir, CONFIG_FILE), JSON.stringify(config, null, 2) + '\n');
  const tensors = paramSpecs(config).map((s) => ({ name: s.name, shape: s.shape, values: values.get(s.name)! }));
  return writeTensors(dir, WEIGHTS, tensors, info);
}

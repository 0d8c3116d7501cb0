/**
 * The langdetect model's arrays, cached by the build in a binary file.
 *
 * Building them from the 55 JSON profiles costs about 0.5 s, paid by every process that detects a language: each
 * worker of an instruct run, each `verigen verify` of IFEval responses. `npm run build` writes them to
 * `dist/langdetect/model.bin` (about 4 MB: the probability matrix is 99% zeros and is stored sparse), which loads in a
 * few tens of milliseconds. The file records a hash of the data files it was built from; a process whose data files
 * hash otherwise (edited since the build), or that finds the file missing, damaged or written on a machine of the
 * other byte order, builds the arrays itself: a stale build costs time, never a different answer.
 *
 * Layout: a JSON header line (format, hash, byte order, sizes, languages), zero bytes up to a multiple of 8, then the
 * arrays, each starting at a multiple of 8 bytes: charId (Uint16 × 65,536), the used hash slots (Int32 × 4 each:
 * index, lo, hi, row), the non-zero entries of probs (Int32 indices, then Float64 values).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { LangdetectArrays, LangdetectSources } from './langdetect-model.js';

export const LANGDETECT_CACHE_FILE = path.join(PACKAGE_ROOT, 'dist', 'langdetect', 'model.bin');

const FORMAT = 'verigen-langdetect-arrays/1';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface Header {
  format: string;
  hash: string;
  littleEndian: boolean;
  langs: string[];
  probsLength: number;
  slotsLength: number;
  mask: number;
  usedSlots: number;
  nonZero: number;
}

/** What a cache must have been built from: the data files' text, and the format. */
export function sourcesHash(sources: LangdetectSources): string {
  const h = crypto.createHash('sha256').update(FORMAT);
  h.update('\0').update(sources.messages);
  for (const p of sources.profiles) h.update('\0').update(p);
  return h.digest('hex');
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeLangdetectArrays(a: LangdetectArrays, hash: string): Buffer {
  const slotCount = a.slots.length / 4;
  let usedSlots = 0;
  for (let s = 0; s < slotCount; s++) if (a.slots[4 * s + 1] !== -1) usedSlots++;
  let nonZero = 0;
  for (let i = 0; i < a.probs.length; i++) if (a.probs[i] !== 0) nonZero++;
  const header: Header = {
    format: FORMAT,
    hash,
    littleEndian: LITTLE_ENDIAN,
    langs: a.langs,
    probsLength: a.probs.length,
    slotsLength: a.slots.length,
    mask: a.mask,
    usedSlots,
    nonZero,
  };
  const head = Buffer.from(JSON.stringify(header) + '\n', 'utf8');
  const charAt = align8(head.length);
  const slotsAt = align8(charAt + a.charId.byteLength);
  const indexAt = align8(slotsAt + usedSlots * 16);
  const valueAt = align8(indexAt + nonZero * 4);
  const out = Buffer.alloc(valueAt + nonZero * 8);
  head.copy(out, 0);
  Buffer.from(a.charId.buffer, a.charId.byteOffset, a.charId.byteLength).copy(out, charAt);
  const slots = new Int32Array(out.buffer, out.byteOffset + slotsAt, usedSlots * 4);
  for (let s = 0, k = 0; s < slotCount; s++) {
    if (a.slots[4 * s + 1] === -1) continue;
    slots[k++] = s;
    slots[k++] = a.slots[4 * s]!;
    slots[k++] = a.slots[4 * s + 1]!;
    slots[k++] = a.slots[4 * s + 2]!;
  }
  const index = new Int32Array(out.buffer, out.byteOffset + indexAt, nonZero);
  const value = new Float64Array(out.buffer, out.byteOffset + valueAt, nonZero);
  for (let i = 0, k = 0; i < a.probs.length; i++) {
    if (a.probs[i] === 0) continue;
    index[k] = i;
    value[k++] = a.probs[i]!;
  }
  return out;
}

/** The arrays of a cache built from sources with this hash, or null (another hash, another format, damaged). */
export function decodeLangdetectArrays(buf: Buffer, hash: string): LangdetectArrays | null {
  const nl = buf.indexOf(0x0a);
  if (nl < 0 || nl > 65536) return null;
  let h: Header;
  try {
    h = JSON.parse(buf.toString('utf8', 0, nl)) as Header;
  } catch {
    return null;
  }
  if (h.format !== FORMAT || h.hash !== hash || h.littleEndian !== LITTLE_ENDIAN) return null;
  const charAt = align8(nl + 1);
  const slotsAt = align8(charAt + 0x10000 * 2);
  const indexAt = align8(slotsAt + h.usedSlots * 16);
  const valueAt = align8(indexAt + h.nonZero * 4);
  if (buf.length !== valueAt + h.nonZero * 8 || h.slotsLength !== 4 * (h.mask + 1)) return null;
  // A copy aligned for the typed-array views (a Buffer's own offset in its pool need not be a multiple of 8).
  const bytes = new Uint8Array(buf.length);
  bytes.set(buf);
  const charId = new Uint16Array(bytes.buffer.slice(charAt, charAt + 0x10000 * 2));
  const slots = new Int32Array(h.slotsLength);
  for (let s = 0; s < slots.length; s += 4) slots[s + 1] = -1;
  const used = new Int32Array(bytes.buffer, slotsAt, h.usedSlots * 4);
  for (let k = 0; k < used.length; k += 4) {
    const s = used[k]!;
    if (s < 0 || s > h.mask) return null;
    slots[4 * s] = used[k + 1]!;
    slots[4 * s + 1] = used[k + 2]!;
    slots[4 * s + 2] = used[k + 3]!;
  }
  const probs = new Float64Array(h.probsLength);
  const index = new Int32Array(bytes.buffer, indexAt, h.nonZero);
  const value = new Float64Array(bytes.buffer, valueAt, h.nonZero);
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    if (i < 0 || i >= probs.length) return null;
    probs[i] = value[k]!;
  }
  return { langs: h.langs, probs, charId, slots, mask: h.mask };
}

/** The cached arrays when `file` holds a current cache, else null. */
export function readLangdetectCache(file: string, hash: string): LangdetectArrays | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return null;
  }
  return decodeLangdetectArrays(buf, hash);
}

export function writeLangdetectCacheFile(file: string, arrays: LangdetectArrays, hash: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole, then renamed: a process starting meanwhile reads the old file or the new one, never half of one.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, encodeLangdetectArrays(arrays, hash));
  fs.renameSync(tmp, file);
}

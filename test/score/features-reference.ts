/**
 * The oracle for test/score/features.test.ts: the first implementation of feature version 1, kept as it was written
 * (string concatenation per structural feature, a scratch array of token hashes, then the pushes). The faster
 * extractor in src/score/features.ts must give exactly these indices and values, in this order, on every input.
 * Not imported by src/.
 */
/* eslint-disable */

interface FeatureSource {
  family?: unknown;
  generator?: unknown;
  template?: unknown;
  verifier?: unknown;
  ground_truth?: unknown;
  answer?: unknown;
  messages?: unknown;
  meta?: unknown;
}

// Seeds of the feature kinds.
const NS = { uni: 0x9e3779b1, bi: 0x85ebca77, str: 0xc2b2ae3d, cross: 0x27d4eb2f } as const;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 32-bit hash of a string's code units (multiply-xor per unit, fmix32 at the end). */
function hashString(s: string, seed = 0): number {
  let h = (seed ^ s.length) | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) + 0x7feb352d;
  return fmix32(h);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0;
}

/** Half-octave bucket of a non-negative count: 0, 1, 2, 3, 4, 6, 8, 11, 16, ... all map to distinct small integers. */
function lengthBucket(n: number): number {
  return n <= 0 ? 0 : Math.floor(2 * Math.log2(n + 1));
}

/** A coarse type of a canonical answer: what kind of output the item asks for. */
function answerType(answer: unknown): string {
  if (answer === null || answer === undefined) return 'none';
  if (typeof answer !== 'string') return typeof answer;
  const a = answer.trim();
  if (a === '') return 'empty';
  if (/^-?\d+$/.test(a)) return 'integer';
  if (/^-?\d*\.\d+$/.test(a)) return 'decimal';
  if (/^\d{4}-\d{2}-\d{2}$/.test(a)) return 'date';
  if (/^(yes|no|true|false)$/i.test(a)) return 'yes-no';
  if (a.length > 200) return 'long-text';
  if (!/\s/.test(a)) return /\d/.test(a) ? 'token' : 'word';
  return a.split(/\s+/).length <= 4 ? 'phrase' : 'sentence';
}

export class ReferenceExtractor {
  idx: Int32Array = new Int32Array(1024);
  val: Float32Array = new Float32Array(1024);
  private n = 0;
  private readonly mask: number;
  private readonly cache = new Map<string, number>();

  constructor(readonly buckets: number) {
    if (!Number.isInteger(buckets) || buckets < 2 || buckets > 1 << 30 || (buckets & (buckets - 1)) !== 0) {
      throw new RangeError(`buckets must be a power of two between 2 and 2^30, got ${buckets}`);
    }
    this.mask = buckets - 1;
  }

  private push(hash: number, value: number): void {
    if (this.n === this.idx.length) {
      const idx = new Int32Array(this.n * 2);
      idx.set(this.idx);
      this.idx = idx;
      const val = new Float32Array(this.n * 2);
      val.set(this.val);
      this.val = val;
    }
    this.idx[this.n] = hash & this.mask;
    this.val[this.n++] = value;
  }

  /** A structural feature `name` (hashed once and remembered: generators and templates repeat across items). */
  private str(name: string, value = 1): number {
    let h = this.cache.get(name);
    if (h === undefined) {
      h = hashString(name, NS.str);
      if (this.cache.size >= 1 << 16) this.cache.clear(); // bounded: kwargs values can be many
      this.cache.set(name, h);
    }
    this.push(h, value);
    return h;
  }

  /** Features of `item` into idx/val; returns their number. Never throws on any input. */
  extract(item: FeatureSource): number {
    this.n = 0;
    const gen = typeof item.generator === 'string' ? item.generator : '';
    this.str(`fam=${typeof item.family === 'string' ? item.family : ''}`);
    const genHash = this.str(`gen=${gen}`);
    this.str(`tmpl=${typeof item.template === 'string' ? item.template : ''}`);
    this.str(`ver=${typeof item.verifier === 'string' ? item.verifier : ''}`);
    const meta = item.meta as { tags?: unknown } | null | undefined;
    if (meta && Array.isArray(meta.tags)) for (const t of meta.tags) if (typeof t === 'string') this.str(`tag=${t.slice(0, 64)}`);
    this.groundTruth(item.ground_truth);
    const at = answerType(item.answer);
    const alen = typeof item.answer === 'string' ? item.answer.length : 0;
    this.str(`atype=${at}`);
    this.str(`alen=${lengthBucket(alen)}`);
    if (typeof item.answer === 'string') this.str(`adigits=${lengthBucket(countDigits(item.answer))}`);
    this.cross(genHash, hashString(`atype=${at}`));
    this.cross(genHash, 0x100 + lengthBucket(alen));
    const chars = this.text(item.messages);
    this.str(`plen=${lengthBucket(chars)}`);
    this.cross(genHash, 0x200 + lengthBucket(chars));
    this.str(`nmsg=${Array.isArray(item.messages) ? Math.min(item.messages.length, 16) : 0}`);
    return this.n;
  }

  private cross(a: number, b: number): void {
    this.push(fmix32(Math.imul(a, 31) ^ b ^ NS.cross), 1);
  }

  private groundTruth(gt: unknown): void {
    if (!gt || typeof gt !== 'object' || Array.isArray(gt)) return;
    const rec = gt as Record<string, unknown>;
    const ids = Array.isArray(rec.instruction_id_list) ? rec.instruction_id_list : null;
    if (ids) {
      this.str(`ncon=${Math.min(ids.length, 16)}`);
      const kwargs = Array.isArray(rec.kwargs) ? rec.kwargs : [];
      ids.forEach((id, i) => {
        if (typeof id !== 'string') return;
        this.str(`cid=${id}`);
        const kw = kwargs[i];
        if (kw && typeof kw === 'object' && !Array.isArray(kw)) {
          for (const [k, v] of Object.entries(kw as Record<string, unknown>)) if (v !== null && v !== undefined) this.str(`kw=${id}:${k}=${scalarKey(v)}`);
        }
      });
    }
    for (const [k, v] of Object.entries(rec)) {
      // The answer itself is item-specific: its shape is covered by the answer features.
      if (k === 'answer' || k === 'instruction_id_list' || k === 'kwargs') continue;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') this.str(`gt=${k}=${scalarKey(v)}`);
      else if (Array.isArray(v)) this.str(`gt=${k}=list${lengthBucket(v.length)}`);
    }
  }

  /** Unigrams and bigrams of every message's role and content; returns the number of characters read. */
  private text(messages: unknown): number {
    if (!Array.isArray(messages)) return 0;
    // Tokens go into a scratch array first: their count is needed for the weight before any is pushed.
    let nt = 0;
    let chars = 0;
    for (const m of messages) {
      if (!m || typeof m !== 'object') continue;
      const role = (m as { role?: unknown }).role;
      const content = (m as { content?: unknown }).content;
      this.ensureTokens(nt);
      this.tokens[nt++] = hashString(`<${typeof role === 'string' ? role : ''}>`);
      if (typeof content !== 'string') continue;
      chars += content.length;
      nt = this.tokenize(content, nt);
    }
    const tk = this.tokens;
    const w = nt === 0 ? 0 : 1 / Math.sqrt(nt);
    for (let i = 0; i < nt; i++) {
      this.push(fmix32(tk[i]! ^ NS.uni), w);
      if (i > 0) this.push(fmix32((Math.imul(tk[i - 1]!, 0x2c1b3c6d) ^ tk[i]!) + NS.bi), w);
    }
    return chars;
  }

  private tokens: Int32Array = new Int32Array(2048);

  private ensureTokens(n: number): void {
    if (n < this.tokens.length) return;
    const t = new Int32Array(Math.max(n + 1, this.tokens.length * 2));
    t.set(this.tokens);
    this.tokens = t;
  }

  /** Appends the token hashes of `s` from position `nt`; returns the new count. */
  private tokenize(s: string, nt: number): number {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isLetter(c)) {
        let h = 0x811c9dc5;
        while (i < n) {
          let d = s.charCodeAt(i);
          if (!isLetter(d)) break;
          if (d >= 65 && d <= 90) d += 32;
          h = Math.imul(h ^ d, 0x01000193);
          i++;
        }
        this.ensureTokens(nt);
        this.tokens[nt++] = fmix32(h);
      } else if (c >= 48 && c <= 57) {
        let len = 0;
        while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
          len++;
          i++;
        }
        this.ensureTokens(nt);
        this.tokens[nt++] = fmix32(0x5bd1e995 + Math.min(len, 24));
      } else {
        i++;
        if (c === 32 || c === 9 || c === 13) continue;
        this.ensureTokens(nt);
        this.tokens[nt++] = fmix32(0x3c6ef372 ^ c);
      }
    }
    return nt;
  }
}

function countDigits(s: string): number {
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) d++;
  }
  return d;
}

/** A bounded key for a scalar: short strings as they are, numbers by magnitude (small integers exactly). */
function scalarKey(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 10 ? String(v) : `n${v < 0 ? '-' : ''}${lengthBucket(Math.abs(v))}`;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v.length <= 32 ? v : `s${lengthBucket(v.length)}`;
  if (Array.isArray(v)) return `list${lengthBucket(v.length)}`;
  return typeof v;
}

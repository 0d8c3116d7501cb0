/**
 * Sparse hashed features of an item for the difficulty predictor.
 *
 * Text: word unigrams and bigrams over every message (lower-cased letter runs; a digit run becomes its shape `#<n
 * digits>`, so 3-digit and 7-digit arithmetic differ but the values do not explode the space; each punctuation mark and
 * each newline is a token of its own: tables, code fences and lists are structure). Each occurrence adds 1/√(tokens),
 * so long prompts do not dominate. Structure (value 1 each): family, generator, template, verifier, meta tags, the
 * constraint ids and kwargs of instruction items, scalar ground-truth fields, prompt length and message count buckets,
 * the canonical answer's type, length and digit count, and generator × (length, answer type) crosses.
 *
 * Every feature is hashed into `buckets` (a power of two) with a seed per kind, so a word and a generator of the same
 * spelling do not share a bucket by construction. One pass over the characters, no per-token strings: the hash is
 * folded as the characters go by. The extractor reuses its buffers: `extract` returns how many of `idx`/`val` are set.
 */

export const FEATURE_VERSION = 1;
export const DEFAULT_BUCKETS = 1 << 18;

/** What the extractor reads of an item; every field may be missing or of the wrong type (it never throws). */
export interface FeatureSource {
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

/** Folds the code units of `s` into the running hash `h` (one step of {@link hashString}). */
function fold(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = (Math.imul(h ^ s.charCodeAt(i), 0x01000193) + 0x7feb352d) | 0;
  return h;
}

/** 32-bit hash of a string's code units (multiply-xor per unit, fmix32 at the end). */
export function hashString(s: string, seed = 0): number {
  return fmix32(fold((seed ^ s.length) | 0, s));
}

/**
 * hashString(a + b + c + d, seed) without building the string: the hash only needs the total length up front and
 * then the units in order. Structural features are prefix + value; concatenating them cost more than hashing.
 */
function hashParts(seed: number, a: string, b: string, c = '', d = ''): number {
  return fmix32(fold(fold(fold(fold((seed ^ (a.length + b.length + c.length + d.length)) | 0, a), b), c), d));
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0;
}

/** Half-octave bucket of a non-negative count: 0, 1, 2, 3, 4, 6, 8, 11, 16, ... all map to distinct small integers. */
export function lengthBucket(n: number): number {
  return n <= 0 ? 0 : Math.floor(2 * Math.log2(n + 1));
}

/** A coarse type of a canonical answer: what kind of output the item asks for. */
export function answerType(answer: unknown): string {
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

// Prefixes of the structural features.
const P = { fam: 'fam=', gen: 'gen=', tmpl: 'tmpl=', ver: 'ver=', tag: 'tag=', ncon: 'ncon=', cid: 'cid=', kw: 'kw=', gt: 'gt=', atype: 'atype=', alen: 'alen=', adigits: 'adigits=', plen: 'plen=', nmsg: 'nmsg=' } as const;

export class FeatureExtractor {
  idx: Int32Array = new Int32Array(1024);
  val: Float32Array = new Float32Array(1024);
  private n = 0;
  private readonly mask: number;
  /** Hash of `prefix` + a small integer, per prefix (the integers are length buckets and counts). */
  private readonly numCache = new Map<string, number[]>();
  /** Hash of `atype=<type>` (seed 0, for the generator cross) and `<role>` tokens: a handful of values each. */
  private readonly atypeCache = new Map<string, number>();
  private readonly roleCache = new Map<string, number>();

  constructor(readonly buckets: number = DEFAULT_BUCKETS) {
    if (!Number.isInteger(buckets) || buckets < 2 || buckets > 1 << 30 || (buckets & (buckets - 1)) !== 0) {
      throw new RangeError(`buckets must be a power of two between 2 and 2^30, got ${buckets}`);
    }
    this.mask = buckets - 1;
  }

  /** Room for `more` features past the current count. */
  private reserve(more: number): void {
    const need = this.n + more;
    if (need <= this.idx.length) return;
    let cap = this.idx.length * 2;
    while (cap < need) cap *= 2;
    const idx = new Int32Array(cap);
    idx.set(this.idx.subarray(0, this.n));
    this.idx = idx;
    const val = new Float32Array(cap);
    val.set(this.val.subarray(0, this.n));
    this.val = val;
  }

  private push(hash: number, value: number): void {
    if (this.n === this.idx.length) this.reserve(1);
    this.idx[this.n] = hash & this.mask;
    this.val[this.n++] = value;
  }

  /** The structural feature `prefix` + `value` (value 1); returns its hash. */
  private str(prefix: string, value: string): number {
    const h = hashParts(NS.str, prefix, value);
    this.push(h, 1);
    return h;
  }

  /** The structural feature `prefix` + String(k) for a count or bucket k. */
  private num(prefix: string, k: number): void {
    if (!(Number.isInteger(k) && k >= 0 && k < 256)) {
      this.push(hashParts(NS.str, prefix, String(k)), 1);
      return;
    }
    let table = this.numCache.get(prefix);
    if (table === undefined) this.numCache.set(prefix, (table = []));
    let h = table[k];
    if (h === undefined) table[k] = h = hashParts(NS.str, prefix, String(k));
    this.push(h, 1);
  }

  /** Features of `item` into idx/val; returns their number. Never throws on any input. */
  extract(item: FeatureSource): number {
    this.n = 0;
    const gen = typeof item.generator === 'string' ? item.generator : '';
    this.str(P.fam, typeof item.family === 'string' ? item.family : '');
    const genHash = this.str(P.gen, gen);
    this.str(P.tmpl, typeof item.template === 'string' ? item.template : '');
    this.str(P.ver, typeof item.verifier === 'string' ? item.verifier : '');
    const meta = item.meta as { tags?: unknown } | null | undefined;
    if (meta && Array.isArray(meta.tags)) {
      for (const t of meta.tags) if (typeof t === 'string') this.str(P.tag, t.length > 64 ? t.slice(0, 64) : t);
    }
    this.groundTruth(item.ground_truth);
    const answer = item.answer;
    const at = answerType(answer);
    const alen = typeof answer === 'string' ? answer.length : 0;
    this.str(P.atype, at);
    this.num(P.alen, lengthBucket(alen));
    if (typeof answer === 'string') this.num(P.adigits, lengthBucket(countDigits(answer)));
    let atHash = this.atypeCache.get(at);
    if (atHash === undefined) this.atypeCache.set(at, (atHash = hashParts(0, P.atype, at)));
    this.cross(genHash, atHash);
    this.cross(genHash, 0x100 + lengthBucket(alen));
    const messages = item.messages;
    const chars = this.text(messages);
    this.num(P.plen, lengthBucket(chars));
    this.cross(genHash, 0x200 + lengthBucket(chars));
    this.num(P.nmsg, Array.isArray(messages) ? Math.min(messages.length, 16) : 0);
    return this.n;
  }

  private cross(a: number, b: number): void {
    this.push(fmix32(Math.imul(a, 31) ^ b ^ NS.cross), 1);
  }

  private groundTruth(gt: unknown): void {
    if (!gt || typeof gt !== 'object' || Array.isArray(gt)) return;
    const rec = gt as Record<string, unknown>;
    const ids = Array.isArray(rec.instruction_id_list) ? (rec.instruction_id_list as unknown[]) : null;
    if (ids) {
      this.num(P.ncon, Math.min(ids.length, 16));
      const kwargs = Array.isArray(rec.kwargs) ? (rec.kwargs as unknown[]) : [];
      for (let i = 0; i < ids.length; i++) {
        if (!(i in ids)) continue; // a hole, as forEach skips it
        const id = ids[i];
        if (typeof id !== 'string') continue;
        this.str(P.cid, id);
        const kw = kwargs[i];
        if (kw && typeof kw === 'object' && !Array.isArray(kw)) {
          const obj = kw as Record<string, unknown>;
          for (const k of Object.keys(obj)) {
            const v = obj[k];
            if (v !== null && v !== undefined) this.push(hashParts(NS.str, P.kw, id, `:${k}=`, scalarKey(v)), 1);
          }
        }
      }
    }
    for (const k of Object.keys(rec)) {
      // The answer itself is item-specific: its shape is covered by the answer features.
      if (k === 'answer' || k === 'instruction_id_list' || k === 'kwargs') continue;
      const v = rec[k];
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') this.push(hashParts(NS.str, P.gt, k, '=', scalarKey(v)), 1);
      else if (Array.isArray(v)) this.push(hashParts(NS.str, P.gt, k, '=list', String(lengthBucket(v.length))), 1);
    }
  }

  /**
   * Unigrams and bigrams of every message's role and content; returns the number of characters read. Token hashes
   * go straight into idx in their final order (unigram i, then bigram i-1..i); their weight 1/√(tokens) is filled in
   * once the count is known.
   */
  private text(messages: unknown): number {
    if (!Array.isArray(messages)) return 0;
    const start = this.n;
    let nt = 0;
    let prev = 0;
    let chars = 0;
    for (const m of messages) {
      if (!m || typeof m !== 'object') continue;
      const role = (m as { role?: unknown }).role;
      const content = (m as { content?: unknown }).content;
      const r = typeof role === 'string' ? role : '';
      let rh = this.roleCache.get(r);
      if (rh === undefined) {
        rh = hashParts(0, '<', r, '>');
        if (this.roleCache.size < 64) this.roleCache.set(r, rh); // roles are few; a bound against junk input
      }
      this.reserve(2);
      this.idx[this.n++] = fmix32(rh ^ NS.uni) & this.mask;
      if (nt > 0) this.idx[this.n++] = fmix32((Math.imul(prev, 0x2c1b3c6d) ^ rh) + NS.bi) & this.mask;
      prev = rh;
      nt++;
      if (typeof content !== 'string') continue;
      chars += content.length;
      // At most one token per code unit, two features per token.
      this.reserve(2 * content.length);
      const before = this.n;
      prev = this.tokenize(content, prev);
      nt += (this.n - before) >> 1;
    }
    if (nt > 0) this.val.fill(1 / Math.sqrt(nt), start, this.n);
    return chars;
  }

  /**
   * Pushes the unigram and bigram of each token of `s` (room reserved by the caller); `prev` is the hash of the token
   * before `s` (there always is one: the message's role). Returns the hash of the last token.
   */
  private tokenize(s: string, prev: number): number {
    const idx = this.idx;
    const mask = this.mask;
    let n = this.n;
    const len = s.length;
    let i = 0;
    while (i < len) {
      const c = s.charCodeAt(i);
      let t: number;
      if (isLetter(c)) {
        let h = 0x811c9dc5 | 0;
        while (i < len) {
          let d = s.charCodeAt(i);
          if (!isLetter(d)) break;
          if (d >= 65 && d <= 90) d += 32;
          h = Math.imul(h ^ d, 0x01000193);
          i++;
        }
        t = fmix32(h);
      } else if (c >= 48 && c <= 57) {
        let run = 0;
        while (i < len) {
          const d = s.charCodeAt(i);
          if (d < 48 || d > 57) break;
          run++;
          i++;
        }
        t = fmix32(0x5bd1e995 + Math.min(run, 24));
      } else {
        i++;
        if (c === 32 || c === 9 || c === 13) continue;
        t = fmix32(0x3c6ef372 ^ c);
      }
      idx[n++] = fmix32(t ^ NS.uni) & mask;
      idx[n++] = fmix32((Math.imul(prev, 0x2c1b3c6d) ^ t) + NS.bi) & mask;
      prev = t;
    }
    this.n = n;
    return prev;
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

/**
 * A fast 128-bit non-cryptographic hash of a string's UTF-16 code units, for seeding item streams and for counting
 * duplicate prompts. Four 32-bit multiply-rotate lanes with distinct constants, cross-mixed, each finished with
 * murmur3's fmix32 avalanche. A JS loop over a short string costs a fraction of a crypto hash call.
 */

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Writes the four 32-bit words of the hash of `s` into `out` and returns it. */
export function hash128(s: string, out: Uint32Array = new Uint32Array(4)): Uint32Array {
  const n = s.length;
  let h1 = 0x6a09e667 ^ n;
  let h2 = 0xbb67ae85 ^ n;
  let h3 = 0x3c6ef372 ^ n;
  let h4 = 0xa54ff53a ^ n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0xcc9e2d51);
    h1 = h2 ^ ((h1 << 15) | (h1 >>> 17));
    h2 = Math.imul(h2 ^ c, 0x1b873593);
    h2 = h3 ^ ((h2 << 13) | (h2 >>> 19));
    h3 = Math.imul(h3 ^ c, 0x85ebca77);
    h3 = h4 ^ ((h3 << 17) | (h3 >>> 15));
    h4 = Math.imul(h4 ^ c, 0xc2b2ae3d);
    h4 = h1 ^ ((h4 << 19) | (h4 >>> 13));
  }
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  out[0] = fmix32(h1);
  out[1] = fmix32(h2 ^ out[0]);
  out[2] = fmix32(h3 ^ out[1]);
  out[3] = fmix32(h4 ^ out[2]);
  return out;
}

/**
 * 64 bits for long strings (prompts): two lanes instead of four, so half the work per character; as a bigint for
 * sorting in a BigUint64Array.
 */
export function hash64(s: string): bigint {
  const n = s.length;
  let h1 = 0x9747b28c ^ n;
  let h2 = 0x1b873593 ^ Math.imul(n, 0x85ebca6b);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0xcc9e2d51);
    h1 = (h1 << 15) | (h1 >>> 17);
    h2 = Math.imul(h2 ^ c, 0x1b873593);
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = (Math.imul(h2, 5) + 0xe6546b64) | 0;
  }
  const a = fmix32(h1 ^ h2);
  const b = fmix32((h2 + Math.imul(h1, 0x27d4eb2f)) | 0);
  return (BigInt(a) << 32n) | BigInt(b);
}

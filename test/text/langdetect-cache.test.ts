/**
 * The build's langdetect cache must be current and must hold exactly the arrays that building from the profiles gives
 * (a different bit would change a detected language somewhere); a cache from other sources, or a damaged one, is
 * refused so that the process builds its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  decodeLangdetectArrays,
  encodeLangdetectArrays,
  LANGDETECT_CACHE_FILE,
  readLangdetectCache,
  sourcesHash,
} from '../../src/text/langdetect-cache.js';
import { buildLangdetectArrays, readLangdetectSources, type LangdetectArrays } from '../../src/text/langdetect-model.js';

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function expectSameArrays(got: LangdetectArrays, want: LangdetectArrays): void {
  expect(got.langs).toEqual(want.langs);
  expect(got.mask).toBe(want.mask);
  // Byte comparison: -0 against 0 or one NaN against another would pass a numeric one.
  expect(bytes(got.charId).equals(bytes(want.charId))).toBe(true);
  expect(bytes(got.slots).equals(bytes(want.slots))).toBe(true);
  expect(got.probs.length).toBe(want.probs.length);
  expect(bytes(got.probs).equals(bytes(want.probs))).toBe(true);
}

describe('langdetect cache', () => {
  const sources = readLangdetectSources();
  const hash = sourcesHash(sources);
  const built = buildLangdetectArrays(sources.profiles);

  test('the build wrote a current cache holding exactly the arrays built from the profiles', () => {
    const cached = readLangdetectCache(LANGDETECT_CACHE_FILE, hash);
    expect(cached).not.toBeNull();
    expectSameArrays(cached!, built);
    expect(built.langs).toHaveLength(55);
  });

  test('encoding round-trips, and the sparse form is much smaller than the matrix', () => {
    const buf = encodeLangdetectArrays(built, hash);
    expect(buf.length).toBeLessThan(built.probs.byteLength / 5);
    expectSameArrays(decodeLangdetectArrays(buf, hash)!, built);
  });

  test('another hash, a truncated or damaged file, or a missing one is refused', () => {
    const buf = encodeLangdetectArrays(built, hash);
    const edited = sourcesHash({ ...sources, profiles: [...sources.profiles.slice(1), sources.profiles[0]!] });
    expect(edited).not.toBe(hash);
    expect(decodeLangdetectArrays(buf, edited)).toBeNull();
    expect(decodeLangdetectArrays(buf.subarray(0, buf.length - 8), hash)).toBeNull();
    expect(decodeLangdetectArrays(Buffer.concat([buf, Buffer.alloc(8)]), hash)).toBeNull();
    expect(decodeLangdetectArrays(Buffer.from('not a cache\n'), hash)).toBeNull();
    expect(decodeLangdetectArrays(Buffer.from('no newline at all'), hash)).toBeNull();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-langdetect-'));
    try {
      expect(readLangdetectCache(path.join(dir, 'absent.bin'), hash)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

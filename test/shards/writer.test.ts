import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { ShardWriter } from '../../src/shards/writer.js';

/** Lines that cross the writer's 1 MiB buffers: short, long, multi-byte, surrogate pairs, one longer than a buffer. */
function sampleLines(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const k = i % 7;
    if (k === 0) lines.push(`{"i":${i}}`);
    else if (k === 1) lines.push('é'.repeat(300 + i) + `#${i}`);
    else if (k === 2) lines.push('😀'.repeat(200) + `#${i}`);
    else if (k === 3) lines.push('');
    else lines.push(`line ${i} `.repeat(40 + (i % 90)));
  }
  lines.splice(1234, 0, 'x'.repeat(3 * (1 << 20)) + 'é');
  lines.splice(2000, 0, '€'.repeat(400_000));
  return lines;
}

describe('ShardWriter', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-writer-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function writeAll(file: string, compress: 'none' | 'gzip', lines: string[]) {
    const w = new ShardWriter(file, compress, 3);
    for (const l of lines) {
      const wait = w.write(l);
      if (wait) await wait;
    }
    return w.close();
  }

  test('gzip bytes do not depend on how the lines were buffered: the same as compressing the whole text at once', async () => {
    // zlib gets 1 MiB pieces (and a line longer than that on its own) and returns output in pieces of any size; the
    // deflate stream must still be the one-shot stream, so a change of buffer sizes can never change a shard's bytes.
    const lines = sampleLines();
    const file = path.join(dir, 'shard.jsonl.gz');
    await writeAll(file, 'gzip', lines);
    const whole = Buffer.from(lines.map((l) => l + '\n').join(''), 'utf8');
    expect(fs.readFileSync(file).equals(zlib.gzipSync(whole, { level: 3 }))).toBe(true);
  });

  test.each(['none', 'gzip'] as const)('%s: the file holds every line in order, and bytes and sha256 describe the file', async (compress) => {
    const lines = sampleLines();
    const file = path.join(dir, `shard.jsonl${compress === 'gzip' ? '.gz' : ''}`);
    const written = await writeAll(file, compress, lines);
    const raw = fs.readFileSync(file);
    expect(written.bytes).toBe(raw.length);
    expect(written.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
    const text = (compress === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8');
    expect(text).toBe(lines.join('\n') + '\n');
    // No temp file is left beside the shard.
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  test('gzip output is one member and the same bytes on a second write (deterministic)', async () => {
    const lines = sampleLines();
    const a = await writeAll(path.join(dir, 'a.jsonl.gz'), 'gzip', lines);
    const b = await writeAll(path.join(dir, 'b.jsonl.gz'), 'gzip', lines);
    expect(a.sha256).toBe(b.sha256);
  });

  test('an empty shard is an empty file (plain) or an empty gzip member', async () => {
    expect((await writeAll(path.join(dir, 'e.jsonl'), 'none', [])).bytes).toBe(0);
    await writeAll(path.join(dir, 'e.jsonl.gz'), 'gzip', []);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'e.jsonl.gz'))).length).toBe(0);
  });

  test('abort leaves neither the shard nor its temp file', async () => {
    const w = new ShardWriter(path.join(dir, 'x.jsonl.gz'), 'gzip', 3);
    for (const l of sampleLines().slice(0, 3000)) {
      const wait = w.write(l);
      if (wait) await wait;
    }
    w.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

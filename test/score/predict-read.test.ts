/**
 * The line readers (src/shards/lines.ts: chunked TextDecoder, indexOf cuts; eachLine for score predict, readLines for
 * everything else) against decoding the whole file at once and splitting it, and the rate formatter against
 * String(+p.toFixed(6)).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { formatRate } from '../../src/score/predict.js';
import { eachLine, readLines } from '../../src/shards/lines.js';
import { UsageError } from '../../src/core/errors.js';
import { tmpDir } from '../helpers/cli.js';

/** The lines the reader must give: whole-file decode, split on \n, one trailing \r cut, blank lines skipped. */
function expectedLines(bytes: Buffer): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  bytes
    .toString('utf8')
    .split('\n')
    .forEach((p, i) => {
      const t = p.endsWith('\r') ? p.slice(0, -1) : p;
      if (t.trim() !== '') out.push([t, i + 1]);
    });
  return out;
}

async function readAll(file: string): Promise<Array<[string, number]>> {
  const got: Array<[string, number]> = [];
  await eachLine(file, (t, line) => got.push([t, line]));
  return got;
}

/** The same through the async generator every other reader uses. */
async function readAllAsync(file: string): Promise<Array<[string, number]>> {
  const got: Array<[string, number]> = [];
  for await (const l of readLines(file)) {
    expect(l.file).toBe(file);
    got.push([l.value, l.line]);
  }
  return got;
}

describe('eachLine', () => {
  it('gives the lines of a whole-file decode, across 1 MiB chunks, in plain and gzip files', async () => {
    const dir = tmpDir();
    // A multi-byte character on each side of the 1 MiB read boundary, CRLF, blank and whitespace-only lines, a BOM,
    // malformed UTF-8 (a cut 3-byte sequence before a newline, lone continuation bytes, an overlong form), a lone \r,
    // NUL, and no newline at the end.
    const big = 'x'.repeat((1 << 20) - 3) + '€😀é' + 'y'.repeat(1 << 20) + '漢';
    const parts: Buffer[] = [
      Buffer.from('\ufeff{"a":1}\r\n\n   \n\t\r\n'),
      Buffer.from(`{"big":"${big}"}\n`),
      Buffer.from([0x7b, 0xe2, 0x82, 0x0a, 0x80, 0xbf, 0x7d, 0x0a, 0xc0, 0xaf, 0x0d, 0x0a, 0x0d, 0x0a]),
      Buffer.from('a\rb\n\u0000\n'),
      Buffer.from('é'.repeat(700000) + '\n'),
      Buffer.from('{"last":true}'),
    ];
    const bytes = Buffer.concat(parts);
    const plain = path.join(dir, 'a.jsonl');
    fs.writeFileSync(plain, bytes);
    const gz = path.join(dir, 'a.jsonl.gz');
    fs.writeFileSync(gz, zlib.gzipSync(bytes));
    const want = expectedLines(bytes);
    expect(want.length).toBe(9); // checked by hand: BOM line, big, 3 malformed, 'a\rb', NUL, é-run, last
    expect(await readAll(plain)).toEqual(want);
    expect(await readAll(gz)).toEqual(want);
    expect(await readAllAsync(plain)).toEqual(want);
    expect(await readAllAsync(gz)).toEqual(want);
  });

  it('passes on a usage error of the callback, and names the file and line of a broken gzip stream', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'b.jsonl');
    fs.writeFileSync(f, '{}\n\n{}\n');
    await expect(
      eachLine(f, (_t, line) => {
        if (line === 3) throw new UsageError(`line ${line}`);
      }),
    ).rejects.toThrow(new UsageError('line 3'));
    const g = path.join(dir, 'b.jsonl.gz');
    fs.writeFileSync(g, zlib.gzipSync(Buffer.from('{}\n')).subarray(0, 12));
    await expect(eachLine(g, () => undefined)).rejects.toThrow(`${g}:1: cannot read:`);
    await expect(readAllAsync(g)).rejects.toThrow(new RegExp(`^${g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: cannot read:`));
    await expect(readAllAsync(path.join(dir, 'missing.jsonl'))).rejects.toThrow(/missing\.jsonl:1: cannot read: ENOENT/);
    await expect(eachLine(path.join(dir, 'missing.jsonl.gz'), () => undefined)).rejects.toThrow(/missing\.jsonl\.gz:1: cannot read: ENOENT/);
  });

  it('a consumer may stop reading early (readLines)', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'c.jsonl');
    fs.writeFileSync(f, Array.from({ length: 50000 }, (_, i) => `{"i":${i}}`).join('\n'));
    const seen: number[] = [];
    for await (const l of readLines(f)) {
      seen.push(l.line);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('formatRate', () => {
  it('writes what String(+p.toFixed(6)) writes', () => {
    const edge = [0, 1, 0.5, 0.1, 1e-6, 5e-7, 4.9999999e-7, 1e-7, 5e-324, 0.9999995, 0.99999949999, 1 - 1e-16, 0.123456, 0.1234565, NaN, -1e-9, -0.5, 2];
    let s = 99;
    const random = Array.from({ length: 20000 }, () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return 1 / (1 + Math.exp(-((s / 2 ** 32) * 40 - 20)));
    });
    expect([...edge, ...random].filter((p) => formatRate(p) !== String(+p.toFixed(6)))).toEqual([]);
    // By hand: trailing zeros and a trailing point go.
    expect([0, 1, 0.25, 0.0000004].map(formatRate)).toEqual(['0', '1', '0.25', '0']);
  });
});

/** ParquetShardWriter on its own: row groups, codecs, preset shapes, bad rows and unreadable files. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { columnsFor, RowShapeError, type ColumnSpec } from '../../src/shards/parquet-columns.js';
import { gzipPortable, parquetCodec, ParquetShardWriter, ROW_GROUP_ROWS } from '../../src/shards/parquet-writer.js';
import { readJsonLines } from '../../src/shards/reader.js';
import { UsageError } from '../../src/core/errors.js';
import { tmpDir } from '../helpers/cli.js';

async function readBack(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const { value } of readJsonLines([file])) out.push(JSON.stringify(value));
  return out;
}

describe('ParquetShardWriter', () => {
  it('cuts row groups of ROW_GROUP_ROWS rows and keeps row order', async () => {
    const file = path.join(tmpDir(), 'a.parquet');
    const cols: ColumnSpec[] = [
      { name: 'n', kind: 'int64' },
      { name: 's', kind: 'string' },
    ];
    const w = new ParquetShardWriter(file, cols, 'UNCOMPRESSED');
    const total = 2 * ROW_GROUP_ROWS + 5000;
    for (let i = 0; i < total; i++) w.write({ n: i * 3, s: `row ${i}` });
    const written = await w.close();
    const bytes = fs.readFileSync(file);
    expect(written.bytes).toBe(bytes.length);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.parquet']);
    const meta = await parquetMetadataAsync(await asyncBufferFromFile(file));
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([10000, 10000, 5000]);
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(file) });
    expect(rows.length).toBe(total);
    expect(rows[12345]).toEqual({ n: 37035n, s: 'row 12345' });
  });

  it('maps --compress to the page codec; gzip pages are portable gzip', async () => {
    expect(['none', 'gzip', 'zstd'].map((c) => parquetCodec(c as 'none'))).toEqual(['UNCOMPRESSED', 'GZIP', 'ZSTD']);
    const text = Buffer.from('the same bytes on every platform '.repeat(50));
    const gz = gzipPortable(text, 3);
    // RFC 1952: magic 1f 8b, deflate (8), no flags, mtime 0, xfl 0, OS 255 (unknown).
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    expect(zlib.gunzipSync(gz).equals(text)).toBe(true);
    expect(gz.length).toBeLessThan(text.length / 5);

    const dir = tmpDir();
    const cols: ColumnSpec[] = [{ name: 's', kind: 'string' }];
    const sizes: number[] = [];
    for (const codec of ['UNCOMPRESSED', 'GZIP'] as const) {
      const w = new ParquetShardWriter(path.join(dir, `${codec}.parquet`), cols, codec, codec === 'GZIP' ? 6 : null);
      for (let i = 0; i < 2000; i++) w.write({ s: `a repetitive line number ${i % 7} of text` });
      sizes.push((await w.close()).bytes);
      const meta = await parquetMetadataAsync(await asyncBufferFromFile(path.join(dir, `${codec}.parquet`)));
      expect(meta.row_groups[0]!.columns[0]!.meta_data!.codec).toBe(codec);
      expect((await readBack(path.join(dir, `${codec}.parquet`)))[9]).toBe('{"s":"a repetitive line number 2 of text"}');
    }
    expect(sizes[1]!).toBeLessThan(sizes[0]!);
  });

  it('writes every preset shape and reads back the same JSON objects', async () => {
    const dir = tmpDir();
    const msgs = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'What is 2 + 2? \u00e9\u{1F600}' },
    ];
    // Rows shaped by hand after the preset definitions in src/shards/presets.ts (key order included).
    const cases: [Parameters<typeof columnsFor>[0], boolean, object[]][] = [
      [
        'verl',
        false,
        [
          {
            data_source: 'verigen/inference.dates@1',
            prompt: msgs,
            ability: 'inference',
            reward_model: { style: 'rule', ground_truth: '{"verifier":"answer"}' },
            extra_info: { split: 'train', index: 9007199254740991, id: 'x/s1/0000000001' },
          },
        ],
      ],
      ['open-instruct', false, [{ id: 'a', messages: msgs, ground_truth: '{}', dataset: 'ifeval' }]],
      ['trl', false, [{ id: 'a', prompt: [], verifier: 'answer', ground_truth: '{"answer":"4"}' }]],
      [
        'ifeval',
        true,
        [
          { key: 3, prompt: 'Write.', instruction_id_list: ['a:b', 'c:d'], kwargs: [{ num_words: 5 }, {}], response: 'Done.' },
          { key: 4, prompt: 'Write.', instruction_id_list: [], kwargs: [] },
        ],
      ],
    ];
    for (const [preset, witness, rows] of cases) {
      const file = path.join(dir, `${preset}.parquet`);
      const w = new ParquetShardWriter(file, columnsFor(preset, witness), 'GZIP', 3);
      for (const r of rows) w.write(r);
      await w.close();
      expect(await readBack(file)).toEqual(rows.map((r) => JSON.stringify(r)));
    }
  });

  it('refuses a row of the wrong shape, naming the column, and leaves no file behind', () => {
    const dir = tmpDir();
    const w = new ParquetShardWriter(path.join(dir, 'bad.parquet'), columnsFor(null, false), 'UNCOMPRESSED');
    const bad = { id: 'x', family: 'inference', generator: 'g', template: 't', seed: '1', index: 1.5, messages: [], verifier: 'answer', ground_truth: {}, answer: null, meta: {} };
    expect(() => w.write(bad)).toThrow(RowShapeError);
    expect(() => w.write({ ...bad, index: 2, messages: [{ role: 'user' }] })).toThrow(/column messages: expected \{role, content\} strings/);
    expect(() => w.write({ ...bad, index: 2, id: null })).toThrow(/column id: expected a value/);
    w.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reading a file that is not Parquet is a usage error naming the file', async () => {
    const file = path.join(tmpDir(), 'train-00000-of-00001.parquet');
    fs.writeFileSync(file, '{"id": "not parquet"}\n');
    await expect(readBack(file)).rejects.toThrow(UsageError);
    await expect(readBack(file)).rejects.toThrow(`${file}: not a readable Parquet file`);
  });
});

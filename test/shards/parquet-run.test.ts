/**
 * `generate --format parquet` end to end: the rows an independent reader (hyparquet, used directly here, not through
 * verigen's reader) finds in the shards are the items of the same run written as JSONL; the bytes do not depend on
 * the worker count; verify, show and resume work on a parquet run; the dataset card points at the parquet files.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import { readJsonLines } from '../../src/shards/reader.js';
import { readManifestJson, runData, tmpDir, verigen } from '../helpers/cli.js';

const ALL = ['--family', 'instruct,inference,selffact,injection,confidence', '--profile', 'llama-3.1-8b-instruct'];
const BASE = ['generate', '--count', '300', '--seed', '7', ...ALL, '--emit-witness', '--shard-size', '120', '--quiet'];

/** Every row of a run's shards, read with hyparquet and decoded by hand (JSON columns parsed, INT64 → number). */
async function independentRows(dir: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const s of readManifestJson(dir).shards as { file: string }[]) {
    const file = await asyncBufferFromFile(path.join(dir, s.file));
    const rows = await parquetReadObjects({ file, compressors: { GZIP: (b: Uint8Array) => zlib.gunzipSync(b) } });
    for (const r of rows) {
      const row: Record<string, unknown> = {
        ...r,
        index: Number(r.index),
        ground_truth: JSON.parse(r.ground_truth),
        meta: JSON.parse(r.meta),
      };
      if (row.witness === null) delete row.witness;
      out.push(row);
    }
  }
  return out;
}

function jsonlRows(dir: string): Record<string, unknown>[] {
  return runData(dir)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

describe('parquet runs', () => {
  let pq: string;
  let jsonl: string;
  beforeAll(() => {
    pq = tmpDir();
    jsonl = tmpDir();
    const a = verigen([...BASE, '--format', 'parquet', '--out', pq, '--workers', '1']);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    expect(verigen([...BASE, '--compress', 'none', '--out', jsonl, '--workers', '1']).status).toBe(0);
  });

  it('holds every item of the same JSONL run, column for column, read by an independent reader', async () => {
    const expected = jsonlRows(jsonl);
    expect(expected.length).toBe(300);
    const families = new Set(expected.map((r) => r.family));
    expect([...families].sort()).toEqual(['confidence', 'inference', 'injection', 'instruct', 'selffact']);
    const rows = await independentRows(pq);
    expect(rows.length).toBe(expected.length);
    for (let i = 0; i < rows.length; i++) expect(rows[i]).toEqual(expected[i]);
    // Some item has a null answer (an instruct item: its target is the witness), so the nullable column is exercised.
    expect(rows.some((r) => r.answer === null)).toBe(true);
  });

  it('verigen reads the shards back as the same JSON text as the JSONL lines', async () => {
    const m = readManifestJson(pq);
    const files = m.shards.map((s: { file: string }) => path.join(pq, s.file));
    const lines: string[] = [];
    for await (const { value } of readJsonLines(files)) lines.push(JSON.stringify(value) + '\n');
    expect(lines.join('')).toBe(runData(jsonl));
  });

  it('has typed columns, GZIP pages, and no clock or version in the file metadata', async () => {
    const m = readManifestJson(pq);
    expect(m.shards.map((s: { file: string }) => s.file)).toEqual([
      'data/train-00000-of-00003.parquet',
      'data/train-00001-of-00003.parquet',
      'data/train-00002-of-00003.parquet',
    ]);
    const meta = await parquetMetadataAsync(await asyncBufferFromFile(path.join(pq, m.shards[0].file)));
    expect(meta.created_by).toBe('verigen');
    expect(meta.key_value_metadata!.map((kv) => kv.key)).toEqual(['verigen.columns']);
    expect(meta.num_rows).toBe(120n);
    const tree = parquetSchema(meta);
    const byName = Object.fromEntries(tree.children.map((c) => [c.element.name, c]));
    expect(tree.children.map((c) => c.element.name)).toEqual(['id', 'family', 'generator', 'template', 'seed', 'index', 'messages', 'verifier', 'ground_truth', 'answer', 'meta', 'witness']);
    expect(byName.index!.element.type).toBe('INT64');
    expect(byName.messages!.element.converted_type).toBe('LIST');
    const element = byName.messages!.children[0]!.children[0]!;
    expect(element.children.map((c) => c.element.name)).toEqual(['role', 'content']);
    expect(byName.answer!.element.repetition_type).toBe('OPTIONAL');
    expect(byName.id!.element.repetition_type).toBe('REQUIRED');
    // The CLI's default --compress is gzip: for parquet that is the GZIP page codec.
    const codecs = new Set(meta.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data!.codec)));
    expect([...codecs]).toEqual(['GZIP']);
  });

  it('is byte-identical for 1, 2 and 8 workers', () => {
    const [b, c] = [tmpDir(), tmpDir()];
    expect(verigen([...BASE, '--format', 'parquet', '--out', b, '--workers', '2']).status).toBe(0);
    expect(verigen([...BASE, '--format', 'parquet', '--out', c, '--workers', '8']).status).toBe(0);
    const files = (d: string) => fs.readdirSync(path.join(d, 'data')).sort();
    expect(files(b)).toEqual(files(pq));
    expect(files(c)).toEqual(files(pq));
    for (const f of files(pq)) {
      const bytes = fs.readFileSync(path.join(pq, 'data', f));
      expect(fs.readFileSync(path.join(b, 'data', f)).equals(bytes)).toBe(true);
      expect(fs.readFileSync(path.join(c, 'data', f)).equals(bytes)).toBe(true);
    }
    expect(readManifestJson(b).shards).toEqual(readManifestJson(pq).shards);
  });

  it('verify gives the same report on the parquet run as on the JSONL run, and show finds an item', () => {
    const dir = tmpDir();
    // The witnesses pass by construction; every third item gets a wrong response so that failures count too.
    const lines = jsonlRows(jsonl).map((r, i) => JSON.stringify({ id: r.id, response: i % 3 === 0 ? 'no' : r.witness }));
    const responses = path.join(dir, 'r.jsonl');
    fs.writeFileSync(responses, lines.join('\n') + '\n');
    const a = verigen(['verify', '--items', pq, '--responses', responses, '--out', path.join(dir, 'a.jsonl'), '--json']);
    const b = verigen(['verify', '--items', jsonl, '--responses', responses, '--out', path.join(dir, 'b.jsonl'), '--json']);
    expect(a.stderr).toBe('');
    const [sa, sb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(sa.items).toBe(300);
    expect(sa.passed).toBeGreaterThanOrEqual(200);
    expect(sa.passed).toBeLessThan(300);
    expect(sa).toEqual(sb);
    expect(fs.readFileSync(path.join(dir, 'a.jsonl'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'b.jsonl'), 'utf8'));

    const shown = verigen(['show', pq, '--index', '250']);
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(jsonlRows(jsonl)[250]);
  });

  it('writes a dataset card whose configs name the parquet shards', () => {
    const card = fs.readFileSync(path.join(pq, 'README.md'), 'utf8');
    expect(card).toContain('  - split: train\n    path: data/train-*.parquet\n');
    expect(card).toContain('--format parquet');
  });

  it('resumes: a missing or damaged shard is rewritten with the same bytes, the others are kept', () => {
    const dir = tmpDir();
    const args = ['generate', '--count', '90', '--seed', '4', '--family', 'inference', '--format', 'parquet', '--shard-size', '30', '--quiet', '--out', dir];
    expect(verigen(args).status).toBe(0);
    const shard = (k: number) => path.join(dir, 'data', `train-0000${k}-of-00003.parquet`);
    const before = [0, 1, 2].map((k) => fs.readFileSync(shard(k)));
    fs.rmSync(shard(0));
    fs.writeFileSync(shard(2), before[2]!.subarray(0, 100));
    const keptTime = fs.statSync(shard(1)).mtimeMs;
    const again = verigen([...args.filter((a) => a !== '--quiet'), '--json']);
    expect(again.status).toBe(0);
    [0, 1, 2].forEach((k) => expect(fs.readFileSync(shard(k)).equals(before[k]!)).toBe(true));
    expect(fs.statSync(shard(1)).mtimeMs).toBe(keptTime);
    expect(readManifestJson(dir).complete).toBe(true);
  });
});

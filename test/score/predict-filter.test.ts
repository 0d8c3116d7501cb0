/** Features, the model folder, predict, the band and the filter (a new run folder, histogram, refusals). */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { answerType, FeatureExtractor } from '../../src/score/features.js';
import { loadModel, Predictor, saveModel } from '../../src/score/predictor.js';
import { predictRun } from '../../src/score/predict.js';
import { filterRun } from '../../src/score/filter.js';
import { bandFromMinMax, DEFAULT_BAND, inBand, parseKeep } from '../../src/score/band.js';
import { histogramSvg, HistogramBuilder } from '../../src/score/histogram.js';
import { CheckFailed, UsageError } from '../../src/core/errors.js';
import { readJsonLines, sourceFiles } from '../../src/shards/reader.js';
import { tmpDir, verigen } from '../helpers/cli.js';

let run: string;
let items: any[];
beforeAll(async () => {
  run = tmpDir();
  expect(verigen(['generate', '--count', '40', '--seed', '4', '--family', 'inference', '--shard-size', '15', '--out', run, '--quiet']).status).toBe(0);
  items = [];
  for await (const { value } of readJsonLines(sourceFiles(run).files)) items.push(value);
});

describe('features', () => {
  it('are deterministic, in range, and tell generators and prompts apart', () => {
    const fx = new FeatureExtractor(1 << 10);
    const n = fx.extract(items[0]);
    const a = Array.from(fx.idx.subarray(0, n));
    expect(a.every((b) => b >= 0 && b < 1 << 10)).toBe(true);
    const again = new FeatureExtractor(1 << 10);
    const m = again.extract(items[0]);
    expect(Array.from(again.idx.subarray(0, m))).toEqual(a);
    const other = new FeatureExtractor(1 << 10);
    const k = other.extract({ ...items[0], generator: 'inference.other@1' });
    expect(Array.from(other.idx.subarray(0, k))).not.toEqual(a);
    expect(k).toBe(n);
  });

  it('never throw on junk', () => {
    const fx = new FeatureExtractor(1 << 8);
    for (const junk of [{}, { messages: 'x' }, { messages: [null, { role: 1, content: '\ud800\u0000' + 'a'.repeat(10000) }] }, { ground_truth: [1], answer: 5 }, { ground_truth: { instruction_id_list: [1, 'a'], kwargs: [null, { x: [1] }] } }]) {
      expect(() => fx.extract(junk)).not.toThrow();
    }
    expect(() => new FeatureExtractor(1000)).toThrow(RangeError);
  });

  it('types answers', () => {
    expect(['42', '-3.5', '2024-02-29', 'Yes', 'Paris', 'TOMWHTE', 'New York', 'one two three four five', null].map(answerType)).toEqual(['integer', 'decimal', 'date', 'yes-no', 'word', 'word', 'phrase', 'sentence', 'none']);
  });
});

/** A tiny hand-made model: bucket of generator feature irrelevant; linear weights on every bucket of one extractor. */
function makeModel(dir: string, hidden: number): Predictor {
  const buckets = 1 << 10;
  const rows = Int32Array.from({ length: 64 }, (_, i) => i * 16);
  const lin = Float32Array.from(rows, (_, i) => Math.sin(i) / 4);
  const w1 = Float32Array.from({ length: 64 * hidden }, (_, i) => Math.cos(i) / 8);
  saveModel(dir, { buckets, hidden, label_model: 'm', k: 8, train_items: 1, seed: '0' }, { rows, lin, bias: -0.2, w1, b1: new Float32Array(hidden).fill(0.1), w2: new Float32Array(hidden).fill(0.5) });
  return loadModel(dir);
}

describe('model folder and predict', () => {
  it('round-trips the weights and predicts what the in-memory model predicts, in the run order', async () => {
    const dir = tmpDir();
    const model = makeModel(path.join(dir, 'm'), 3);
    const out = path.join(dir, 'scores.jsonl');
    const s = await predictRun({ items: run, model: path.join(dir, 'm'), out });
    expect(s.items).toBe(40);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(items.map((it) => it.id));
    lines.forEach((l, i) => expect(l.pass_rate).toBeCloseTo(model.predict(items[i]), 6));
    // By hand: no feature in the vocabulary -> sigmoid(bias + w2 . relu(b1)) = sigmoid(-0.2 + 3 * 0.5 * 0.1).
    expect(model.predictFeatures(Int32Array.from([1]), Float32Array.from([1]), 1)).toBeCloseTo(1 / (1 + Math.exp(0.05)), 6);
  });

  it('refuses a model folder that does not load, naming the file', () => {
    const dir = tmpDir();
    expect(() => loadModel(dir)).toThrow(`--model ${dir}: no model.json there`);
    makeModel(dir, 0);
    const w = path.join(dir, 'weights.bin');
    const bytes = fs.readFileSync(w);
    fs.writeFileSync(w, bytes.subarray(0, bytes.length - 4));
    expect(() => loadModel(dir)).toThrow(`${w}: ${bytes.length - 4} bytes, expected ${bytes.length}`);
    bytes[bytes.length - 1] ^= 1;
    fs.writeFileSync(w, bytes);
    expect(() => loadModel(dir)).toThrow(`${w}: sha256 differs`);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ ...spec, format: 'other' }));
    expect(() => loadModel(dir)).toThrow(/model\.json: format: expected 'verigen-difficulty@1'/);
    fs.writeFileSync(path.join(dir, 'model.json'), '{');
    expect(() => loadModel(dir)).toThrow(/model\.json: not valid JSON/);
  });
});

describe('band', () => {
  it('parses --keep and --min/--max; an empty band is a usage error', () => {
    expect(parseKeep('0<p<1')).toEqual(DEFAULT_BAND);
    expect(parseKeep(' 0.2 <= p <= 0.8 ')).toEqual({ lo: 0.2, hi: 0.8, loInclusive: true, hiInclusive: true });
    expect(parseKeep('p<0.5')).toEqual({ lo: 0, hi: 0.5, loInclusive: true, hiInclusive: false });
    expect(parseKeep('p>=0.1')).toEqual({ lo: 0.1, hi: 1, loInclusive: true, hiInclusive: true });
    expect(parseKeep('0.3<p')).toEqual({ lo: 0.3, hi: 1, loInclusive: false, hiInclusive: true });
    expect(bandFromMinMax(0.25, undefined)).toEqual({ lo: 0.25, hi: 1, loInclusive: true, hiInclusive: true });
    for (const bad of ['0.5<p<0.5', '0.8<p<0.2', '1<p']) expect(() => parseKeep(bad)).toThrow(/the band is empty/);
    expect(() => parseKeep('p<2')).toThrow(UsageError);
    expect(() => parseKeep('banana')).toThrow(/is not a band/);
    expect(() => bandFromMinMax(0.9, 0.1)).toThrow(/the band is empty/);
    expect([0, 0.5, 1].map((p) => inBand(DEFAULT_BAND, p))).toEqual([false, true, false]);
  });

  it('draws both histograms', () => {
    const h = new HistogramBuilder(4);
    for (const [p, kept] of [[0, false], [0.25, true], [0.25, true], [1, false]] as const) h.add(p, kept);
    const r = h.finish();
    expect(r).toEqual({ labels: ['0/4', '1/4', '2/4', '3/4', '4/4'], before: [1, 2, 0, 0, 1], after: [0, 2, 0, 0, 0] });
    const svg = histogramSvg(r, 'a <title>', 'x');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('a &lt;title&gt;');
    expect(svg).toContain('before (4)');
    expect(svg).toContain('after (2)');
  });
});

describe('filter', () => {
  function labelsFile(dir: string): string {
    // n_pass = i % 5 of k = 4: items with i % 5 in {1,2,3} are strictly inside (0, 1); i % 5 = 0 and 4 are not.
    const f = path.join(dir, 'labels.jsonl');
    fs.writeFileSync(f, items.map((it, i) => JSON.stringify({ id: it.id, model: 'm', k: 4, n_pass: i % 5 })).join('\n') + '\n');
    return f;
  }

  it('keeps 0 < p < 1 by default into a new run with the rate on each row, a manifest, a card and a histogram', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'kept');
    const s = await filterRun({ input: run, out, band: DEFAULT_BAND, labels: labelsFile(dir) });
    expect(s).toMatchObject({ items_in: 40, scored: 40, kept: 24, below: 8, above: 8, unscored: 0 });
    const { files, manifest } = sourceFiles(out);
    expect(files.every((f) => f.endsWith('.jsonl.gz'))).toBe(true);
    expect(manifest!.shards.map((r) => r.count)).toEqual([9, 9, 6]); // shards of 15, 15, 10 items, 3/5 kept
    const kept: any[] = [];
    for await (const { value } of readJsonLines(files)) kept.push(value);
    expect(kept.map((k) => k.id)).toEqual(items.filter((_, i) => i % 5 >= 1 && i % 5 <= 3).map((it) => it.id));
    expect(kept[0].meta.difficulty).toEqual({ pass_rate: 0.25, source: 'labels', model: 'm', k: 4, n_pass: 1 });
    expect(fs.readFileSync(path.join(out, 'difficulty.svg'), 'utf8')).toContain('</svg>');
    expect(fs.readFileSync(path.join(out, 'README.md'), 'utf8')).toContain('Kept 24 of 40 items');
    expect(manifest!.stats!.items).toBe(24);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]); // no temp folder left
    // An --out that exists and is not empty is refused; so is --out = --in.
    await expect(filterRun({ input: run, out, band: DEFAULT_BAND, labels: labelsFile(dir) })).rejects.toThrow(/exists and is not empty/);
  });

  it('filters by predicted scores read in step with the run, and refuses scores of another run', async () => {
    const dir = tmpDir();
    makeModel(path.join(dir, 'm'), 0);
    const scores = path.join(dir, 's.jsonl');
    await predictRun({ items: run, model: path.join(dir, 'm'), out: scores });
    const ps = fs.readFileSync(scores, 'utf8').trim().split('\n').map((l) => JSON.parse(l).pass_rate as number);
    const median = [...ps].sort((a, b) => a - b)[20]!;
    const s = await filterRun({ input: run, out: path.join(dir, 'o'), band: { lo: median, hi: 1, loInclusive: true, hiInclusive: true }, scores });
    expect(s.kept).toBe(ps.filter((p) => p >= median).length);
    const first: any[] = [];
    for await (const { value } of readJsonLines(sourceFiles(path.join(dir, 'o')).files)) first.push(value);
    expect(first[0].meta.difficulty.source).toBe('predicted');
    const lines = fs.readFileSync(scores, 'utf8').trim().split('\n');
    [lines[3], lines[4]] = [lines[4]!, lines[3]!];
    fs.writeFileSync(scores, lines.join('\n') + '\n');
    await expect(filterRun({ input: run, out: path.join(dir, 'o2'), band: DEFAULT_BAND, scores })).rejects.toThrow(`${scores}:4: id:`);
    expect(fs.existsSync(path.join(dir, 'o2'))).toBe(false);
  });

  it('writes nothing when no item is in the band (exit 1)', async () => {
    const dir = tmpDir();
    const err = await filterRun({ input: run, out: path.join(dir, 'o'), band: { lo: 0.9, hi: 0.95, loInclusive: true, hiInclusive: true }, labels: labelsFile(dir) }).catch((e) => e);
    expect(err).toBeInstanceOf(CheckFailed);
    expect(fs.readdirSync(dir)).toEqual(['labels.jsonl']);
  });

  it('keeps the input compression', async () => {
    const dir = tmpDir();
    const plain = path.join(dir, 'plain');
    expect(verigen(['generate', '--count', '10', '--seed', '4', '--family', 'inference', '--compress', 'none', '--out', plain, '--quiet']).status).toBe(0);
    const ids: string[] = [];
    for await (const { value } of readJsonLines(sourceFiles(plain).files)) ids.push(value.id as string);
    const f = path.join(dir, 'l.jsonl');
    fs.writeFileSync(f, ids.map((id) => JSON.stringify({ id, model: 'm', k: 2, n_pass: 1 })).join('\n') + '\n');
    await filterRun({ input: plain, out: path.join(dir, 'o'), band: DEFAULT_BAND, labels: f });
    const files = sourceFiles(path.join(dir, 'o')).files;
    expect(files[0]).toMatch(/\.jsonl$/);
    expect(() => zlib.gunzipSync(fs.readFileSync(files[0]!))).toThrow();
  });

  it('scores and filters a Parquet run into a Parquet run; filters a Parquet preset run by labels', async () => {
    const dir = tmpDir();
    makeModel(path.join(dir, 'm'), 0);
    const jsonlScores = path.join(dir, 'j.jsonl');
    await predictRun({ items: run, model: path.join(dir, 'm'), out: jsonlScores });
    const args = ['generate', '--count', '40', '--seed', '4', '--family', 'inference', '--shard-size', '15', '--format', 'parquet', '--quiet'];
    const pq = path.join(dir, 'pq');
    expect(verigen([...args, '--out', pq]).status).toBe(0);
    const scores = path.join(dir, 's.jsonl');
    await predictRun({ items: pq, model: path.join(dir, 'm'), out: scores, workers: 2 });
    // The same items as JSONL score the same: Parquet rows read back as the objects JSONL lines parse to.
    expect(fs.readFileSync(scores, 'utf8')).toBe(fs.readFileSync(jsonlScores, 'utf8'));
    const ps = fs.readFileSync(scores, 'utf8').trim().split('\n').map((l) => JSON.parse(l).pass_rate as number);
    const median = [...ps].sort((a, b) => a - b)[20]!;
    const out = path.join(dir, 'o');
    const s = await filterRun({ input: pq, out, band: { lo: median, hi: 1, loInclusive: true, hiInclusive: true }, scores });
    expect(s.kept).toBe(ps.filter((p) => p >= median).length);
    const readAll = async (folder: string) => {
      const { files, manifest } = sourceFiles(folder);
      expect(files.every((f) => f.endsWith('.parquet'))).toBe(true);
      const rows: any[] = [];
      for await (const { value } of readJsonLines(files)) rows.push(value);
      expect(manifest!.shards.reduce((n, r) => n + r.count, 0)).toBe(rows.length);
      return rows;
    };
    const kept = await readAll(out);
    expect(kept.length).toBe(s.kept);
    expect(kept[0].meta.difficulty.source).toBe('predicted');
    expect(kept[0].meta.difficulty.pass_rate).toBeGreaterThanOrEqual(median);
    // A verl preset run has no meta column: the rate gets a column of its own.
    const verl = path.join(dir, 'verl');
    expect(verigen([...args, '--preset', 'verl', '--out', verl]).status).toBe(0);
    const ids = (await readAll(verl)).map((r) => r.extra_info.id as string);
    const labels = path.join(dir, 'l.jsonl');
    fs.writeFileSync(labels, ids.map((id, i) => JSON.stringify({ id, model: 'm', k: 4, n_pass: i % 5 })).join('\n') + '\n');
    const v = await filterRun({ input: verl, out: path.join(dir, 'ov'), band: DEFAULT_BAND, labels });
    expect(v.kept).toBe(24);
    const vk = await readAll(path.join(dir, 'ov'));
    expect(vk.map((r) => r.extra_info.id)).toEqual(ids.filter((_, i) => i % 5 >= 1 && i % 5 <= 3));
    expect(vk[0].difficulty).toEqual({ pass_rate: 0.25, source: 'labels', model: 'm', k: 4, n_pass: 1 });
  });
});

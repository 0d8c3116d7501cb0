/**
 * `score filter`: keeps the items of a run whose pass rate lies in a band, into a new run folder (shards in the
 * input's format and compression, manifest, dataset card) with the rate on each row and an SVG histogram of the
 * rates before and after. The folder is built under a temp name beside --out and renamed onto it when complete.
 *
 * The rate: from --labels, n_pass / k of one reference model; from --scores, the predictor's pass_rate (the file
 * `score predict` wrote for this run: same items, same order, read in step with the run so memory stays flat).
 * Each row gets `meta.difficulty = {pass_rate, source, ...}`; a preset row without `meta` gets a top-level
 * `difficulty` instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { CheckFailed, UsageError } from '../core/errors.js';
import { conversationText, type Message } from '../core/item.js';
import { datasetCard } from '../shards/card.js';
import { HashSet64 } from '../shards/hashset.js';
import { hashFile, writeManifest, type Manifest } from '../shards/manifest.js';
import { readJsonLines, readLines, sourceFiles } from '../shards/reader.js';
import { mergeStats, promptHash, ShardStatsBuilder } from '../shards/stats.js';
import { ShardWriter, type WrittenShard } from '../shards/writer.js';
import { ParquetShardWriter, parquetCodec } from '../shards/parquet-writer.js';
import { columnsFor } from '../shards/parquet-columns.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import { HistogramBuilder, histogramSvg, type Histogram } from './histogram.js';
import { readLabels } from './labels.js';
import { describeBand, inBand, type Band } from './band.js';

export interface FilterOptions {
  input: string;
  out: string;
  band: Band;
  scores?: string;
  labels?: string;
  /** Which model's labels, when the labels file holds several. */
  model?: string;
  onProgress?: (items: number) => void;
}

export interface FilterSummary {
  out: string;
  band: string;
  items_in: number;
  scored: number;
  /** Items with no label (a labels file covers a sample) or no score: left out. */
  unscored: number;
  kept: number;
  below: number;
  above: number;
  histogram: Histogram;
  seconds: number;
  items_per_second: number;
}

export const HISTOGRAM_FILE = 'difficulty.svg';

/** Reads `{id, pass_rate}` lines in step with the run's items. */
class ScoreCursor {
  private readonly it: AsyncGenerator<{ value: string; file: string; line: number }>;
  constructor(private readonly file: string) {
    this.it = readLines(file);
  }
  async next(id: string): Promise<number> {
    const r = await this.it.next();
    if (r.done) throw new UsageError(`${this.file}: ends before item '${id}' (scores must come from 'verigen score predict' on this run)`);
    const { value: text, line } = r.value;
    let v: { id?: unknown; pass_rate?: unknown };
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${this.file}:${line}: not JSON: ${(e as Error).message}`);
    }
    if (!v || typeof v !== 'object') throw new UsageError(`${this.file}:${line}: expected a JSON object`);
    if (v.id !== id) throw new UsageError(`${this.file}:${line}: id: ${JSON.stringify(v.id)}, but the run's item here is '${id}' (scores must come from 'verigen score predict' on this run)`);
    const p = v.pass_rate;
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new UsageError(`${this.file}:${line}: pass_rate: not a number in [0, 1]`);
    return p;
  }
  async end(): Promise<void> {
    const r = await this.it.next();
    if (!r.done) throw new UsageError(`${this.file}:${r.value.line}: more scores than the run has items`);
  }
}

/** Temp folders of earlier filters into `out` whose process is gone (killed, say): never a finished result. */
function removeStaleTemps(out: string): void {
  const prefix = `.${path.basename(out)}.tmp-`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(out));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isSafeInteger(pid) || pid <= 0) continue;
    let alive = pid !== process.pid;
    if (alive) {
      try {
        process.kill(pid, 0);
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (!alive) fs.rmSync(path.join(path.dirname(out), name), { recursive: true, force: true });
  }
}

function checkOut(input: string, out: string): void {
  if (path.resolve(input) === path.resolve(out)) throw new UsageError('--out must differ from --in');
  if (fs.existsSync(out) && (!fs.statSync(out).isDirectory() || fs.readdirSync(out).length > 0)) {
    throw new UsageError(`--out ${out} exists and is not empty; nothing was changed (choose a new folder)`);
  }
}

export async function filterRun(opts: FilterOptions): Promise<FilterSummary> {
  const t0 = process.hrtime.bigint();
  if ((opts.scores === undefined) === (opts.labels === undefined)) throw new UsageError('give exactly one of --scores FILE and --labels FILE');
  const { files, manifest } = sourceFiles(opts.input);
  if (!manifest) throw new UsageError(`--in ${opts.input}: filter needs a run folder (with manifest.json)`);
  checkOut(opts.input, opts.out);
  const labelled = opts.labels !== undefined ? await readLabels(opts.labels, opts.model) : null;
  const ks = labelled ? new Set([...labelled.labels.values()].map((l) => l.k)) : null;
  const hist = new HistogramBuilder(ks && ks.size === 1 ? [...ks][0]! : null);
  const cursor = opts.scores !== undefined ? new ScoreCursor(opts.scores) : null;
  const out = path.resolve(opts.out);
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.tmp-${process.pid}`);
  removeStaleTemps(out);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, 'data'), { recursive: true });
  const s = { items_in: 0, scored: 0, unscored: 0, kept: 0, below: 0, above: 0 };
  const prompts = new HashSet64(1 << 16);
  const shards: Manifest['shards'] = [];
  try {
    for (let i = 0; i < manifest.shards.length; i++) {
      const rec = manifest.shards[i]!;
      const writer = openRowSink(path.join(tmp, rec.file), manifest.config);
      const stats = new ShardStatsBuilder();
      let count = 0;
      try {
        for await (const { value, file, line } of readJsonLines([files[i]!])) {
          s.items_in++;
          const id = rowId(value);
          if (id === null) throw new UsageError(`${file}:${line}: id: missing (neither id nor extra_info.id)`);
          let p: number;
          let difficulty: Record<string, unknown>;
          if (cursor) {
            p = await cursor.next(id);
            difficulty = { pass_rate: p, source: 'predicted' };
          } else {
            const l = labelled!.labels.get(id);
            if (!l) {
              s.unscored++;
              continue;
            }
            p = l.n_pass / l.k;
            difficulty = { pass_rate: p, source: 'labels', model: l.model, k: l.k, n_pass: l.n_pass };
          }
          s.scored++;
          const keep = inBand(opts.band, p);
          hist.add(p, keep);
          if (!keep) {
            if (p < opts.band.lo || (p === opts.band.lo && !opts.band.loInclusive)) s.below++;
            else s.above++;
            continue;
          }
          const meta = value.meta;
          if (meta && typeof meta === 'object' && !Array.isArray(meta)) (meta as Record<string, unknown>).difficulty = difficulty;
          else value.difficulty = difficulty;
          const pending = writer.write(value);
          if (pending) await pending;
          const text = Array.isArray(value.messages) ? conversationText({ messages: value.messages as Message[] }) : '';
          stats.add(String(value.generator ?? ''), String(value.template ?? ''), text.length);
          prompts.add(promptHash(text));
          count++;
          s.kept++;
          if (s.items_in % 8192 === 0) opts.onProgress?.(s.items_in);
        }
      } catch (e) {
        writer.abort();
        throw e;
      }
      const written = await writer.close();
      shards.push({ shard: rec.shard, file: rec.file, start: rec.start, end: rec.end, count, bytes: written.bytes, sha256: written.sha256, stats: stats.finish() });
    }
    await cursor?.end();
    if (labelled) {
      const idsSeen = s.scored;
      if (idsSeen < labelled.labels.size) {
        throw new UsageError(`${opts.labels}: ${labelled.labels.size - idsSeen} label(s) name no item of ${opts.input}`);
      }
    }
    if (s.kept === 0) throw new CheckFailed(`no item of ${opts.input} has a pass rate in ${describeBand(opts.band)} (${s.scored} scored, ${s.below} below, ${s.above} above); nothing was written`);
    const h = hist.finish();
    const byFile = opts.scores ?? opts.labels!;
    const fileHash = hashFile(byFile)!.sha256;
    const filter = {
      band: describeBand(opts.band),
      by: opts.scores !== undefined ? 'scores' : 'labels',
      file: path.basename(byFile),
      file_sha256: fileHash,
      ...(labelled ? { model: labelled.model } : {}),
      from_fingerprint: manifest.fingerprint,
      items_in: s.items_in,
      kept: s.kept,
      unscored: s.unscored,
      histogram: HISTOGRAM_FILE,
    };
    const m: Manifest & { filter: typeof filter } = {
      ...manifest,
      fingerprint: createHash('sha256').update(JSON.stringify({ from: manifest.fingerprint, filter: { band: filter.band, by: filter.by, file_sha256: fileHash, model: filter.model ?? null } })).digest('hex'),
      complete: true,
      shards,
      stats: mergeStats(shards.map((r) => r.stats), s.kept, prompts.count),
      filter,
    };
    const what = filter.by === 'labels' ? `pass@${[...ks!].join('/')} labels of \`${labelled!.model}\`` : 'predicted pass rates';
    writeFileAtomicSync(path.join(tmp, HISTOGRAM_FILE), histogramSvg(h, `Pass rates (${what}): before and after ${filter.band}`, filter.by === 'labels' ? 'n_pass / k' : 'predicted pass rate'));
    const card =
      datasetCard(m) +
      `\n## Difficulty filter\n\nKept ${s.kept} of ${s.items_in} items of run \`${manifest.fingerprint.slice(0, 12)}\` whose pass rate (${what}, from \`${filter.file}\`) lies in ${filter.band}` +
      `${s.unscored ? `; ${s.unscored} items without a label were left out` : ''}. Each row carries its rate in \`meta.difficulty\`.\n\n![pass rates before and after](${HISTOGRAM_FILE})\n`;
    writeFileAtomicSync(path.join(tmp, 'README.md'), card);
    writeManifest(path.join(tmp, 'manifest.json'), m);
    if (fs.existsSync(out)) fs.rmdirSync(out); // empty (checked above): rename needs the name free
    fs.renameSync(tmp, out);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return { out: opts.out, band: filter.band, ...s, histogram: h, seconds, items_per_second: seconds > 0 ? s.items_in / seconds : 0 };
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Where kept rows go: a shard of the input's format, compression and columns (plus the rate, for preset rows). */
function openRowSink(file: string, config: Manifest['config']): { write(row: object): Promise<void> | void; close(): Promise<WrittenShard>; abort(): void } {
  if (config.format === 'parquet') {
    const columns = columnsFor(config.preset, config.emit_witness);
    // Item rows carry the rate in meta (a JSON column); preset rows have no meta and get a column of their own.
    if (!columns.some((c) => c.name === 'meta')) columns.push({ name: 'difficulty', kind: 'json' });
    return new ParquetShardWriter(file, columns, parquetCodec(config.compress), config.compress_level);
  }
  const w = new ShardWriter(file, config.compress, config.compress_level);
  return { write: (row) => w.write(JSON.stringify(row)), close: () => w.close(), abort: () => w.abort() };
}

/** The id of an item row or of a preset row (verl keeps it in extra_info). */
function rowId(v: Record<string, unknown>): string | null {
  if (typeof v.id === 'string') return v.id;
  const extra = v.extra_info as { id?: unknown } | undefined;
  if (extra && typeof extra.id === 'string') return extra.id;
  return null;
}

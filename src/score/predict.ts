/**
 * `score predict`: the predicted pass rate of every item of a run, one `{"id", "pass_rate"}` line per item in the
 * run's order. With several workers each scores whole shard files into part files, joined in order at the end; the
 * output is written under a temp name and renamed onto --out when complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../core/errors.js';
import { tempPath, writeAllSync } from '../shards/atomic.js';
import { eachLine } from '../shards/lines.js';
import { loadModel, type Predictor } from './predictor.js';

export interface PredictOptions {
  items: string;
  model: string;
  out: string;
  /** Worker threads, one shard file each at a time (default 1: this thread). */
  workers?: number;
  onProgress?: (items: number) => void;
}

export interface PredictSummary {
  items: number;
  out: string;
  mean_pass_rate: number;
  seconds: number;
  items_per_second: number;
}

/**
 * A rate as written to the scores file: `String(+p.toFixed(6))`, the rate rounded to 6 decimals in its shortest
 * form. For p in [0, 1] that is toFixed's text without trailing zeros (and without a trailing point): a decimal of at
 * most 7 significant digits is the shortest text of the double nearest to it. Cutting the zeros skips a parse and a
 * shortest-digits print per item; anything outside [0, 1] (NaN) takes the long way.
 */
export function formatRate(p: number): string {
  if (!(p >= 0 && p <= 1)) return String(+p.toFixed(6));
  const s = p.toFixed(6);
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Scores one file of items into `fd`; returns the count and the sum of predictions. */
export async function scoreFile(predictor: Predictor, file: string, fd: number): Promise<{ n: number; sum: number }> {
  let n = 0;
  let sum = 0;
  let chunk: string[] = [];
  const score = (value: Record<string, unknown>, line: number) => {
    if (typeof value?.id !== 'string') throw new UsageError(`${file}:${line}: id: missing or not a string`);
    const p = predictor.predict(value);
    sum += p;
    chunk.push(`{"id":${JSON.stringify(value.id)},"pass_rate":${formatRate(p)}}`);
    if (++n % 8192 === 0) {
      writeAllSync(fd, Buffer.from(chunk.join('\n') + '\n', 'utf8'));
      chunk = [];
    }
  };
  if (file.endsWith('.parquet')) {
    // Loaded only for Parquet runs: JSONL workers need neither hyparquet nor the manifest schema.
    const { readParquetRows } = await import('../shards/parquet-reader.js');
    for await (const { value, line } of readParquetRows(file)) score(value, line);
  } else {
    await eachLine(file, (text, line) => {
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new UsageError(`${file}:${line}: not JSON: ${(e as Error).message}`);
      }
      score(value, line);
    });
  }
  if (chunk.length > 0) writeAllSync(fd, Buffer.from(chunk.join('\n') + '\n', 'utf8'));
  return { n, sum };
}

function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  // Under ts-jest-style runs the sources are .ts; workers need the built JavaScript.
  if (here.endsWith('.ts')) return here.replace(/([\\/])src([\\/]score[\\/])predict\.ts$/, '$1dist$2predict-worker.js');
  return path.join(path.dirname(here), 'predict-worker.js');
}

/** Scores files on worker threads into part files (file i → parts[i]); returns the counts and sums. */
function scoreOnWorkers(model: string, files: readonly string[], parts: readonly string[], workers: number): Promise<{ n: number; sum: number }> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = 0;
    let n = 0;
    let sum = 0;
    let failed = false;
    const threads: Worker[] = [];
    const feed = (w: Worker) => {
      if (failed) return;
      if (next >= files.length) {
        void w.terminate();
        if (--running === 0) resolve({ n, sum });
        return;
      }
      const i = next++;
      w.postMessage({ model, file: files[i], out: parts[i] });
    };
    for (let t = 0; t < Math.min(workers, files.length); t++) {
      const w = new Worker(workerScript());
      threads.push(w);
      running++;
      w.on('message', (msg: { n?: number; sum?: number; error?: string; usage?: boolean }) => {
        if (msg.error !== undefined) {
          failed = true;
          threads.forEach((x) => void x.terminate());
          reject(msg.usage ? new UsageError(msg.error) : new Error(msg.error));
          return;
        }
        n += msg.n!;
        sum += msg.sum!;
        feed(w);
      });
      w.on('error', (e) => {
        if (failed) return;
        failed = true;
        threads.forEach((x) => void x.terminate());
        reject(e);
      });
      feed(w);
    }
  });
}

/**
 * Scores every item of a run: one `{"id", "pass_rate"}` line per item, in the run's order, written to a temp file
 * and renamed onto --out when complete.
 */
export async function predictRun(opts: PredictOptions): Promise<PredictSummary> {
  const predictor = loadModel(opts.model);
  // Imported here, not at the top: the workers load this module for scoreFile, and the run reader brings the
  // manifest schema (ajv) and the Parquet reader, about 0.15 s of CPU per worker that they never use.
  const { sourceFiles } = await import('../shards/reader.js');
  const { files } = sourceFiles(opts.items);
  const workers = Math.max(1, Math.min(opts.workers ?? 1, files.length));
  const t0 = process.hrtime.bigint();
  const tmp = tempPath(opts.out);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'w');
  } catch (e) {
    throw new UsageError(`--out ${opts.out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parts = files.map((_, i) => `${tmp}.part${i}`);
  let n = 0;
  let sum = 0;
  try {
    if (workers === 1) {
      for (const file of files) {
        const r = await scoreFile(predictor, file, fd);
        n += r.n;
        sum += r.sum;
        opts.onProgress?.(n);
      }
    } else {
      ({ n, sum } = await scoreOnWorkers(opts.model, files, parts, workers));
      for (const part of parts) {
        writeAllSync(fd, fs.readFileSync(part));
        fs.rmSync(part);
      }
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, opts.out);
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      // closed already
    }
    fs.rmSync(tmp, { force: true });
    for (const part of parts) fs.rmSync(part, { force: true });
    throw e;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { items: n, out: opts.out, mean_pass_rate: n === 0 ? 0 : sum / n, seconds, items_per_second: seconds > 0 ? n / seconds : 0 };
}


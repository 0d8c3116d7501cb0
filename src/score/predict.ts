/**
 * `score predict`: the predicted pass rate of every item of a run, one `{"id", "pass_rate"}` line per item in the
 * run's order. With several workers each scores whole shard files into part files, joined in order at the end; the
 * output is written under a temp name and renamed onto --out when complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import { UsageError } from '../core/errors.js';
import { tempPath, writeAllSync } from '../shards/atomic.js';
import { sourceFiles } from '../shards/reader.js';
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
 * Scores every item of a run: one `{"id", "pass_rate"}` line per item, in the run's order, written to a temp file
 * and renamed onto --out when complete.
 */
/** Scores one file of items into `fd`; returns the count and the sum of predictions. */
export async function scoreFile(predictor: Predictor, file: string, fd: number): Promise<{ n: number; sum: number }> {
  let n = 0;
  let sum = 0;
  let chunk: string[] = [];
  await eachLine(file, (text, line) => {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${file}:${line}: not JSON: ${(e as Error).message}`);
    }
    if (typeof value?.id !== 'string') throw new UsageError(`${file}:${line}: id: missing or not a string`);
    const p = predictor.predict(value);
    sum += p;
    chunk.push(`{"id":${JSON.stringify(value.id)},"pass_rate":${+p.toFixed(6)}}`);
    if (++n % 8192 === 0) {
      writeAllSync(fd, Buffer.from(chunk.join('\n') + '\n', 'utf8'));
      chunk = [];
    }
  });
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

export async function predictRun(opts: PredictOptions): Promise<PredictSummary> {
  const predictor = loadModel(opts.model);
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

/**
 * Calls `fn` on each non-blank line of a (gzip, zstd or plain) JSONL file, synchronously within each decompressed
 * chunk (no promise per line).
 */
export function eachLine(file: string, fn: (text: string, line: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    const stream: NodeJS.ReadableStream = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip({ chunkSize: 1 << 20 })) : file.endsWith('.zst') ? raw.pipe(zstdDecompress(file)) : raw;
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let line = 0;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      raw.destroy();
      reject(e instanceof UsageError ? e : new UsageError(`${file}:${line + 1}: cannot read: ${(e as Error).message}`));
    };
    const take = (text: string, last: boolean) => {
      const parts = (rest + text).split('\n');
      rest = last ? '' : parts.pop()!;
      for (const p of parts) {
        line++;
        const t = p.endsWith('\r') ? p.slice(0, -1) : p;
        if (t.trim() !== '') fn(t, line);
      }
    };
    raw.on('error', fail);
    stream.on('error', fail);
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        take(decoder.write(chunk), false);
      } catch (e) {
        fail(e);
      }
    });
    stream.on('end', () => {
      if (failed) return;
      try {
        take(decoder.end(), true);
        resolve();
      } catch (e) {
        fail(e);
      }
    });
  });
}

function zstdDecompress(file: string): NodeJS.ReadWriteStream {
  const z = zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream };
  if (!z.createZstdDecompress) throw new UsageError(`${file}: reading zstd needs Node.js >= 22.15`);
  return z.createZstdDecompress();
}

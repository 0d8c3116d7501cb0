/**
 * Runs shard tasks on worker threads (or in this thread for one worker). Each shard is a pure function of the
 * config, so the bytes do not depend on how many workers there are or which one took which shard.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { ShardTaskError } from '../core/errors.js';
import { runShardTask, type ShardRecord, type ShardTask } from './shard-task.js';

export interface PoolCallbacks {
  onProgress(items: number): void;
  /** Called in completion order; may throw to stop the run. */
  onDone(task: ShardTask, record: ShardRecord | null): void;
}

/** The compiled worker script. Under ts tests the module is src/run/pool.ts, whose worker is built in dist/. */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return here.replace(/([\\/])src([\\/]run[\\/])pool\.ts$/, '$1dist$2worker.js');
  return here.replace(/pool\.js$/, 'worker.js');
}

export async function runPool(tasks: readonly ShardTask[], workers: number, cb: PoolCallbacks): Promise<void> {
  if (tasks.length === 0) return;
  if (workers <= 1) {
    for (const t of tasks) cb.onDone(t, await runShardTask(t, cb.onProgress));
    return;
  }
  const queue = tasks.slice();
  const threads: Worker[] = [];
  await new Promise<void>((resolve, reject) => {
    let active = 0;
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of threads) void w.terminate();
      reject(e);
    };
    const feed = (w: Worker) => {
      const next = queue.shift();
      if (!next) {
        (w as Worker & { task?: ShardTask }).task = undefined;
        void w.terminate();
        if (--active === 0 && !failed) resolve();
        return;
      }
      (w as Worker & { task?: ShardTask }).task = next;
      w.postMessage(next);
    };
    const n = Math.min(workers, tasks.length);
    for (let i = 0; i < n; i++) {
      const w = new Worker(workerScript());
      threads.push(w);
      active++;
      w.on('message', (msg: { type: string; items?: number; record?: ShardRecord | null; message?: string; code?: string }) => {
        if (failed) return;
        if (msg.type === 'progress') cb.onProgress(msg.items!);
        else if (msg.type === 'done') {
          try {
            cb.onDone((w as Worker & { task?: ShardTask }).task!, msg.record ?? null);
          } catch (e) {
            fail(e as Error);
            return;
          }
          feed(w);
        } else if (msg.type === 'error') fail(new ShardTaskError(msg.message ?? 'worker failed', msg.code));
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && !failed && (w as Worker & { task?: ShardTask }).task) fail(new Error(`worker exited with code ${code}`));
      });
      feed(w);
    }
  });
}

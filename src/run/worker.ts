/** A worker thread of the pool: runs shard tasks it is sent, reports progress, results and errors. */
import { parentPort } from 'node:worker_threads';
import { runShardTask, type ShardTask } from './shard-task.js';

if (!parentPort) throw new Error('run/worker.js must be started as a worker thread');
const port = parentPort;

port.on('message', (task: ShardTask) => {
  runShardTask(task, (items) => port.postMessage({ type: 'progress', items })).then(
    (record) => port.postMessage({ type: 'done', record }),
    (e: unknown) => {
      const err = e as NodeJS.ErrnoException;
      port.postMessage({ type: 'error', message: err?.message ?? String(e), code: err?.code, name: err?.name });
    },
  );
});

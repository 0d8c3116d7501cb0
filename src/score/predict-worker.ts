/** A worker of `score predict`: scores whole files of items into part files, one message per file. */
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { UsageError } from '../core/errors.js';
import { scoreFile } from './predict.js';
import { loadModel, type Predictor } from './predictor.js';

let predictor: Predictor | null = null;
let modelDir = '';

parentPort!.on('message', async (task: { model: string; file: string; out: string }) => {
  try {
    if (!predictor || modelDir !== task.model) {
      predictor = loadModel(task.model);
      modelDir = task.model;
    }
    const fd = fs.openSync(task.out, 'w');
    try {
      parentPort!.postMessage(await scoreFile(predictor, task.file, fd));
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).message, usage: e instanceof UsageError });
  }
});

// The scorer's part of `npm run bench`: forward, train-step and decode throughput of the embedded reference model on
// every backend that loads here (default config), and items/s of `score predict` and `score filter` on a generated run
// (a predictor fitted on labels from perturbed canonical answers). A benchmark, not a test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { probeBackends, useBackend } from '../dist/score/backend.js';
import { modelSpeed } from '../dist/score/model/bench.js';
import { DEFAULT_CONFIG, parameterCount } from '../dist/score/model/config.js';
import { generate } from '../dist/run/generate.js';
import { readJsonLines, sourceFiles } from '../dist/shards/reader.js';
import { predictRun } from '../dist/score/predict.js';
import { filterRun } from '../dist/score/filter.js';
import { fitPredictor } from '../dist/score/fit.js';

const fmt = (x) => Math.round(x).toLocaleString('en-US');

export async function printScore({ items = 200000 } = {}) {
  console.log(`\nreference model (default config, ${fmt(parameterCount(DEFAULT_CONFIG))} parameters), tokens/s per backend:`);
  for (const p of await probeBackends()) {
    if (!p.available) {
      console.log(`  ${p.name.padEnd(15)} not available: ${p.reason}`);
      continue;
    }
    await useBackend(p.name);
    const s = await modelSpeed(DEFAULT_CONFIG, 4, p.name === 'cpu' ? 1 : 3);
    console.log(`  ${p.name.padEnd(15)} forward ${fmt(s.forward_tokens_per_s).padStart(7)}   train step ${fmt(s.train_tokens_per_s).padStart(7)}   decode ${fmt(s.decode_bytes_per_s).padStart(7)} bytes/s`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-bench-score-'));
  try {
    const run = path.join(dir, 'run');
    await generate({ out: run, count: items, seed: 'bench-score', family: ['inference'], workers: 2, shardSize: 50000 });
    // Labels: every sixth item, k = 2, the canonical answer and (one time in three) a wrong one.
    const labels = [];
    let i = 0;
    for await (const { value } of readJsonLines(sourceFiles(run).files)) {
      // (i / 6) % 3: every third labelled item; i % 3 after the increment was always 1, so every label was 2 of 2.
      if (i % 6 === 0) labels.push(JSON.stringify({ id: value.id, model: 'bench', k: 2, n_pass: (i / 6) % 3 === 0 ? 1 : 2 }));
      i++;
    }
    fs.writeFileSync(path.join(dir, 'labels.jsonl'), labels.join('\n') + '\n');
    await fitPredictor({ items: run, labels: path.join(dir, 'labels.jsonl'), out: path.join(dir, 'model'), holdout: 0.2, seed: 'bench' });
    for (const workers of [1, 2]) {
      const r = await predictRun({ items: run, model: path.join(dir, 'model'), out: path.join(dir, `scores-${workers}.jsonl`), workers });
      console.log(`score predict, ${fmt(items)} items, ${workers} worker(s): ${fmt(r.items_per_second)} items/s (target 50,000)`);
    }
    const f = await filterRun({ input: run, out: path.join(dir, 'filtered'), band: { lo: 0, hi: 1, loInclusive: true, hiInclusive: false }, scores: path.join(dir, 'scores-1.jsonl') });
    console.log(`score filter, ${fmt(items)} items in, ${fmt(f.kept)} kept: ${fmt(f.items_per_second)} items/s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await printScore({ items: Number(process.argv[2] ?? 200000) });

// Trains the embedded reference model, generated/models/verigen-ref/, from scratch and reproducibly (same weights on
// the same backend), then measures its pass@1 per generator on held-out items. Run after `npm run build`:
//   node scripts/train-ref.js [--backend wasm] [--steps N]
// What it does, in order:
//   1. generates the training run: self-fact items about the model itself (profiles/verigen-ref.json) and inference
//      items at difficulty 1 (40% and 60%: inference answers are short, so they need more items), seed 1;
//   2. trains the default config (src/score/model/config.ts DEFAULT_CONFIG) on them, checkpointing under tmp/ (rerun
//      to resume after an interruption);
//   3. copies config.json, weights.json, weights.bin and training.json into generated/models/verigen-ref/;
//   4. generates held-out items (seed 2) and writes eval.json and README.md (command, data config, steps, time, loss,
//      pass@1 per generator).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBackend } from '../dist/score/backend.js';
import { DEFAULT_CONFIG, parameterCount } from '../dist/score/model/config.js';
import { readPairs } from '../dist/score/model/data.js';
import { evaluate } from '../dist/score/model/eval.js';
import { train } from '../dist/score/model/train.js';
import { loadReferenceModel } from '../dist/score/ref.js';
import { readManifest } from '../dist/shards/manifest.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

export const RECIPE = {
  data: { count: 8000, seed: '1', mix: 'selffact=0.4,inference=0.6', difficulty: 1, profile: 'profiles/verigen-ref.json' },
  heldOut: { count: Number(arg('heldout', '400')), seed: '2' },
  train: { steps: Number(arg('steps', '1400')), batch: 4, lr: 3e-3, seed: '1' },
  eval: { k: 1, temperature: 0, maxNewBytes: 96, seed: '0' },
};

const work = path.join(root, 'tmp', 'verigen-ref');
const out = path.join(root, 'generated', 'models', 'verigen-ref');

function generate(dir, count, seed) {
  const d = RECIPE.data;
  if (fs.existsSync(path.join(dir, 'manifest.json')) && readManifest(path.join(dir, 'manifest.json')).complete) return;
  const args = ['generate', '--count', String(count), '--seed', seed, '--mix', d.mix, '--difficulty', String(d.difficulty), '--profile', d.profile, '--out', dir, '--quiet'];
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), ...args], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const backend = await useBackend(arg('backend', 'wasm'));
console.error(backend.notice);
// Named by what makes them, so that a changed recipe never reuses another recipe's items.
const trainRun = path.join(work, `train-items-${RECIPE.data.count}-${RECIPE.data.seed}-${RECIPE.data.mix}`);
const heldRun = path.join(work, `heldout-items-${RECIPE.heldOut.count}-${RECIPE.heldOut.seed}-${RECIPE.data.mix}`);
generate(trainRun, RECIPE.data.count, RECIPE.data.seed);
generate(heldRun, RECIPE.heldOut.count, RECIPE.heldOut.seed);

const pairs = await readPairs(trainRun);
const manifest = readManifest(path.join(trainRun, 'manifest.json'));
const ckpt = path.join(work, 'checkpoint');
const result = await train({
  pairs,
  out: ckpt,
  config: DEFAULT_CONFIG,
  ...RECIPE.train,
  checkpointEvery: 100,
  log: (line) => console.error(line),
  provenance: { script: 'scripts/train-ref.js', run_config: manifest.config, run_fingerprint: manifest.fingerprint },
});
fs.mkdirSync(out, { recursive: true });
for (const f of ['config.json', 'weights.json', 'weights.bin', 'training.json']) fs.copyFileSync(path.join(ckpt, f), path.join(out, f));
const log = JSON.parse(fs.readFileSync(path.join(out, 'training.json'), 'utf8'));

const model = await loadReferenceModel(out);
const ev = await evaluate({ items: heldRun, model, ...RECIPE.eval, log: (line) => console.error(line) });
model.dispose();
fs.writeFileSync(path.join(out, 'eval.json'), JSON.stringify(ev, null, 2) + '\n');

const c = DEFAULT_CONFIG;
const mb = (fs.statSync(path.join(out, 'weights.bin')).size / 1e6).toFixed(2);
const rows = ev.by_generator.map((g) => `| ${g.generator} | ${g.verifier} | ${g.items} | ${g.pass_at_1.toFixed(3)} |`).join('\n');
const readme = `# verigen-ref: the embedded reference model

A causal byte-level transformer (src/score/model): ${c.layers} pre-norm blocks, d_model ${c.d_model}, ${c.heads} heads,
d_ff ${c.d_ff}, ReLU MLP, learned absolute positions, context ${c.context} bytes, vocabulary ${c.vocab_size} (256 bytes +
BOS, SEP, EOS), ${c.tied_head ? 'output head tied to the token embedding' : 'separate output head'}: **${parameterCount(c)} parameters**
(${mb} MB of float32 in weights.bin). Its own facts are in profiles/verigen-ref.json, so selffact items about it exist.

Load it with \`loadReferenceModel()\` (src/score/ref.ts); \`verigen ref eval --items RUN\` measures it.

## How it was made

    npm run build && node scripts/train-ref.js --backend ${backend.name} --steps ${RECIPE.train.steps}

- training data: ${RECIPE.data.count} items, \`verigen generate --count ${RECIPE.data.count} --seed ${RECIPE.data.seed} --mix ${RECIPE.data.mix} --difficulty ${RECIPE.data.difficulty} --profile ${RECIPE.data.profile}\`
  (${pairs.length} items with an answer or witness; run fingerprint ${manifest.fingerprint}); the run config:

\`\`\`json
${JSON.stringify(manifest.config, null, 2)}
\`\`\`

- training: ${result.steps} steps of ${RECIPE.train.batch} rows x ${c.context} bytes (examples packed back to back),
  seed ${RECIPE.train.seed}, Adam (beta2 0.99, clip 1) at peak lr ${RECIPE.train.lr}, warm-up then cosine decay; loss on
  the answer bytes only. Backend ${log.backend}: ${result.seconds.toFixed(0)} s wall (${Math.round(result.tokensPerSecond)} tokens/s on a shared
  2-core machine), final loss ${result.finalLoss.toFixed(4)} nats per answer byte.

## pass@1 on held-out items (seed ${RECIPE.heldOut.seed}, ${ev.items} items, greedy, max ${RECIPE.eval.maxNewBytes} new bytes)

Overall ${ev.pass_at_1.toFixed(3)}.

| generator | verifier | items | pass@1 |
| --- | --- | --- | --- |
${rows}
`;
fs.writeFileSync(path.join(out, 'README.md'), readme);
console.error(`wrote ${out}`);

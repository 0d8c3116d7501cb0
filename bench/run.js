// npm run bench [-- --count N --big M --family F --dedupe --repeat R]
// A benchmark, not a test: prints items/s of `generate` beside a floor measured in the same run, and peak RSS; then the
// one-thread rates of bench/micro.js and the scorer's (bench/score.js: reference model tokens/s per backend, predict
// and filter items/s).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const count = Number(flag('count', '1000000'));
const big = flag('big') ? Number(flag('big')) : null;
const family = flag('family', 'inference').split(',');
const withDedupe = argv.includes('--dedupe');
// This VM's speed drifts by 10-20% over minutes, so one run of each configuration can land a target on either side of
// its line. --repeat R runs R rounds, each configuration once per round in the same order and the floor at the end of
// each round, and reports the median round (ratios against the same round's floor) with the range.
const repeat = Number(flag('repeat', '1'));
if (!Number.isSafeInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive integer, got ${flag('repeat')}`);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-bench-'));

function run(label, opts) {
  const out = path.join(scratch, label.replace(/\W+/g, '-'));
  fs.rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [path.join(here, 'child.js'), JSON.stringify({ out, seed: 'bench', family, shardSize: 100000, ...opts })], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
  const res = JSON.parse(r.stdout.trim().split('\n').pop());
  return { label, out, ...res, itemsPerS: res.items / res.seconds };
}

/** The first 20,000 items of a shard, the lines the floor writes over and over. */
async function readSample(sampleFile) {
  const sample = [];
  const rl = readline.createInterface({ input: fs.createReadStream(sampleFile), crlfDelay: Infinity });
  for await (const line of rl) {
    sample.push(JSON.parse(line));
    if (sample.length === 20000) break;
  }
  rl.close();
  return sample;
}

/** The floor: JSON.stringify and a plain write of the same number of lines of the same sizes, in one process. */
function floor(sample, n) {
  const file = path.join(scratch, 'floor.jsonl');
  const fd = fs.openSync(file, 'w');
  const t0 = process.hrtime.bigint();
  let buf = [];
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const s = JSON.stringify(sample[i % sample.length]);
    buf.push(s);
    chars += s.length + 1;
    if (chars >= 1 << 20) {
      fs.writeSync(fd, buf.join('\n') + '\n');
      buf = [];
      chars = 0;
    }
  }
  if (buf.length) fs.writeSync(fd, buf.join('\n') + '\n');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, itemsPerS: n / seconds };
}

const fmt = (x) => Math.round(x).toLocaleString('en-US');
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`verigen bench: ${fmt(count)} items of ${family.join(',')} on ${os.cpus().length} CPU(s), Node ${process.version}${repeat > 1 ? `, ${repeat} rounds` : ''}\n`);
const configs = [
  ['1 worker, plain', { count, workers: 1, compress: 'none' }],
  ['2 workers, plain', { count, workers: 2, compress: 'none' }],
  ['1 worker, gzip', { count, workers: 1, compress: 'gzip' }],
  ['2 workers, gzip', { count, workers: 2, compress: 'gzip' }],
];
/** rounds[k]: round k's floor (lines/s) and its runs, one per configuration in order. */
const rounds = [];
let sample = null;
for (let k = 0; k < repeat; k++) {
  const runs = configs.map(([label, opts]) => run(label, opts));
  sample ??= await readSample(path.join(runs[0].out, 'data', fs.readdirSync(path.join(runs[0].out, 'data')).sort()[0]));
  const f = floor(sample, count);
  rounds.push({ floor: f.itemsPerS, runs });
  if (repeat > 1) console.log(`round ${k + 1}: floor ${fmt(f.itemsPerS)} lines/s; ${runs.map((r) => `${r.label} ${fmt(r.itemsPerS)}`).join(', ')}`);
}
const floors = rounds.map((round) => round.floor);
console.log(`${repeat > 1 ? '\n' : ''}floor (JSON.stringify + plain write, 1 process): ${fmt(median(floors))} lines/s${repeat > 1 ? ` (median; range ${fmt(Math.min(...floors))}-${fmt(Math.max(...floors))})` : ''}`);
console.log('');
console.log(`run                      items/s   vs floor   peak RSS MiB   bytes/item${repeat > 1 ? '   items/s range' : ''}`);
const summary = configs.map(([label], c) => {
  const rs = rounds.map((round) => round.runs[c]);
  const rates = rs.map((r) => r.itemsPerS);
  return { label, itemsPerS: median(rates), ratio: median(rounds.map((round) => round.floor / round.runs[c].itemsPerS)), min: Math.min(...rates), max: Math.max(...rates), maxRssMiB: Math.max(...rs.map((r) => r.maxRssMiB)), bytesPerItem: rs[0].bytes / rs[0].items };
});
for (const r of summary) {
  const range = repeat > 1 ? `   ${fmt(r.min)}-${fmt(r.max)}` : '';
  console.log(`${r.label.padEnd(22)} ${fmt(r.itemsPerS).padStart(9)}   ${r.ratio.toFixed(2).padStart(6)}x   ${r.maxRssMiB.toFixed(0).padStart(12)}   ${r.bytesPerItem.toFixed(0).padStart(10)}${range}`);
}
const plain2 = summary[1];
const gzip2 = summary[3];
const what = repeat > 1 ? ' (median round)' : '';
console.log('');
console.log(`target: 2 workers gzip >= 30,000 items/s${what}: ${fmt(gzip2.itemsPerS)} ${gzip2.itemsPerS >= 30000 ? 'MET' : 'MISSED'}`);
console.log(`target: 2 workers plain within 3x of the floor${what}: ${plain2.ratio.toFixed(2)}x ${plain2.ratio <= 3 ? 'MET' : 'MISSED'}`);
if (withDedupe) {
  const d = run('2 workers, gzip, dedupe', { count, workers: 2, compress: 'gzip', dedupe: true });
  console.log(`dedupe: ${fmt(d.itemsPerS)} items/s, peak RSS ${d.maxRssMiB.toFixed(0)} MiB (+${(d.maxRssMiB - gzip2.maxRssMiB).toFixed(0)} MiB, ${((d.maxRssMiB - gzip2.maxRssMiB) / (count / 1e6)).toFixed(1)} MiB per million items)`);
}
if (big) {
  const b = run(`2 workers, gzip, ${big}`, { count: big, workers: 2, compress: 'gzip' });
  console.log(`memory: ${fmt(big)} items peak RSS ${b.maxRssMiB.toFixed(0)} MiB vs ${fmt(count)} items ${gzip2.maxRssMiB.toFixed(0)} MiB (${fmt(b.itemsPerS)} items/s)`);
}
fs.rmSync(scratch, { recursive: true, force: true });
(await import("./micro.js")).printMicro();
await (await import('./score.js')).printScore();

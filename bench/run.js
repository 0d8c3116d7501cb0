// npm run bench [-- --count N --big M --family F --dedupe]
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
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-bench-'));

function run(label, opts) {
  const out = path.join(scratch, label.replace(/\W+/g, '-'));
  const r = spawnSync(process.execPath, [path.join(here, 'child.js'), JSON.stringify({ out, seed: 'bench', family, shardSize: 100000, ...opts })], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
  const res = JSON.parse(r.stdout.trim().split('\n').pop());
  return { label, out, ...res, itemsPerS: res.items / res.seconds };
}

/** The floor: JSON.stringify and a plain write of the same number of lines of the same sizes, in one process. */
async function floor(sampleFile, n) {
  const sample = [];
  const rl = readline.createInterface({ input: fs.createReadStream(sampleFile), crlfDelay: Infinity });
  for await (const line of rl) {
    sample.push(JSON.parse(line));
    if (sample.length === 20000) break;
  }
  rl.close();
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
console.log(`verigen bench: ${fmt(count)} items of ${family.join(',')} on ${os.cpus().length} CPU(s), Node ${process.version}\n`);
const runs = [
  run('1 worker, plain', { count, workers: 1, compress: 'none' }),
  run('2 workers, plain', { count, workers: 2, compress: 'none' }),
  run('1 worker, gzip', { count, workers: 1, compress: 'gzip' }),
  run('2 workers, gzip', { count, workers: 2, compress: 'gzip' }),
];
const sampleShard = path.join(runs[0].out, 'data', fs.readdirSync(path.join(runs[0].out, 'data')).sort()[0]);
const f = await floor(sampleShard, count);
console.log(`floor (JSON.stringify + plain write, 1 process): ${fmt(f.itemsPerS)} items/s`);
console.log('');
console.log('run                      items/s   vs floor   peak RSS MiB   bytes/item');
for (const r of runs) {
  console.log(`${r.label.padEnd(22)} ${fmt(r.itemsPerS).padStart(9)}   ${(f.itemsPerS / r.itemsPerS).toFixed(2).padStart(6)}x   ${r.maxRssMiB.toFixed(0).padStart(12)}   ${(r.bytes / r.items).toFixed(0).padStart(10)}`);
}
const plain2 = runs[1];
const gzip2 = runs[3];
console.log('');
console.log(`target: 2 workers gzip >= 30,000 items/s: ${fmt(gzip2.itemsPerS)} ${gzip2.itemsPerS >= 30000 ? 'MET' : 'MISSED'}`);
console.log(`target: 2 workers plain within 3x of the floor: ${(f.itemsPerS / plain2.itemsPerS).toFixed(2)}x ${f.itemsPerS / plain2.itemsPerS <= 3 ? 'MET' : 'MISSED'}`);
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

// One measured generate run in its own process, so that peak RSS is this run's alone. Prints one JSON line.
import { generate } from '../dist/run/generate.js';

const opts = JSON.parse(process.argv[2]);
const t0 = process.hrtime.bigint();
const r = await generate(opts);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const items = r.manifest.shards.reduce((s, x) => s + x.count, 0);
const bytes = r.manifest.shards.reduce((s, x) => s + x.bytes, 0);
process.stdout.write(JSON.stringify({ seconds, items, bytes, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');

// One family's generation rate in a fresh process (items/s, JSON included), so that no other family's code has
// shaped the JIT's type feedback first: a real run generates its mix in its own process too. Prints one JSON line.
import { buildRunConfig } from '../dist/run/config.js';
import { ItemFactory } from '../dist/core/factory.js';

const [family, n = '20000'] = process.argv.slice(2);
const count = Number(n);
const f = new ItemFactory(buildRunConfig({ count, seed: 'bench', family: [family], profile: 'llama-3.1-8b-instruct' }));
for (let i = 0; i < 2000; i++) f.make(i); // warm up
let best = Infinity;
for (let r = 0; r < 3; r++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i++) JSON.stringify(f.make(i));
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
}
process.stdout.write(JSON.stringify({ family, itemsPerSecond: count / best }) + '\n');

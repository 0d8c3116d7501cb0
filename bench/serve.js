// A benchmark, not a test: verifications/s of POST /verify (batches of 256, checks=none) beside the same verifications
// called in-process, which is the floor the HTTP layer adds to. `node bench/serve.js [--count N] [--batch B]`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyItem } from '../dist/verify/dispatch.js';
import { ItemFactory } from '../dist/core/factory.js';
import { buildRunConfig } from '../dist/run/config.js';

const argv = process.argv.slice(2);
const flag = (name, dflt) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : dflt);
const count = flag('count', 20000);
const batchSize = flag('batch', 256);
const f = new ItemFactory(buildRunConfig({ count, seed: 'bench-serve', family: ['inference', 'instruct', 'selffact', 'injection'], profile: 'llama-3.1-8b-instruct', emitWitness: true }));
const entries = Array.from({ length: count }, (_, i) => {
  const item = f.make(i);
  return { verifier: item.verifier, ground_truth: item.ground_truth, response: item.witness };
});

let t0 = process.hrtime.bigint();
for (const e of entries) verifyItem(e, e.response);
const inProcess = count / (Number(process.hrtime.bigint() - t0) / 1e9);

// The server in its own process, as a trainer would run it: the client's JSON work is not the server's.
const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
const child = spawn(process.execPath, [main, 'serve', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(JSON.parse(d.toString()).listening)));
const bodies = [];
for (let i = 0; i < count; i += batchSize) bodies.push(JSON.stringify(entries.slice(i, i + batchSize)));
await fetch(`${url}/verify?checks=none`, { method: 'POST', body: bodies[0] }); // warm up
t0 = process.hrtime.bigint();
let passed = 0;
for (const body of bodies) {
  const r = await (await fetch(`${url}/verify?checks=none`, { method: 'POST', body })).json();
  passed += r.passed;
}
const overHttp = count / (Number(process.hrtime.bigint() - t0) / 1e9);
child.kill('SIGTERM');
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log(`verify server, ${count} witnesses of the default mix, batches of ${batchSize} (one client process, sequential requests):`);
console.log(`  in-process   ${fmt(inProcess).padStart(9)} verifications/s (floor)`);
console.log(`  POST /verify ${fmt(overHttp).padStart(9)} verifications/s = ${(overHttp / inProcess).toFixed(2)}x the floor; ${passed}/${count} passed`);

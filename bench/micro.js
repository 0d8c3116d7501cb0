// One-thread rates, each beside a baseline measured in the same run: generation per family (each family in its own
// process, beside the inference family), IFEval verification of the GPT-4 set (beside the reference's ~400
// responses/s), the purity gate (sentences/s). Prints a table; `npm run bench` calls it after the run benchmarks.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registeredFamilies } from '../dist/core/registry.js';
import { verifyItem } from '../dist/verify/dispatch.js';
import { checkPurity } from '../dist/purity/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fmt = (x) => Math.round(x).toLocaleString('en-US');

/** Best of `rounds` timings of fn over n calls, as calls per second. */
function rate(n, fn, rounds = 3) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return n / best;
}

/** Items/s per family, each in its own process (bench/family-rate.js), best of 3 rounds after a warm-up. */
export function familyRates(n = 20000) {
  const out = {};
  for (const family of registeredFamilies()) {
    const r = spawnSync(process.execPath, [path.join(root, 'bench', 'family-rate.js'), family, String(n)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench/family-rate.js ${family} failed: ${r.stderr}`);
    out[family] = JSON.parse(r.stdout).itemsPerSecond;
  }
  return out;
}

export function ifevalRates() {
  const dir = path.resolve(root, '..', 'shared', 'conformance', 'ifeval');
  const file = path.join(dir, 'reference_verdicts_gpt4.jsonl');
  if (!fs.existsSync(file)) return null;
  const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const one = (ids) =>
    rows.flatMap((r) =>
      r.instruction_id_list
        .map((id, k) => [id, k])
        .filter(([id]) => ids === null || ids.includes(id))
        .map(([id, k]) => ({ gt: { instruction_id_list: [id], kwargs: [r.kwargs[k]] }, response: r.response })),
    );
  const all = rows.map((r) => ({ gt: { instruction_id_list: r.instruction_id_list, kwargs: r.kwargs }, response: r.response }));
  const verifyAll = (xs) => (i) => verifyItem({ verifier: 'ifeval', ground_truth: xs[i].gt }, xs[i].response);
  // One response per instruction id first: the language model (about 0.8 s) and the punkt data load on first use.
  const firstOf = new Map();
  for (const x of all) for (const id of x.gt.instruction_id_list) if (!firstOf.has(id)) firstOf.set(id, x);
  for (const x of new Set(firstOf.values())) verifyItem({ verifier: 'ifeval', ground_truth: x.gt }, x.response);
  // Cold: the first pass over the set with its data loaded, JIT warm-up included.
  const result = { cold: rate(all.length, verifyAll(all), 1) };
  // The verifiers keep small caches of recent work (punkt contexts, Treebank sentences) that repeated rounds over the
  // same texts reuse, and the JIT needs a few thousand calls to settle. Warm the code on copies of the set with every
  // ASCII letter shifted by one to twelve places (about 6,500 calls; fewer leave the JIT still settling), so that no timed pass below meets a cache entry it made itself.
  const shift = (s, k) => s.replace(/[a-zA-Z]/g, (c) => { const b = c < 'a' ? 65 : 97; return String.fromCharCode(b + ((c.charCodeAt(0) - b + k) % 26)); });
  for (let k = 1; k <= 12; k++) {
    const copy = all.map((x) => ({ gt: x.gt, response: shift(x.response, k) }));
    const verifyCopy = verifyAll(copy);
    for (let i = 0; i < copy.length; i++) verifyCopy(i);
  }
  // First sight: warm code, texts new to the caches; the honest rate for a large corpus of distinct responses.
  result.firstSight = rate(all.length, verifyAll(all), 1);
  // Repeated rounds over the same 541 texts (caches help here).
  result.all = rate(all.length, verifyAll(all), 5);
  for (const id of ['language:response_language', 'change_case:english_capital', 'change_case:english_lowercase']) {
    const xs = one([id]);
    result[id] = { checks: xs.length, perS: rate(xs.length, verifyAll(xs), 5) };
  }
  return result;
}

export function purityRate() {
  const lines = fs
    .readFileSync(path.join(root, 'test', 'purity', 'corpus.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t')[2]);
  return rate(lines.length * 50, (i) => checkPurity(lines[i % lines.length]), 5);
}

export function printMicro() {
  const fam = familyRates();
  console.log('\ngeneration in one thread (JSON included), items/s, beside the inference family:');
  for (const [f, r] of Object.entries(fam)) console.log(`  ${f.padEnd(12)} ${fmt(r).padStart(9)}   ${(r / fam.inference).toFixed(2)}x inference`);
  const ie = ifevalRates();
  if (ie) {
    console.log(`\nIFEval GPT-4 set (541 responses, all instructions, strict+loose), beside the reference's ~400 responses/s:`);
    console.log(`  first sight (warm code, texts new to the caches) ${fmt(ie.firstSight).padStart(8)} responses/s = ${(ie.firstSight / 400).toFixed(0)}x`);
    console.log(`  repeated rounds over the same texts              ${fmt(ie.all).padStart(8)} responses/s = ${(ie.all / 400).toFixed(0)}x`);
    console.log(`  cold (the first pass, JIT warm-up included)      ${fmt(ie.cold).padStart(8)} responses/s = ${(ie.cold / 400).toFixed(0)}x`);
    for (const id of ['language:response_language', 'change_case:english_capital', 'change_case:english_lowercase']) console.log(`  ${id.padEnd(32)} ${fmt(ie[id].perS).padStart(8)} checks/s (${ie[id].checks} checks)`);
  } else console.log('\nIFEval: ../shared/conformance/ifeval not found; skipped');
  console.log(`\npurity gate: ${fmt(purityRate())} sentences/s (target 200,000)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printMicro();

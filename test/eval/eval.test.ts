import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { bootstrap, quantile } from '../../src/eval/bootstrap.js';
import { signalMetrics } from '../../src/eval/metrics.js';
import { reliabilitySvg } from '../../src/eval/reliability-svg.js';
import { tmpDir, verigen } from '../helpers/cli.js';

describe('bootstrap intervals', () => {
  it('interpolates quantiles between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
  });

  it('matches the normal approximation for the mean of a known Bernoulli sample', () => {
    // 600 ones in 2,000: the mean is 0.3 with standard error sqrt(0.3 * 0.7 / 2000) = 0.010247, so the 95% interval
    // is about 0.3 -/+ 1.96 * 0.010247 = [0.2799, 0.3201].
    const n = 2000;
    const x = new Float64Array(n);
    for (let i = 0; i < 600; i++) x[i * 3 + 1] = 1;
    const mean = (idx: Uint32Array) => {
      let s = 0;
      for (let i = 0; i < idx.length; i++) s += x[idx[i]!]!;
      return s / idx.length;
    };
    const ci = bootstrap(n, mean, { resamples: 1500, seed: 'bern' })!;
    expect(ci.lo).toBeGreaterThan(0.2799 - 0.004);
    expect(ci.lo).toBeLessThan(0.2799 + 0.004);
    expect(ci.hi).toBeGreaterThan(0.3201 - 0.004);
    expect(ci.hi).toBeLessThan(0.3201 + 0.004);
    expect(ci.resamples).toBe(1500);
    // Seeded: the same call gives the same interval.
    expect(bootstrap(n, mean, { resamples: 1500, seed: 'bern' })).toEqual(ci);
  });

  it('gives no interval when most resamples have no value', () => {
    expect(bootstrap(10, () => null, { resamples: 100, seed: 's' })).toBeNull();
    expect(bootstrap(0, () => 1, { resamples: 100, seed: 's' })).toBeNull();
  });
});

describe('signal metrics (worked by hand)', () => {
  it('AUROC counts a tie as half; ECE and Brier over 10 bins', () => {
    // Positives score 0.9 and 0.5, negatives 0.5 and 0.1: of the 4 pairs, 3 are won and 1 tied: 3.5 / 4 = 0.875.
    // Brier: (0.1^2 + 0.5^2 + 0.5^2 + 0.1^2) / 4 = 0.13. ECE: bins 9 (0.9 vs 1) and 1 (0.1 vs 0) are off by 0.1,
    // each holding a quarter of the samples; bin 5 (0.5 vs 0.5) is exact: 0.025 + 0.025 = 0.05.
    const m = signalMetrics([1, 1, 0, 0], [0.9, 0.5, 0.5, 0.1], { resamples: 200, seed: 'x' });
    expect(m.auroc.value).toBeCloseTo(0.875, 12);
    expect(m.brier.value).toBeCloseTo(0.13, 12);
    expect(m.ece.value).toBeCloseTo(0.05, 12);
    expect(m.auroc.ci95!.lo).toBeLessThanOrEqual(0.875);
    expect(m.auroc.ci95!.hi).toBeGreaterThanOrEqual(0.875);
  });

  it('has no AUROC when every answer is right, or every answer wrong, and says why', () => {
    const allRight = signalMetrics([1, 1, 1], [0.2, 0.9, 0.5], { resamples: 50, seed: 'x' });
    expect(allRight.auroc).toEqual({ value: null, ci95: null, note: 'all 3 answers with a confidence are correct: AUROC needs at least one wrong answer' });
    // Brier of a constant truth is still defined: (0.8^2 + 0.1^2 + 0.5^2) / 3 = 0.3.
    expect(allRight.brier.value).toBeCloseTo(0.3, 12);
    const allWrong = signalMetrics([0, 0], [0.2, 0.9], { resamples: 50, seed: 'x' });
    expect(allWrong.auroc.value).toBeNull();
    expect(allWrong.auroc.note).toMatch(/all 2 answers with a confidence are wrong/);
  });

  it('draws the reliability diagram as standalone SVG', () => {
    const m = signalMetrics([1, 0, 1, 1], [0.9, 0.2, 0.7, 0.75], { resamples: 10, seed: 'x' });
    const svg = reliabilitySvg(m.bins, 'T <1>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('T &lt;1&gt;');
    expect(svg.match(/<circle /g)).toHaveLength(3); // bins 2, 7 and 9 hold samples
  });
});

/** Items of a confidence run, with their witnesses. */
function confidenceRun(dir: string, count: number): { id: string; witness: string }[] {
  const r = verigen(['generate', '--count', String(count), '--family', 'confidence', '--seed', '4', '--out', dir, '--emit-witness', '--compress', 'none', '--quiet', '--workers', '1']);
  expect(r.status).toBe(0);
  const data = path.join(dir, 'data');
  return fs
    .readdirSync(data)
    .sort()
    .flatMap((f) => {
      const buf = fs.readFileSync(path.join(data, f));
      return (f.endsWith('.gz') ? zlib.gunzipSync(buf).toString() : buf.toString()).trim().split('\n');
    })
    .map((l) => JSON.parse(l) as { id: string; witness: string });
}

const stripTag = (w: string) => w.replace(/\n<confidence>1<\/confidence>$/, '');

describe('verigen eval and compare', () => {
  it('reports accuracy, AUROC, ECE and Brier of stated confidences, and compares two reports', () => {
    const dir = tmpDir();
    const items = confidenceRun(path.join(dir, 'run'), 40);
    // Even items answered right, odd ones with an empty answer (wrong for every verifier).
    const write = (file: string, conf: (right: boolean) => number) =>
      fs.writeFileSync(file, items.map((it, i) => JSON.stringify({ id: it.id, response: `${i % 2 === 0 ? stripTag(it.witness) : ''}\n<confidence>${conf(i % 2 === 0)}</confidence>` })).join('\n') + '\n');
    write(path.join(dir, 'good.jsonl'), (right) => (right ? 0.9 : 0.2));
    write(path.join(dir, 'bad.jsonl'), (right) => (right ? 0.2 : 0.9));
    const good = verigen(['eval', '--items', path.join(dir, 'run'), '--responses', path.join(dir, 'good.jsonl'), '--out', path.join(dir, 'A'), '--bootstrap', '200', '--json']);
    expect(good.status).toBe(0);
    const a = JSON.parse(good.stdout);
    expect(a.accuracy.value).toBe(0.5);
    expect(a.confidence.metrics.auroc.value).toBe(1);
    // Brier: every answer is off by 0.1 (0.9 right) or 0.2 (0.2 wrong): (0.01 + 0.04) / 2 = 0.025.
    expect(a.confidence.metrics.brier.value).toBeCloseTo(0.025, 12);
    for (const f of ['eval.json', 'eval.md', 'reliability.svg', 'per-item.jsonl']) expect(fs.existsSync(path.join(dir, 'A', f))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'A', 'per-item.jsonl'), 'utf8').trim().split('\n')).toHaveLength(40);
    expect(fs.readFileSync(path.join(dir, 'A', 'eval.md'), 'utf8')).toMatch(/\| AUROC \(confidence vs correct\) \| 1\.000 \|/);

    expect(verigen(['eval', '--items', path.join(dir, 'run'), '--responses', path.join(dir, 'bad.jsonl'), '--out', path.join(dir, 'B'), '--bootstrap', '200', '--quiet']).status).toBe(0);
    const cmp = verigen(['compare', path.join(dir, 'A'), path.join(dir, 'B', 'eval.json'), '--bootstrap', '200', '--json']);
    expect(cmp.status).toBe(0);
    const c = JSON.parse(cmp.stdout);
    expect(c.paired).toBe(40);
    const auroc = c.changes.find((m: { metric: string }) => m.metric === 'auroc');
    expect([auroc.a, auroc.b, auroc.delta]).toEqual([1, 0, -1]);
    expect(auroc.excludes_zero).toBe(true);
    const acc = c.changes.find((m: { metric: string }) => m.metric === 'accuracy');
    expect([acc.delta, acc.excludes_zero]).toEqual([0, false]);

    // Nothing is overwritten.
    const again = verigen(['eval', '--items', path.join(dir, 'run'), '--responses', path.join(dir, 'good.jsonl'), '--out', path.join(dir, 'A')]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/eval\.json exists/);
  });

  it('takes confidence from a named field or from token log-probabilities, and names a bad value', () => {
    const dir = tmpDir();
    expect(verigen(['generate', '--count', '20', '--family', 'inference', '--seed', '2', '--out', path.join(dir, 'run'), '--compress', 'none', '--quiet', '--workers', '1']).status).toBe(0);
    const data = path.join(dir, 'run', 'data');
    const items = fs
      .readdirSync(data)
      .flatMap((f) => fs.readFileSync(path.join(data, f), 'utf8').trim().split('\n'))
      .map((l) => JSON.parse(l) as { id: string; answer: string });
    const lines = items.map((it, i) => ({ id: it.id, response: i < 10 ? it.answer : 'no idea', p: i < 10 ? 0.8 : 0.3, lp: i < 10 ? [-0.1, -0.3] : -2 }));
    fs.writeFileSync(path.join(dir, 'r.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const byField = JSON.parse(verigen(['eval', '--items', path.join(dir, 'run'), '--responses', path.join(dir, 'r.jsonl'), '--out', path.join(dir, 'F'), '--confidence', 'field:p', '--bootstrap', '50', '--json']).stdout);
    expect(byField.confidence.metrics.auroc.value).toBe(1);
    const byLogprob = JSON.parse(verigen(['eval', '--items', path.join(dir, 'run'), '--responses', path.join(dir, 'r.jsonl'), '--out', path.join(dir, 'L'), '--confidence', 'logprob:lp', '--bootstrap', '50', '--json']).stdout);
    expect(byLogprob.confidence.metrics.auroc.value).toBe(1);
    // exp(mean(-0.1, -0.3)) = exp(-0.2) = 0.818731 for the right answers; exp(-2) = 0.135335 for the wrong ones.
    const perItem = fs.readFileSync(path.join(dir, 'L', 'per-item.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(perItem.find((r: { pass: boolean }) => r.pass).confidence).toBeCloseTo(0.818731, 6);
    expect(perItem.find((r: { pass: boolean }) => !r.pass).confidence).toBeCloseTo(0.135335, 6);

    lines[3]!.p = 1.7;
    fs.writeFileSync(path.join(dir, 'bad.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const bad = verigen(['eval', '--items', path.join(dir, 'run'), '--responses', path.join(dir, 'bad.jsonl'), '--out', path.join(dir, 'X'), '--confidence', 'field:p']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.jsonl:4: p: must be a probability from 0 to 1, got 1\.7/);
    expect(verigen(['eval', '--items', path.join(dir, 'run'), '--responses', path.join(dir, 'r.jsonl'), '--out', path.join(dir, 'Y'), '--confidence', 'vibes']).stderr).toMatch(/--confidence must be tag, field:NAME or logprob:NAME/);
  });
});

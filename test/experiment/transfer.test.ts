import fs from 'node:fs';
import path from 'node:path';
import { transferExperiment, CAVEAT } from '../../src/experiment/transfer.js';
import { tmpDir } from '../helpers/cli.js';

describe('experiment transfer (tiny config, a few steps)', () => {
  it('trains both arms, answers the same held-out items, and compares their AUROC with a paired interval', async () => {
    const out = path.join(tmpDir(), 'exp');
    const r = await transferExperiment({ out, steps: 12, config: 'tiny', trainItems: 40, heldOut: 24, backend: 'wasm', resamples: 50, maxNewBytes: 12 });
    expect(r.arms.map((a) => a.name)).toEqual(['A', 'B']);
    expect(r.arms[1].trained_on).toMatch(/self-fact items about the model/);
    for (const a of r.arms) {
      expect(a.signal.n).toBe(24);
      // A model this small may get every answer wrong: then AUROC is undefined, and the report says why.
      if (a.signal.auroc.value === null) expect(a.signal.auroc.note).toMatch(/AUROC needs/);
      else expect(a.signal.auroc.value).toBeGreaterThanOrEqual(0);
    }
    expect(r.comparison.paired).toBe(24);
    expect(r.comparison.changes.map((c) => c.metric)).toEqual(['accuracy', 'auroc', 'ece', 'brier']);
    const md = fs.readFileSync(path.join(out, 'transfer.md'), 'utf8');
    expect(md).toContain(CAVEAT);
    for (const f of ['transfer.json', 'A/per-item.jsonl', 'B/per-item.jsonl', 'model-A/config.json', 'model-B/config.json']) expect(fs.existsSync(path.join(out, f))).toBe(true);
    // Per-item confidences are probabilities read from the model, one per held-out item.
    const rows = fs.readFileSync(path.join(out, 'A', 'per-item.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(24);
    for (const row of rows) expect(row.confidence).toBeGreaterThan(0);
  }, 300000);
});

/**
 * generated/sample/ is a committed run. Regenerating it must give the same bytes: any change to generated output
 * shows up here and is made deliberately (`npm run sample`, then review the diff).
 */
import fs from 'node:fs';
import path from 'node:path';
import { GENERATORS } from '../../src/core/registry.js';
import { ROOT, snapshot, tmpDir, verigen } from '../helpers/cli.js';

const SAMPLE = path.join(ROOT, 'generated', 'sample');
const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'sample-args.json'), 'utf8')) as { perGenerator: number; args: string[] };

/** The manifest without `tool.node`: the Node.js version is provenance, not output. */
function manifestSansNode(dir: string): unknown {
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  delete m.tool.node;
  return m;
}

describe('golden sample', () => {
  it('regenerates byte for byte', () => {
    const out = tmpDir();
    const count = String(spec.perGenerator * GENERATORS.length);
    const r = verigen(['generate', '--count', count, '--out', out, ...spec.args]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const want = snapshot(SAMPLE);
    const got = snapshot(out);
    want.delete('manifest.json');
    got.delete('manifest.json');
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [file, bytes] of want) {
      if (got.get(file) !== bytes) throw new Error(`${file} differs from generated/sample/${file}: run 'npm run sample' if the change is deliberate`);
    }
    expect(manifestSansNode(out)).toEqual(manifestSansNode(SAMPLE));
  });

  it('covers every registered generator', () => {
    const m = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'manifest.json'), 'utf8'));
    expect(Object.keys(m.stats.generators).sort()).toEqual(m.generators.slice().sort());
    expect(m.generators.length).toBe(GENERATORS.length);
  });
});

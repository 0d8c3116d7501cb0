/**
 * The README's library examples, run as written: each ```js block of its "## Library" section becomes a module inside
 * the package (so that `import ... from 'verigen'` resolves to this package by its own name) and must exit 0.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Library'), readme.indexOf('\n## ', readme.indexOf('## Library') + 1));
const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README library examples', () => {
  it('has examples that use the four entry points', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const all = blocks.join('\n');
    for (const name of ['generate', 'readRun', 'verify', 'checkPurity']) expect(all).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))('example %i runs', (i, code) => {
    const dir = path.join(ROOT, '.readme-examples');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `example-${i}.mjs`);
    fs.writeFileSync(file, code);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

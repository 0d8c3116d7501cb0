/**
 * `npx verigen` runs dist/cli/main.js itself, so the build must leave it executable: tsc writes new files without
 * the executable bit, which a fresh clone (README: `npm ci && npx verigen generate ...`) would otherwise trip on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers/cli.js';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('the bin named in package.json is built executable, with a node shebang, and runs directly', () => {
  const bin = path.join(ROOT, pkg.bin.verigen);
  expect(fs.statSync(bin).mode & 0o111).toBe(0o111);
  expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe(pkg.version);
});

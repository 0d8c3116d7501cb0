// Rewrites generated/sample/ from scripts/sample-args.json (a deliberate, reviewable change of generated output).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATORS } from '../dist/core/registry.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const spec = JSON.parse(fs.readFileSync(path.join(root, 'scripts/sample-args.json'), 'utf8'));
const out = path.join(root, 'generated/sample');
fs.rmSync(out, { recursive: true, force: true });
const count = String(spec.perGenerator * GENERATORS.length);
const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), 'generate', '--count', count, '--out', out, ...spec.args], { stdio: 'inherit' });
process.exit(r.status ?? 1);

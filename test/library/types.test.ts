/**
 * The shipped declarations (dist/index.d.ts) type a consumer's code: ground truths narrow by verifier, and a wrong
 * field is a compile error. Compiled with the project's TypeScript, resolving 'verigen' by the package's own name.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';

const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function typecheck(name: string, code: string): { status: number | null; out: string } {
  const dir = path.join(ROOT, '.readme-examples');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.mts`);
  fs.writeFileSync(file, code);
  const r = spawnSync(process.execPath, [TSC, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', file], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('the library declarations', () => {
  it('type a consumer: items narrow by verifier, verify takes one item or a batch', () => {
    const r = typecheck(
      'consumer-ok',
      `import { readRun, verify, checkPurity, generate, type TypedItem, type Verdict, type EntryResult } from 'verigen';
export async function f(dir: string): Promise<number> {
  await generate({ count: 10, out: dir });
  let n = 0;
  for await (const item of readRun(dir)) {
    if (item.verifier === 'answer') n += verify(item, item.ground_truth.answer).pass ? 1 : 0;
    if (item.verifier === 'ifeval') n += item.ground_truth.instruction_id_list.length;
  }
  const one: Verdict = verify({ verifier: 'answer', ground_truth: { answer: '1', type: 'number' } }, '1');
  const many: EntryResult[] = verify([{ verifier: 'answer', ground_truth: '{"answer":"1","type":"number"}', response: '1' }]);
  const t: TypedItem | null = null;
  return n + one.score + many[0]!.reward + checkPurity('x').length + (t ? 1 : 0);
}
`,
    );
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  }, 60000);

  it('reject a field the verifier does not have', () => {
    const r = typecheck(
      'consumer-bad',
      `import { readRun } from 'verigen';
export async function f(dir: string): Promise<string> {
  for await (const item of readRun(dir)) if (item.verifier === 'ifeval') return item.ground_truth.answer;
  return '';
}
`,
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/Property 'answer' does not exist/);
  }, 60000);
});

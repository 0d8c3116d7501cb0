/** `verigen audit` on a real run: a clean run passes every check; each kind of tampering fails the check it should, naming the item. */
import fs from 'node:fs';
import path from 'node:path';
import { audit, type AuditReport } from '../../src/audit/audit.js';
import { checkPurity } from '../../src/purity/index.js';
import { copyRun, editManifest, makeRun, readShardLines, rewriteShard, shardPath } from './helpers.js';

function check(r: AuditReport, name: string) {
  const c = r.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no check ${name}`);
  return c;
}

function failedNames(r: AuditReport): string[] {
  return r.checks.filter((c) => c.status === 'fail').map((c) => c.name);
}

/** The first line of shard 1 whose item has a string answer and an `answer` verifier (an inference item). */
function answerLine(run: string): { k: number; item: any } {
  const lines = readShardLines(run, 1);
  for (let k = 0; k < lines.length; k++) {
    const item = JSON.parse(lines[k]!);
    if (item.verifier === 'answer' && typeof item.answer === 'string' && item.ground_truth.answer === item.answer) return { k, item };
  }
  throw new Error('no answer item in shard 1');
}

describe('audit of a run', () => {
  let run: string;
  beforeAll(() => {
    // 150 items of every default family in three plain shards: small enough to regenerate every item.
    run = makeRun(['--count', '150', '--seed', '5', '--shard-size', '50', '--compress', 'none']);
  });

  it('passes every check on a clean run, regenerating every item', async () => {
    const r = await audit({ source: run });
    expect(JSON.parse(fs.readFileSync(path.join(run, 'manifest.json'), 'utf8')).stats.duplicate_prompts).toBe(0);
    expect(failedNames(r)).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.rows).toBe(150);
    for (const c of r.checks) expect(c.status).toBe('pass');
    expect(check(r, 'regenerate').checked).toBe(150);
    expect(check(r, 'witness').checked).toBe(150);
    expect(check(r, 'non-vacuous').checked).toBe(150);
    expect(check(r, 'sha256').checked).toBe(3);
    expect(check(r, 'ids').counts).toEqual({ distinct: 150, duplicates: 0 });
  });

  it('regenerates only the sample it is asked for, plus each shard\'s first and last item', async () => {
    const r = await audit({ source: run, sample: 10 });
    // 10 drawn + at most 6 shard ends (fewer when a drawn index is a shard end).
    const n = check(r, 'regenerate').checked;
    expect(n).toBeGreaterThanOrEqual(10);
    expect(n).toBeLessThanOrEqual(16);
    expect(check(r, 'schema').checked).toBe(150);
  });

  it('a flipped byte in a shard fails sha256 and the byte compare, naming the shard and the item', async () => {
    const copy = copyRun(run);
    const lines = readShardLines(copy, 2);
    const item = JSON.parse(lines[3]!);
    // Flip the case of one letter of the prompt: still valid JSON, a different byte.
    const at = lines[3]!.indexOf('"content":"') + 12;
    const ch = lines[3]![at]!;
    const flipped = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
    expect(flipped).not.toBe(ch);
    lines[3] = lines[3]!.slice(0, at) + flipped + lines[3]!.slice(at + 1);
    rewriteShard(copy, 2, lines, false);
    const r = await audit({ source: copy });
    expect(r.passed).toBe(false);
    expect(check(r, 'sha256').offenders.map((o) => o.id)).toEqual([path.relative(copy, shardPath(copy, 2))]);
    expect(check(r, 'regenerate').offenders.map((o) => o.id)).toEqual([item.id]);
    expect(check(r, 'regenerate').offenders[0]!.detail).toMatch(/'messages'/);
  });

  it('an edited ground truth fails the byte compare and the verifier, even with the manifest hash fixed', async () => {
    const copy = copyRun(run);
    const lines = readShardLines(copy, 1);
    const { k, item } = answerLine(copy);
    item.ground_truth.answer = `${item.answer}9`;
    lines[k] = JSON.stringify(item);
    rewriteShard(copy, 1, lines);
    const r = await audit({ source: copy });
    expect(failedNames(r)).toEqual(expect.arrayContaining(['regenerate', 'verifier']));
    expect(check(r, 'sha256').status).toBe('pass');
    expect(check(r, 'regenerate').offenders.map((o) => o.id)).toEqual([item.id]);
    expect(check(r, 'regenerate').offenders[0]!.detail).toMatch(/'ground_truth'/);
    expect(check(r, 'verifier').offenders.map((o) => o.id)).toEqual([item.id]);
  });

  it('a duplicated line fails ids and coordinates, naming the item', async () => {
    const copy = copyRun(run);
    const lines = readShardLines(copy, 0);
    const id = JSON.parse(lines[7]!).id;
    lines.splice(8, 0, lines[7]!);
    rewriteShard(copy, 0, lines);
    const r = await audit({ source: copy });
    expect(check(r, 'ids').failed).toBe(1);
    expect(check(r, 'ids').offenders[0]!.id).toContain(id);
    expect(check(r, 'coordinates').offenders.map((o) => o.id)).toContain(id);
    // The copy repeats a prompt, which the manifest's stats (0 duplicates in this run) do not count.
    const dup = check(r, 'duplicate-prompts');
    expect(dup.counts).toEqual({ distinct: 150, duplicates: 1 });
    expect(dup.offenders.map((o) => o.id)).toEqual([path.join(copy, 'manifest.json'), id]);
    // The byte compare of the copy itself passes: it is the same item, stored twice.
    expect(check(r, 'regenerate').status).toBe('pass');
  });

  it('an impure answer injected fails purity (and the byte compare), naming the item', async () => {
    const copy = copyRun(run);
    const lines = readShardLines(copy, 1);
    const { k, item } = answerLine(copy);
    const impure = `I'm so excited to tell you: ${item.answer}`;
    expect(checkPurity(impure).length).toBeGreaterThan(0);
    item.answer = impure;
    lines[k] = JSON.stringify(item);
    rewriteShard(copy, 1, lines);
    const r = await audit({ source: copy });
    expect(check(r, 'purity').offenders.map((o) => o.id)).toEqual([item.id]);
    expect(check(r, 'purity').offenders[0]!.detail).toMatch(/^answer: rule /);
    expect(check(r, 'regenerate').offenders.map((o) => o.id)).toEqual([item.id]);
  });

  it('a config edited in the manifest fails the fingerprint', async () => {
    const copy = copyRun(run);
    editManifest(copy, (m) => {
      m.config.ref_date = '2024-06-30';
    });
    const r = await audit({ source: copy, sample: 5 });
    const fp = check(r, 'fingerprint');
    expect(fp.status).toBe('fail');
    expect(fp.offenders[0]!.id).toBe(path.join(copy, 'manifest.json'));
    expect(r.passed).toBe(false);
  });

  it('a shard range edited in the manifest fails the manifest check, naming the shard file', async () => {
    const copy = copyRun(run);
    editManifest(copy, (m) => {
      m.shards[1].start = 49;
    });
    const r = await audit({ source: copy, sample: 5 });
    expect(check(r, 'manifest').offenders.map((o) => o.id)).toEqual([JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8')).shards[1].file]);
  });

  it('a dropped line fails coordinates: the shard holds fewer rows than the manifest says', async () => {
    const copy = copyRun(run);
    const lines = readShardLines(copy, 2);
    lines.splice(10, 1);
    rewriteShard(copy, 2, lines);
    const r = await audit({ source: copy, sample: 5 });
    expect(check(r, 'coordinates').offenders[0]!.detail).toBe('holds 49 readable rows, the manifest says 50');
  });
});

/** Presets: the same items in a consumer's columns; the ground truth read back verifies the same as the item's. */
import { verifyItem } from '../../src/verify/dispatch.js';
import { verify } from '../../src/library/api.js';
import { runData, tmpDir, verigen } from '../helpers/cli.js';

// Every family, instruct and the opt-in confidence family included.
const BASE = ['generate', '--count', '60', '--seed', '12', '--compress', 'none', '--quiet', '--profile', 'llama-3.1-8b-instruct', '--family', 'inference,instruct,selffact,injection,confidence'];

function rows(args: string[]): any[] {
  const out = tmpDir();
  const r = verigen([...BASE, ...args, '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return runData(out).trim().split('\n').map((l) => JSON.parse(l));
}

describe('--preset', () => {
  const items = rows(['--emit-witness']);

  it.each([
    ['open-instruct', (r: any) => ({ id: r.id, messages: r.messages, verifier: r.dataset, ground_truth: JSON.parse(r.ground_truth) })],
    ['trl', (r: any) => ({ id: r.id, messages: r.prompt, verifier: r.verifier, ground_truth: JSON.parse(r.ground_truth) })],
    ['verl', (r: any) => ({ id: r.extra_info.id, messages: r.prompt, ...JSON.parse(r.reward_model.ground_truth) })],
  ])('%s rows carry the item and verify the same', (preset, read) => {
    const out = rows(['--preset', preset]);
    expect(out).toHaveLength(items.length);
    out.forEach((row, i) => {
      const it = items[i];
      const back = read(row);
      expect(back).toEqual({ id: it.id, messages: it.messages, verifier: it.verifier, ground_truth: it.ground_truth });
      for (const response of [it.witness, 'wrong answer 12345']) {
        expect(verifyItem(back, response)).toEqual(verifyItem(it, response));
      }
    });
    // The reward path reads the presets' JSON-string ground truth as it comes, with the same verdicts.
    const ground = (r: any) => (preset === 'verl' ? JSON.parse(r.reward_model.ground_truth).ground_truth : r.ground_truth);
    const rewards = verify(out.map((r, i) => ({ verifier: read(r).verifier, ground_truth: preset === 'verl' ? JSON.stringify(ground(r)) : ground(r), response: items[i].witness })));
    expect(rewards.map((x) => x.pass)).toEqual(items.map(() => true));
    expect(new Set(items.map((it: any) => it.verifier))).toEqual(new Set(['answer', 'ifeval', 'selffact', 'injection', 'confidence']));
    if (preset === 'verl') expect(out[0]).toMatchObject({ data_source: `verigen/${items[0].generator}`, ability: items[0].family, reward_model: { style: 'rule' }, extra_info: { split: 'train', index: 0 } });
  });

  it('ifeval refuses a mix with other verifiers', () => {
    const r = verigen([...BASE, '--preset', 'ifeval', '--out', tmpDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--preset ifeval takes only instruction-following generators/);
  });
});

describe('--preset ifeval', () => {
  it('writes IFEval input rows whose witnesses, read as the response file, pass every instruction', () => {
    const out = tmpDir();
    const args = ['generate', '--count', '60', '--seed', '3', '--family', 'instruct', '--preset', 'ifeval', '--emit-witness', '--compress', 'none', '--quiet', '--out', out];
    expect(verigen(args).status).toBe(0);
    const rows = runData(out).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(60);
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(['instruction_id_list', 'key', 'kwargs', 'prompt', 'response']);
    const shard = `${out}/data/train-00000-of-00001.jsonl`;
    const v = verigen(['verify', '--items', shard, '--responses', shard, '--json']);
    expect(v.status).toBe(0);
    const s = JSON.parse(v.stdout);
    expect(s.ifeval).toMatchObject({ prompts: 60, missing: 0, prompt_strict: 1, prompt_loose: 1, instruction_strict: 1 });
  });
});

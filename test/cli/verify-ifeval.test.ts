/** `verigen verify` on IFEval's own files: the reference's four scores, IFEval verdict lines, and bad rows refused. */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tmpDir, verigen } from '../helpers/cli.js';

const DIR = path.resolve(ROOT, '..', 'shared', 'conformance', 'ifeval');
const INPUT = path.join(DIR, 'input_data_gpt4_20231107_145030.jsonl');
const RESPONSES = path.join(DIR, 'input_response_data_gpt4_20231107_145030.jsonl');

describe('verify --items IFEval input', () => {
  it('reproduces the reference scores and writes IFEval verdict lines', () => {
    const out = path.join(tmpDir(), 'verdicts.jsonl');
    const r = verigen(['verify', '--items', INPUT, '--responses', RESPONSES, '--out', out, '--json']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    // The reference's scores (PROVENANCE.md): 417/541, 698/834, 431/541, 714/834.
    expect(s.ifeval).toMatchObject({ prompts: 541, instructions: 834, missing: 0 });
    expect(s.ifeval.prompt_strict).toBeCloseTo(417 / 541, 12);
    expect(s.ifeval.instruction_strict).toBeCloseTo(698 / 834, 12);
    expect(s.ifeval.prompt_loose).toBeCloseTo(431 / 541, 12);
    expect(s.ifeval.instruction_loose).toBeCloseTo(714 / 834, 12);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(541);
    expect(Object.keys(lines[0]).sort()).toEqual(['follow_all_loose', 'follow_all_strict', 'instruction_id_list', 'key', 'loose', 'strict']);
    const ref = new Map(
      fs.readFileSync(path.join(DIR, 'reference_verdicts_gpt4.jsonl'), 'utf8').trim().split('\n').map((l) => {
        const v = JSON.parse(l);
        return [v.key, v];
      }),
    );
    for (const l of lines) {
      expect(l.strict).toEqual(ref.get(l.key).strict);
      expect(l.loose).toEqual(ref.get(l.key).loose);
    }
  });

  it('reports rows without a response as missing, never drops them', () => {
    const dir = tmpDir();
    const responses = path.join(dir, 'r.jsonl');
    fs.writeFileSync(responses, fs.readFileSync(RESPONSES, 'utf8').trim().split('\n').slice(0, 500).join('\n') + '\n');
    const out = path.join(dir, 'v.jsonl');
    const s = JSON.parse(verigen(['verify', '--items', INPUT, '--responses', responses, '--out', out, '--json']).stdout);
    expect(s.ifeval.prompts).toBe(541);
    expect(s.ifeval.missing).toBe(41);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.missing === true)).toHaveLength(41);
  });

  it.each([
    [{ key: 7, prompt: 'p', instruction_id_list: ['length_constraints:number_words'], kwargs: [{ relation: 'at least' }] }, /in\.jsonl:1: key 7: kwargs\[0\]\.num_words: missing/],
    [{ key: 8, prompt: 'p', instruction_id_list: ['nosuch:id'], kwargs: [{}] }, /in\.jsonl:1: key 8: instruction_id_list\[0\]: unknown instruction id "nosuch:id"/],
  ])('refuses a bad row naming the key and field: %j', (row, message) => {
    const dir = tmpDir();
    const input = path.join(dir, 'in.jsonl');
    fs.writeFileSync(input, JSON.stringify(row) + '\n');
    const responses = path.join(dir, 'r.jsonl');
    fs.writeFileSync(responses, JSON.stringify({ prompt: 'p', response: 'x' }) + '\n');
    const r = verigen(['verify', '--items', input, '--responses', responses]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

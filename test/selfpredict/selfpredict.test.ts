import fs from 'node:fs';
import path from 'node:path';
import { objectPrompts } from '../../src/selfpredict/prompts.js';
import { lengthBucket, PROPERTIES } from '../../src/selfpredict/properties.js';
import { baselines } from '../../src/selfpredict/build.js';
import { validator } from '../../src/core/schema.js';
import { tmpDir, verigen } from '../helpers/cli.js';

const prop = (name: string) => PROPERTIES.find((p) => p.name === name)!;
const choice = { id: 'c', kind: 'choice' as const, prompt: 'Choose one: A) tea, B) coffee, C) water, D) juice.', options: ['tea', 'coffee', 'water', 'juice'] };
const name = { id: 'n', kind: 'name' as const, prompt: 'Name a fruit.' };

describe('object-level prompts', () => {
  it('are a pure function of the seed and cover every kind', () => {
    const a = objectPrompts(200, 's');
    expect(objectPrompts(200, 's')).toEqual(a);
    expect(objectPrompts(200, 't')).not.toEqual(a);
    expect(new Set(a.map((p) => p.kind))).toEqual(new Set(['name', 'number', 'choice', 'sentence']));
    for (const p of a.filter((x) => x.kind === 'choice')) expect(p.prompt).toContain(`D) ${p.options![3]}`);
  });
});

describe('properties read off an answer (checked by hand)', () => {
  it.each([
    ['first_word', 'Banana.', 'banana', name],
    ['first_word', '  "Kiwi" is one.', 'kiwi', name],
    ['second_character', 'Apple', 'p', name],
    ['second_character', 'A pear', null, name], // a space is not asked about
    ['starts_with_vowel', 'Orange', 'yes', name],
    ['starts_with_vowel', 'Plum', 'no', name],
    ['starts_with_vowel', '42', null, name],
    ['option', 'B', 'B', choice],
    ['option', 'B) coffee', 'B', choice],
    ['option', 'I would pick water.', 'C', choice],
    ['option', 'none of them', null, choice],
    ['number_parity', '7', 'odd', name],
    ['number', 'My pick: 42', '42', name],
  ])('%s of %j is %j', (p, response, expected, prompt) => {
    expect(prop(p).extract(response, prompt)).toBe(expected);
  });

  it('buckets lengths at 5, 10, 20 and 40 words', () => {
    expect([1, 5, 6, 10, 11, 20, 21, 40, 41].map(lengthBucket)).toEqual(['1-5', '1-5', '6-10', '6-10', '11-20', '11-20', '21-40', '21-40', '41 or more']);
  });

  it('takes the most common answer as the baseline, ties to the first in code-unit order', () => {
    const rows = [
      { property: 'option', answer: 'B' },
      { property: 'option', answer: 'A' },
      { property: 'option', answer: 'B' },
      { property: 'first_word', answer: 'the' },
      { property: 'first_word', answer: 'a' },
    ];
    expect(baselines(rows)).toEqual([
      { property: 'first_word', items: 2, most_common: 'a', baseline: 0.5 },
      { property: 'option', items: 3, most_common: 'B', baseline: 2 / 3 },
    ]);
  });
});

describe('verigen selfpredict', () => {
  it('writes prompts, builds items from answers, and eval scores them beside the baseline', () => {
    const dir = tmpDir();
    const prompts = path.join(dir, 'prompts.jsonl');
    expect(verigen(['selfpredict', 'prompts', '--count', '60', '--seed', '3', '--out', prompts, '--quiet']).status).toBe(0);
    const ps = fs.readFileSync(prompts, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(ps).toHaveLength(60);
    // A stand-in model that always answers the same way per kind.
    const answer = (k: string) => ({ name: 'Apple', number: '7', choice: 'B', sentence: 'The sea is wide and deep.' })[k]!;
    fs.writeFileSync(path.join(dir, 'answers.jsonl'), ps.map((p) => JSON.stringify({ id: p.id, response: answer(p.kind) })).join('\n') + '\n');
    const items = path.join(dir, 'items.jsonl');
    const built = verigen(['selfpredict', 'build', '--prompts', prompts, '--responses', path.join(dir, 'answers.jsonl'), '--model', 'stand-in', '--checkpoint', 'step-1', '--out', items, '--json']);
    expect(built.status).toBe(0);
    const r = JSON.parse(built.stdout);
    const rows = fs.readFileSync(items, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(r.items);
    const validate = validator('item');
    for (const it of rows) {
      expect(validate(it)).toBe(true);
      expect(it.meta.selfpredict).toMatchObject({ model: 'stand-in', checkpoint: 'step-1' });
    }
    // Every answer of a kind is the same, so a property asked of one kind only has a baseline of 1.
    for (const b of r.baselines.filter((x: { property: string }) => ['option', 'number', 'number_parity', 'length_bucket'].includes(x.property))) expect(b.baseline).toBe(1);
    expect(r.baselines.find((x: { property: string }) => x.property === 'first_word').baseline).toBeLessThan(1); // 'apple' or 'the'
    const firstWord = rows.find((it) => it.meta.selfpredict.property === 'first_word' && it.meta.tags.includes('name'));
    expect(firstWord.ground_truth).toEqual({ answer: 'apple', type: 'string' });

    // A model predicting itself perfectly: its answers are the ground truths.
    fs.writeFileSync(path.join(dir, 'predictions.jsonl'), rows.map((it) => JSON.stringify({ id: it.id, response: it.answer })).join('\n') + '\n');
    const ev = verigen(['eval', '--items', items, '--responses', path.join(dir, 'predictions.jsonl'), '--out', path.join(dir, 'E'), '--bootstrap', '20']);
    expect(ev.status).toBe(0);
    expect(ev.stdout).toMatch(/self-prediction option: 1\.000 \(most-common-answer baseline 1\.000, 'B'\)/);
    expect(fs.readFileSync(path.join(dir, 'E', 'eval.md'), 'utf8')).toContain('## Self-prediction');
  });

  it('names an answer to an unknown prompt and a missing --model', () => {
    const dir = tmpDir();
    const prompts = path.join(dir, 'p.jsonl');
    verigen(['selfpredict', 'prompts', '--count', '3', '--out', prompts, '--quiet']);
    fs.writeFileSync(path.join(dir, 'a.jsonl'), '{"id": "sp-0-0", "response": "x"}\n{"id": "nope", "response": "y"}\n');
    const bad = verigen(['selfpredict', 'build', '--prompts', prompts, '--responses', path.join(dir, 'a.jsonl'), '--model', 'm', '--out', path.join(dir, 'i.jsonl')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/a\.jsonl:2: id: 'nope' names no prompt/);
    expect(fs.existsSync(path.join(dir, 'i.jsonl'))).toBe(false);
    expect(verigen(['selfpredict', 'build', '--prompts', prompts, '--responses', path.join(dir, 'a.jsonl'), '--out', path.join(dir, 'i.jsonl')]).stderr).toMatch(/needs --model/);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assistantSide, joinWords, loadTemplateSet, ordinal } from '../../src/core/render.js';
import { Rng } from '../../src/core/rng.js';

function templateDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-'));
  fs.mkdirSync(path.join(dir, 'fam', 'gen'), { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'fam', 'gen', name), text);
  return dir;
}

describe('templates', () => {
  it('draws among the variants of a task and is strict about missing fields', () => {
    const dir = templateDir({ 'ask.a.hbs': 'A {{x}}', 'ask.b.hbs': 'B {{x}}', 'other.a.hbs': 'O' });
    const set = loadTemplateSet('fam', 'gen', dir);
    expect(set.ids).toEqual(['fam/gen/ask.a', 'fam/gen/ask.b', 'fam/gen/other.a']);
    expect(set.tasks).toEqual(['ask', 'other']);
    const rng = new Rng('t');
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(set.render('ask', { x: '<b>&' }, rng).text);
    expect([...seen].sort()).toEqual(['A <b>&', 'B <b>&']); // no HTML escaping
    expect(() => set.render('ask', {}, rng)).toThrow(/"x" not defined/);
  });

  it('refuses a template whose assistant-side text fails the purity gate, naming file and line', () => {
    const dir = templateDir({ 'ask.a.hbs': 'User: I love jazz, tell me about it.\n{{#assistant}}Sure.\nI love jazz too.{{/assistant}}' });
    expect(() => loadTemplateSet('fam', 'gen', dir)).toThrow(/ask\.a\.hbs:3:1: assistant-side text fails the purity gate/);
    // The user side may say anything: only the assistant block is checked.
    const ok = templateDir({ 'ask.a.hbs': 'User: I love jazz.\n{{#assistant}}Jazz has a 12-bar form.{{/assistant}}' });
    expect(loadTemplateSet('fam', 'gen', ok).render('ask', {}, new Rng('x')).text).toBe('User: I love jazz.\nJazz has a 12-bar form.');
  });

  it('blanks everything outside assistant blocks, keeping line structure', () => {
    // '{{#assistant}}' and '{{/assistant}}' are 14 characters each; 'cd' adds 2 more blanks.
    expect(assistantSide('ab\n{{#assistant}}xy{{/assistant}}cd')).toBe(`  \n${' '.repeat(14)}xy${' '.repeat(16)}`);
  });

  it('formats ordinals and word lists', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'], 'or')).toBe('a, b or c');
  });
});

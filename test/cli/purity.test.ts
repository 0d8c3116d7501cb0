/** `verigen purity`: findings with rule and span, exit 1 when anything is flagged, 2 for an unreadable line. */
import fs from 'node:fs';
import path from 'node:path';
import { tmpDir, verigen } from '../helpers/cli.js';

function file(lines: string[]): string {
  const f = path.join(tmpDir(), 'in.txt');
  fs.writeFileSync(f, lines.join('\n') + '\n');
  return f;
}

describe('verigen purity', () => {
  it('flags claims with their rule and span and exits 1', () => {
    const f = file(['I have 32 layers.', 'Honestly, I love jazz.', 'The context does not state the temperature.']);
    const r = verigen(['purity', f]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    // "I love" starts at column 11 of line 2 (after "Honestly, ").
    expect(lines[0]).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2:11: [a-z.-]+ \\(preference\\): "I love"$`));
    expect(r.stderr).toBe('verigen: 1 of 3 line(s) flagged\n');
  });

  it('exits 0 on clean text and reads JSONL text fields with --json', () => {
    const f = file([JSON.stringify({ id: 'x1', text: 'I have listed the items.' }), JSON.stringify({ id: 'x2', text: 'As an AI language model, I cannot.' })]);
    const r = verigen(['purity', f, '--json']);
    expect(r.status).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.pass])).toEqual([
      ['x1', true],
      ['x2', false],
    ]);
    expect(out[1].findings[0]).toMatchObject({ category: 'boilerplate', start: 0 });
    expect(verigen(['purity', file(['Feel free to ask.', 'I see three errors in the input.'])]).status).toBe(0);
  });

  it('refuses a JSON line without text, naming the line', () => {
    const f = file(['fine', JSON.stringify({ id: 1 })]);
    const r = verigen(['purity', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/in\.txt:2: .*"text"/);
  });
});

/** The library side of `verigen purity` (line scanning) and of the template check at load. */
import { checkPurityInputLine, checkTemplatePurity, scanPurityLines, scanPurityLinesAsync } from '../../src/purity/index.js';
import { blankHandlebars } from '../../src/purity/template.js';

describe('scanPurityLines', () => {
  const input = [
    'I love jazz.',
    '{"id": 7, "text": "Honestly, I\'m curious."}',
    '{"id": "a", "text": 5}',
    '{"id": "b"}',
    '{not json, I hope so',
    '',
    'The answer is 12.\r',
    '  {"text": "Sunday"}',
  ];
  const results = [...scanPurityLines(input)];

  it('yields one result per line, numbered from 1', () => {
    expect(results.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('checks plain lines', () => {
    expect(results[0]).toEqual({ line: 1, text: 'I love jazz.', findings: [expect.objectContaining({ rule: 'preference.verb', start: 0, end: 6 })] });
  });
  it('checks the text field of JSON lines and carries the id', () => {
    expect(results[1]!.id).toBe('7');
    expect(results[1]!.text).toBe("Honestly, I'm curious.");
    // "I'm curious" starts after "Honestly, " (10 characters).
    expect(results[1]!.findings).toEqual([expect.objectContaining({ rule: 'emotion.state', start: 10, end: 21, match: "I'm curious" })]);
  });
  it('reports a JSON object without a string text field as an error naming the line and field', () => {
    expect(results[2]!.error).toBe('line 3: JSON object has a "text" field of type number, not a string');
    expect(results[3]!.error).toBe('line 4: JSON object has no "text" field');
    expect(results[2]!.findings).toEqual([]);
  });
  it('treats an unparseable {-line as plain text', () => {
    expect(results[4]!.error).toBeUndefined();
    expect(results[4]!.findings.map((f) => f.rule)).toEqual(['desire.verb']);
  });
  it('drops a trailing carriage return and passes clean lines', () => {
    expect(results[5]!.findings).toEqual([]);
    expect(results[6]!.text).toBe('The answer is 12.');
    expect(results[6]!.findings).toEqual([]);
    expect(results[7]!.findings).toEqual([]);
  });
  it('the async form gives the same results', async () => {
    async function* source() {
      for (const line of input) yield line;
    }
    const out = [];
    for await (const r of scanPurityLinesAsync(source())) out.push(r);
    expect(out).toEqual(results);
  });
  it('checkPurityInputLine is the per-line form', () => {
    expect(checkPurityInputLine('I hope so', 12).line).toBe(12);
  });
});

describe('checkTemplatePurity', () => {
  it('reports file, line and column of claims in the literal text', () => {
    const source = '{{#if x}}Hello {{name}}.{{/if}}\nAs an AI, I {{verb}} the sum.\n  I love {{thing}}!\n';
    const findings = checkTemplatePurity(source, 'templates/x/y.a.hbs');
    expect(findings).toEqual([
      expect.objectContaining({ file: 'templates/x/y.a.hbs', line: 2, column: 1, rule: 'boilerplate.as-an-ai', match: 'As an AI' }),
      expect.objectContaining({ file: 'templates/x/y.a.hbs', line: 3, column: 3, rule: 'preference.verb', match: 'I love' }),
    ]);
  });
  it('does not read claims into expressions or comments', () => {
    expect(checkTemplatePurity('I {{feeling}} jazz. {{!-- I love comments --}} {{! I hate this }}', 't.hbs')).toEqual([]);
    expect(checkTemplatePurity('{{{raw "I love"}}} ok', 't.hbs')).toEqual([]);
  });
  it('checks escaped braces as literal text', () => {
    expect(checkTemplatePurity('\\{{I love}} it', 't.hbs').map((f) => f.match)).toEqual(['I love']);
  });
  it('blanking keeps length and newlines', () => {
    const source = 'a {{b\nc}} d {{!-- e\nf --}} g {{unclosed';
    const blank = blankHandlebars(source);
    expect(blank.length).toBe(source.length);
    // 'a ' + 3 blanks | '\n' | 3 blanks + ' d ' + 7 blanks | '\n' | 6 blanks + ' g ' + 10 blanks
    expect(blank).toBe(`a${' '.repeat(4)}\n${' '.repeat(4)}d${' '.repeat(8)}\n${' '.repeat(7)}g${' '.repeat(11)}`);
  });
  it('passes the project templates as they are', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve('templates');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.hbs')) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(0);
    const bad = files.flatMap((f) => checkTemplatePurity(fs.readFileSync(f, 'utf8'), f));
    expect(bad).toEqual([]);
  });
});

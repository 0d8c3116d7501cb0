/**
 * The closure compiler against handlebars itself: the same source and data must give the same text (or both throw).
 * Handlebars, compiled with the options verigen used before (noEscape, strict), is the reference.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { compileTemplate, HelperRegistry, TemplateError } from '../../src/core/template-compiler.js';
import { helpers, loadTemplateSet, type TemplateSet } from '../../src/core/render.js';
import { GENERATORS } from '../../src/core/registry.js';
import { ItemFactory } from '../../src/core/factory.js';
import { buildRunConfig } from '../../src/run/config.js';
import { TEMPLATES_DIR } from '../../src/core/paths.js';

const HELPER_NAMES = ['ordinal', 'join', 'inc', 'eq', 'assistant', 'bullets', 'numbered'];
const reference = Handlebars.create();
for (const name of HELPER_NAMES) reference.registerHelper(name, helpers.get(name)! as Handlebars.HelperDelegate);

function both(source: string, data: unknown): { ours: string | Error; theirs: string | Error } {
  const run = (f: () => string) => {
    try {
      return f();
    } catch (e) {
      return e as Error;
    }
  };
  const ours = run(() => compileTemplate(source, helpers, 't.hbs')(data));
  const theirs = run(() => reference.compile(source, { noEscape: true, strict: true })(data));
  return { ours, theirs };
}

function expectSame(source: string, data: unknown): string {
  const { ours, theirs } = both(source, data);
  if (theirs instanceof Error) {
    expect(ours).toBeInstanceOf(Error);
    return '';
  }
  expect(ours).toBe(theirs);
  return theirs;
}

describe('template compiler: same text as handlebars', () => {
  const cases: [string, unknown, string][] = [
    // [source, data, the text handlebars gives, checked by hand]
    ['Hi {{name}}!', { name: '<b>&' }, 'Hi <b>&!'],
    ['{{a.b.c}}', { a: { b: { c: 3 } } }, '3'],
    ['{{n}} {{z}} {{f}} {{nil}} {{list}}', { n: 1.5, z: 0, f: false, nil: null, list: ['x', 'y'] }, '1.5 0 false  x,y'],
    ['{{#each xs}}{{@index}}:{{this}}{{#unless @last}}, {{/unless}}{{/each}}', { xs: ['a', 'b', 'c'] }, '0:a, 1:b, 2:c'],
    ['{{#each xs}}{{#if @first}}[{{/if}}{{.}}{{#if @last}}]{{/if}}{{/each}}', { xs: [1, 2] }, '[12]'],
    ['{{#each o}}{{@key}}={{this}};{{/each}}', { o: { b: 1, a: 2 } }, 'b=1;a=2;'],
    ['{{#each xs}}x{{else}}none{{/each}}', { xs: [] }, 'none'],
    ['{{#each people}}{{name}} of {{../city}}{{#if boss}} (boss of {{../city}}){{/if}}. {{/each}}', { city: 'Oslo', people: [{ name: 'A', boss: true }, { name: 'B', boss: false }] }, 'A of Oslo (boss of Oslo). B of Oslo. '],
    ['{{#if a}}A{{else if b}}B{{else}}C{{/if}}', { a: 0, b: '' }, 'C'],
    ['{{#if a}}A{{else if b}}B{{else}}C{{/if}}', { a: [], b: 'x' }, 'B'],
    ['{{#if z includeZero=true}}zero{{/if}}', { z: 0 }, 'zero'],
    ['{{#unless t}}no{{else}}yes{{/unless}}', { t: 1 }, 'yes'],
    ['{{#if missing}}x{{else}}absent{{/if}}', {}, 'absent'],
    ['{{#with p}}{{name}} {{../k}}{{/with}}', { p: { name: 'N' }, k: 'K' }, 'N K'],
    ['{{ordinal (inc 1)}} {{join xs}} {{join xs "or"}}', { xs: ['a', 'b', 'c'] }, '2nd a, b and c a, b or c'],
    ['{{#if (eq noun "people")}}P{{else}}Q{{/if}}', { noun: 'people' }, 'P'],
    ['{{bullets xs}}\n{{numbered xs}}', { xs: ['a', 'b'] }, '- a\n- b\n1. a\n2. b'],
    ['{{#each xs}}{{ordinal (inc @index)}} {{this}}\n{{/each}}', { xs: ['a', 'b'] }, '1st a\n2nd b\n'],
    ['a\n{{#if x}}\n  line\n{{/if}}\nb', { x: true }, 'a\n  line\nb'],
    ['a {{~x~}} b {{! a comment }}c', { x: 1 }, 'a1b c'],
    ['{{#assistant}}Said: {{x}}{{/assistant}}', { x: 'ok' }, 'Said: ok'],
    ['{{this.x}} {{./x}}', { x: 'v' }, 'v v'],
    ['{{#each m}}{{@key}}:{{this}}{{/each}}', { m: new Map([['k', 1]]) }, '0:k,1'],
  ];
  it.each(cases)('%j', (source, data, expected) => {
    expect(expectSame(source, data)).toBe(expected);
  });

  it('throws where handlebars throws in strict mode: a printed field that is absent, or a path through nothing', () => {
    for (const [source, data] of [
      ['{{x}}', {}],
      ['{{a.b}}', { a: {} }],
      ['{{a.b.c}}', {}],
      ['{{s.length}}', { s: 'abc' }],
      ['{{#each xs}}{{y}}{{/each}}', { xs: [{}] }],
    ] as const) {
      const { ours, theirs } = both(source, data);
      expect(theirs).toBeInstanceOf(Error);
      expect(ours).toBeInstanceOf(TemplateError);
    }
    expect(() => compileTemplate('line one\n{{missing}}', helpers, 'f.hbs')({})).toThrow(/^f\.hbs:2: "missing" not defined/);
  });

  it('prints adjacent numbers as text, where handlebars adds them (a handlebars quirk no template should rely on)', () => {
    // Handlebars compiles `{{a}}{{b}}` at the start of a program to `a + b`: 1 + 2 gives "3".
    const { ours, theirs } = both('{{a}}{{b}}', { a: 1, b: 2 });
    expect(theirs).toBe('3');
    expect(ours).toBe('12');
    expect(expectSame('x{{a}}{{b}}', { a: 1, b: 2 })).toBe('x12');
  });

  it('never reads inherited properties (no prototype access)', () => {
    expect(expectSame('{{#if constructor}}yes{{else}}no{{/if}}', {})).toBe('no');
    expect(expectSame('[{{constructor}}]', {})).toBe('[]');
    const withProto = Object.create({ inherited: 'x' }) as Record<string, unknown>;
    withProto.own = 'o';
    expect(expectSame('{{#if inherited}}leak{{/if}}{{own}}', withProto)).toBe('o');
  });

  it('agrees with handlebars on random data for templates that use every supported construct', () => {
    const templates = [
      '{{#each xs}}{{@index}}:{{this}}{{#unless @last}},{{/unless}}{{else}}-{{/each}}',
      '{{#if a}}{{a}}{{else if b}}{{b}}{{else}}c{{/if}}',
      '{{#with a}}[{{this}}]{{else}}none{{/with}}',
      '{{#each xs}}{{#if this}}{{../a}}{{/if}}{{/each}}',
      '{{a}}|{{b}}',
    ];
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 3 }));
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.record({ a: value, b: value, xs: value }, { requiredKeys: [] }), (source, data) => {
        const { ours, theirs } = both(source, data);
        if (theirs instanceof Error) return ours instanceof Error;
        return ours === theirs;
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('template compiler: refuses what it does not implement, naming the line', () => {
  it.each([
    ['x\n{{> partial}}', /t\.hbs:2: PartialStatement is not supported/],
    ['{{#each xs as |x|}}{{x}}{{/each}}', /block parameters/],
    ['{{#items}}x{{/items}}', /section over a data field/],
    ['{{^items}}x{{/items}}', /inverted sections/],
    ['{{nohelper x}}', /unknown helper 'nohelper'/],
    ['{{#each xs}}{{@../index}}{{/each}}', /@-variables of enclosing blocks/],
    ['{{#if x}}unclosed', /does not parse/],
  ])('%j', (source, message) => {
    expect(() => compileTemplate(source, new HelperRegistry(), 't.hbs')).toThrow(message);
  });
});

describe('every shipped template renders as handlebars renders it, on generated data', () => {
  it('for every registered generator', () => {
    const captured = new Map<string, unknown[]>();
    const sets = new Map<string, { set: TemplateSet; render: TemplateSet['render'] }>();
    for (const g of GENERATORS) {
      const set = loadTemplateSet(g.family, g.name);
      if (sets.has(`${g.family}/${g.name}`)) continue;
      const render = set.render;
      sets.set(`${g.family}/${g.name}`, { set, render });
      (set as { render: TemplateSet['render'] }).render = function (task, data, rng) {
        const r = render.call(this, task, data, rng);
        const list = captured.get(r.template) ?? [];
        if (list.length < 40) list.push(data);
        captured.set(r.template, list);
        return r;
      };
    }
    try {
      const ids = GENERATORS.map((g) => `${g.family}.${g.name}@${g.version}`);
      const factory = new ItemFactory(buildRunConfig({ count: 1, seed: 'differential', family: [...new Set(GENERATORS.map((g) => g.family))], profile: 'llama-3.1-8b-instruct' }));
      for (let i = 0; i < ids.length * 400; i++) factory.make(i);
    } finally {
      for (const { set, render } of sets.values()) (set as { render: TemplateSet['render'] }).render = render;
    }
    let renders = 0;
    for (const [id, datas] of captured) {
      const [family, name, stem] = id.split('/');
      const file = path.join(TEMPLATES_DIR, family!, name!, `${stem}.hbs`);
      const source = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\n+$/, '');
      const ours = compileTemplate(source, helpers, file);
      const theirs = reference.compile(source, { noEscape: true, strict: true });
      for (const data of datas) {
        expect([id, ours(data)]).toEqual([id, theirs(data)]);
        renders++;
      }
    }
    // Most shipped templates were drawn at least once (the draw is random; 400 items a generator cover nearly all).
    const shipped = GENERATORS.flatMap((g) => loadTemplateSet(g.family, g.name).ids);
    expect(captured.size).toBeGreaterThan(new Set(shipped).size * 0.9);
    expect(renders).toBeGreaterThan(captured.size);
  });
});

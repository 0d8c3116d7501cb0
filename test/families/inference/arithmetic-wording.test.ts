import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { arithmetic as def } from '../../../src/families/inference/arithmetic.js';
import { COUNTABLE_NOUNS } from '../../../src/families/inference/data/countable-nouns.js';

const sf = createSeededFaker('2025-01-01');
const templates = loadTemplateSet('inference', def.name);

function generate(seed: string, difficulty: number) {
  const rng = new Rng(seed);
  sf.use(rng);
  return def.generate({ rng, faker: sf.faker, config: { ...def.defaults, difficulty }, index: 0, refDate: '2025-01-01', templates, profile: null });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const phrases = COUNTABLE_NOUNS.map((n) => ({ one: new RegExp(`(?<![\\d.])(\\d+) ${escape(n.one)}\\b`, 'g'), many: new RegExp(`(?<![\\d.])(\\d+) (?:more )?${escape(n.many)}\\b`, 'g'), doubled: `${n.many}s` }));

/** Replays a stock prompt: the opening count, then each step in order. */
function replayStock(text: string): number {
  let n = Number(/(?:with|Opening stock:|Start:) (\d+)/.exec(text)![1]);
  for (const m of text.matchAll(/(sells|gives away|receives a delivery of|doubles the number)(?: (\d+))?/g)) {
    const k = Number(m[2]);
    if (m[1] === 'sells' || m[1] === 'gives away') n -= k;
    else if (m[1] === 'receives a delivery of') n += k;
    else n *= 2;
  }
  return n;
}

/** Replays a change prompt in cents: paid minus the sum of quantity times price. */
function replayChange(text: string): string {
  const paid = Math.round(Number(/(?:pays with|tendered:|hands over) \$(\d+\.\d\d)/.exec(text)![1]) * 100);
  let total = 0;
  for (const m of text.matchAll(/(\d+) [A-Za-z -]+? at \$(\d+\.\d\d)/g)) total += Number(m[1]) * Math.round(Number(m[2]) * 100);
  return ((paid - total) / 100).toFixed(2);
}

describe('inference.arithmetic wording', () => {
  it('puts every quantity with the right number of its noun and never doubles a plural', () => {
    for (let i = 0; i < 300; i++) {
      const text = generate(`a${i}`, (i % 5) + 1).messages[0]!.content;
      for (const p of phrases) {
        for (const m of text.matchAll(p.one)) expect(m[1]).toBe('1');
        for (const m of text.matchAll(p.many)) expect(m[1]).not.toBe('1');
        expect(text).not.toContain(p.doubled);
      }
      // "1 bag of coffee beans at $10.00 each" reads oddly: "each" only follows a quantity above one.
      expect(text).not.toMatch(/(?<![\d.])1 [a-zA-Z -]+ at \$\d+\.\d\d each/);
    }
  });

  it('answers match a replay of the prompt', () => {
    for (let i = 0; i < 1500; i++) {
      const draft = generate(`r${i}`, (i % 5) + 1);
      const text = draft.messages[0]!.content;
      if (draft.tags!.includes('stock')) expect(draft.answer).toBe(String(replayStock(text)));
      else expect(draft.answer).toBe(replayChange(text));
    }
  });
});

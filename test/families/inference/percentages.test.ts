import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { percentages } from '../../../src/families/inference/percentages.js';
import { drawPercentInputs, solvePercent, type PercentInputs } from '../../../src/families/inference/util/percent-problems.js';
import * as X from '../../../src/families/inference/util/exact.js';
import { verifyAnswer } from '../../../src/verify/answer.js';

const REF = '2025-01-01';
const sf = createSeededFaker(REF);
const templates = loadTemplateSet('inference', 'percentages');

function gen(seed: string, difficulty = 2) {
  const rng = new Rng(seed);
  sf.use(rng);
  return percentages.generate({ rng, faker: sf.faker, config: { ...percentages.defaults, difficulty }, index: 0, refDate: REF, templates, profile: null });
}

/** The answer in floating point, straight from the textbook formulas. */
function floatAnswer(p: PercentInputs): number {
  const n = Number;
  switch (p.task) {
    case 'percent-of':
      return (n(p.whole) * n(p.rate)) / 100;
    case 'discount':
      return n(p.price) - (n(p.price) * n(p.rate)) / 100;
    case 'tax':
      return n(p.price) + (n(p.price) * n(p.rate)) / 100;
    case 'change':
      return (Math.abs(n(p.to) - n(p.from)) / n(p.from)) * 100;
    case 'share':
      return (n(p.parts[p.index]) / p.parts.reduce((s, x) => s + n(x), 0)) * 100;
    case 'ratio': {
      const unit = n(p.total) / p.ratio.reduce((s, r) => s + r, 0);
      return unit * p.ratio[p.index]! - (p.minus === undefined ? 0 : unit * p.ratio[p.minus]!);
    }
    case 'successive': {
      let price = n(p.price);
      for (const c of p.changes) price += (price * n(c)) / 100;
      return p.askPercent ? (Math.abs(price - n(p.price)) / n(p.price)) * 100 : price;
    }
    case 'reverse':
      return n(p.after) / (p.tax ? 1 + n(p.rate) / 100 : 1 - n(p.rate) / 100);
  }
}

/** Decimals of a plain decimal string. */
const decimals = (s: string) => (s.includes('.') ? s.split('.')[1]!.length : 0);

describe('inference.percentages answers', () => {
  it('equal the textbook formula exactly, with no rounding, on 4000 drawn problems', () => {
    for (let i = 0; i < 4000; i++) {
      const difficulty = (i % 5) + 1;
      const p = drawPercentInputs(new Rng(`p${i}`), difficulty, 200);
      const exact = solvePercent(p);
      const f = floatAnswer(p);
      if (Math.abs(X.toNumber(exact) - f) > 1e-7 * Math.max(1, f)) throw new Error(`${JSON.stringify(p)}: ${X.toNumber(exact)} != ${f}`);
      // Exact in cents (or hundredths of a percent, or whole counts).
      if (X.shortText(exact, 2) === null) throw new Error(`${JSON.stringify(p)} is not exact at 2 decimals`);
      if (p.task === 'percent-of' && X.shortText(exact, 0) === null) throw new Error(`${JSON.stringify(p)}: a count must be whole`);
      if (p.task === 'successive' && !p.askPercent) {
        // Every intermediate price is whole cents too.
        let price = X.dec(p.price);
        for (const c of p.changes) {
          price = X.mul(price, X.div(X.add(X.q(100), X.dec(c)), X.q(100)));
          if (X.shortText(price, 2) === null) throw new Error(`${JSON.stringify(p)}: intermediate price ${X.toNumber(price)}`);
        }
      }
    }
  });

  it('gets hand-worked problems right', () => {
    const s = (p: PercentInputs) => X.shortText(solvePercent(p), 2);
    expect(s({ task: 'discount', rate: '20', price: '50.00' })).toBe('40');
    // 8.25% of $40 is $3.30.
    expect(s({ task: 'tax', rate: '8.25', price: '40.00' })).toBe('43.3');
    expect(s({ task: 'ratio', total: '500.00', ratio: [2, 3], index: 1 })).toBe('300');
    expect(s({ task: 'ratio', total: '500.00', ratio: [2, 3], index: 1, minus: 0 })).toBe('100');
    expect(s({ task: 'change', from: '80', to: '100' })).toBe('25');
    expect(s({ task: 'change', from: '100', to: '80' })).toBe('20');
    // +20% then -10%: 1.2 * 0.9 = 1.08, so 8% higher; $50 → $60 → $54.
    expect(s({ task: 'successive', price: '50.00', changes: ['20', '-10'], askPercent: true })).toBe('8');
    expect(s({ task: 'successive', price: '50.00', changes: ['20', '-10'], askPercent: false })).toBe('54');
    expect(s({ task: 'reverse', rate: '20', after: '64.00', tax: false })).toBe('80');
    expect(s({ task: 'reverse', rate: '7.5', after: '107.50', tax: true })).toBe('100');
    expect(s({ task: 'share', parts: ['150', '250'], index: 0 })).toBe('37.5');
    expect(s({ task: 'percent-of', rate: '35', whole: '240' })).toBe('84');
  });

  it('puts the drawn numbers into the prompt and formats the answer by kind', () => {
    for (let i = 0; i < 300; i++) {
      const difficulty = (i % 5) + 1;
      const p = drawPercentInputs(new Rng(`e${i}`), difficulty, 200);
      const d = gen(`e${i}`, difficulty);
      const text = d.messages[0]!.content;
      const money = (a: string) => `$${a.endsWith('.00') ? a.slice(0, -3) : a}`;
      if ('rate' in p) expect(text).toContain(`${p.rate}%`);
      if (p.task === 'discount' || p.task === 'tax' || p.task === 'successive') expect(text).toContain(money(p.price));
      if (p.task === 'reverse') expect(text).toContain(money(p.after));
      if (p.task === 'change') expect(text).toContain(`${p.from}`);
      if (p.task === 'ratio') expect(text).toContain(p.ratio.join(':'));
      if (p.task === 'successive') for (const c of p.changes) expect(text).toContain(`${c.replace('-', '')}%`);
      expect(Number(d.answer)).toBeCloseTo(floatAnswer(p), 6);
      const isMoney = d.ground_truth.units!.includes('$');
      if (isMoney) expect(decimals(d.answer!)).toBe(2);
      else expect(decimals(d.answer!)).toBeLessThanOrEqual(2);
    }
  });
});

describe('inference.percentages difficulty', () => {
  it('moves from round rates and simple splits to quarter rates, reverse and multi-step problems', () => {
    const draws = (difficulty: number) => Array.from({ length: 400 }, (_, i) => drawPercentInputs(new Rng(`d${difficulty}-${i}`), difficulty, 200));
    const d1 = draws(1);
    const d5 = draws(5);
    for (const p of d1) if ('rate' in p) expect(['10', '20', '25', '50']).toContain(p.rate);
    expect(d1.some((p) => p.task === 'successive' || p.task === 'reverse')).toBe(false);
    expect(draws(4).some((p) => 'rate' in p && p.rate.includes('.'))).toBe(true);
    expect(d5.some((p) => p.task === 'successive' && p.changes.length === 3)).toBe(true);
    expect(d5.some((p) => p.task === 'ratio' && p.minus !== undefined)).toBe(true);
    const parts = (ps: PercentInputs[]) => Math.max(...ps.map((p) => (p.task === 'ratio' ? p.ratio.length : 0)));
    expect(parts(d1)).toBe(2);
    expect(parts(d5)).toBe(4);
  });
});

describe('inference.percentages config', () => {
  it('rejects a bad maxPrice and keeps prices under it', () => {
    expect(() => percentages.validateConfig!({ difficulty: 2, maxPrice: 5 })).toThrow(/maxPrice/);
    for (let i = 0; i < 300; i++) {
      const p = drawPercentInputs(new Rng(`mp${i}`), (i % 5) + 1, 50);
      if ('price' in p) expect(Number(p.price)).toBeLessThanOrEqual(50);
    }
  });
});

describe('inference.percentages items', () => {
  it('verify their own answer, with a $ or % sign too, and reject every near miss', () => {
    for (let i = 0; i < 400; i++) {
      const d = gen(`v${i}`, (i % 5) + 1);
      const t = d.ground_truth;
      expect(verifyAnswer(t, d.answer!).pass).toBe(true);
      const sign = t.units!.includes('$') ? `$${d.answer}` : t.units!.includes('%') ? `${d.answer}%` : d.answer!;
      expect(verifyAnswer(t, sign).pass).toBe(true);
      for (const m of percentages.nearMisses(d, new Rng(`nm${i}`))) {
        if (verifyAnswer(t, m).pass) throw new Error(`near miss '${m}' passes for '${d.answer}'`);
      }
    }
  });

  it('are reproducible', () => {
    expect(gen('same', 5)).toEqual(gen('same', 5));
  });
});

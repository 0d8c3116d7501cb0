import { Rng } from '../../../src/core/rng.js';
import { createSeededFaker } from '../../../src/core/faker.js';
import { loadTemplateSet } from '../../../src/core/render.js';
import { composeUnitProblem, drawUnitInputs, units } from '../../../src/families/inference/units.js';
import * as X from '../../../src/families/inference/util/exact.js';
import { hintsFor } from '../../../src/families/inference/util/unit-math.js';
import { solveUnits, type Amount, type UnitInputs } from '../../../src/families/inference/util/unit-problems.js';
import { verifyAnswer } from '../../../src/verify/answer.js';

const REF = '2025-01-01';
const sf = createSeededFaker(REF);
const templates = loadTemplateSet('inference', 'units');

function gen(seed: string, difficulty = 2) {
  const rng = new Rng(seed);
  sf.use(rng);
  return units.generate({ rng, faker: sf.faker, config: { ...units.defaults, difficulty }, index: 0, refDate: REF, templates, profile: null });
}

/**
 * An independent factor table, written from the SI and US customary definitions (NIST Handbook 44), in metres,
 * kilograms, litres, seconds and bytes, rather than derived from the generator's unit tree.
 */
const SI: Record<string, number> = {
  m: 1, cm: 0.01, mm: 0.001, km: 1000, in: 0.0254, ft: 0.3048, yd: 0.9144, mi: 1609.344, nmi: 1852,
  kg: 1, g: 0.001, mg: 1e-6, t: 1000, lb: 0.45359237, oz: 0.45359237 / 16, st: 0.45359237 * 14,
  L: 1, mL: 0.001, m3: 1000, gal: 3.785411784, qt: 3.785411784 / 4, pt: 3.785411784 / 8, cup: 3.785411784 / 16, floz: 3.785411784 / 128,
  s: 1, min: 60, h: 3600, day: 86400, week: 604800,
  B: 1, bit: 1 / 8, Mbit: 1e6 / 8, Gbit: 1e9 / 8, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3,
  usd: 1,
};
SI.kmh = SI.km! / SI.h!;
SI.mph = SI.mi! / SI.h!;
SI.mps = 1;
SI.fps = SI.ft!;
SI.kn = SI.nmi! / SI.h!;
SI.Mbps = SI.Mbit!;
SI.Gbps = SI.Gbit!;
SI.MBps = SI.MB!;
SI.MiBps = SI.MiB!;
SI['usd-lb'] = 1 / SI.lb!;
SI['usd-kg'] = 1;
SI['usd-oz'] = 1 / SI.oz!;
SI['usd-gal'] = 1 / SI.gal!;
SI['usd-L'] = 1;
SI.mpg = SI.mi! / SI.gal!;
SI.kmpl = SI.km! / SI.L!;

const v = (a: Amount) => Number(a.value);
function celsius(x: number, unit: string): number {
  return unit === 'C' ? x : unit === 'K' ? x - 273.15 : ((x - 32) * 5) / 9;
}
function fromCelsius(c: number, unit: string): number {
  return unit === 'C' ? c : unit === 'K' ? c + 273.15 : (c * 9) / 5 + 32;
}

/** The answer in floating point from the independent table. */
function floatAnswer(p: UnitInputs): number {
  switch (p.kind) {
    case 'convert':
      return (v(p.from) * SI[p.from.unit]!) / SI[p.to]!;
    case 'temperature':
      return fromCelsius(celsius(v(p.from), p.from.unit), p.to);
    case 'total':
      return p.parts.reduce((s, a) => s + v(a) * SI[a.unit]!, 0) / SI[p.to]!;
    case 'cost':
      return v(p.a) * SI[p.a.unit]! * v(p.b) * SI[p.b.unit]!;
    default:
      // travel, download, fuel: a / b, in the asked unit.
      return (v(p.a) * SI[p.a.unit]!) / (v(p.b) * SI[p.b.unit]!) / SI[p.to]!;
  }
}

describe('inference.units answers', () => {
  it('agree with an independent floating-point conversion on 5000 drawn problems', () => {
    for (let i = 0; i < 5000; i++) {
      const p = drawUnitInputs(new Rng(`u${i}`), (i % 5) + 1);
      const exact = X.toNumber(solveUnits(p));
      const f = floatAnswer(p);
      if (Math.abs(exact - f) > 1e-9 * Math.max(1, Math.abs(f))) throw new Error(`${JSON.stringify(p)}: ${exact} != ${f}`);
    }
  });

  it('are the stated rounding of the exact value, with a tolerance of half the last place', () => {
    for (let i = 0; i < 400; i++) {
      const difficulty = (i % 5) + 1;
      const { inputs, places, answer } = composeUnitProblem(new Rng(`r${i}`), difficulty, 3);
      const d = gen(`r${i}`, difficulty);
      expect(d.answer).toBe(answer);
      const text = d.messages[0]!.content;
      expect(text).toContain(places === 0 ? 'to the nearest whole number' : places === 1 ? 'to 1 decimal place' : `to ${places} decimal places`);
      expect(answer.includes('.') ? answer.split('.')[1]!.length : 0).toBe(places);
      expect(d.ground_truth.tolerance).toBeCloseTo(0.5 * 10 ** -places, 12);
      // The canonical answer is within half a unit of the last place of the (independent) exact value.
      expect(Math.abs(Number(answer) - floatAnswer(inputs))).toBeLessThanOrEqual(0.5 * 10 ** -places + 1e-9);
    }
  });

  it('gets hand-worked conversions right', () => {
    const conv = (value: string, from: string, to: string) => X.toNumber(solveUnits({ kind: 'convert', from: { value, unit: from }, to }));
    expect(conv('1', 'mi', 'km')).toBeCloseTo(1.609344, 12);
    expect(conv('12', 'in', 'cm')).toBeCloseTo(30.48, 12);
    expect(conv('1', 'GiB', 'MB')).toBeCloseTo(1073.741824, 9);
    expect(conv('36', 'kmh', 'mps')).toBeCloseTo(10, 12);
    expect(conv('100', 'Mbps', 'MBps')).toBeCloseTo(12.5, 12);
    const temp = (value: string, from: 'C' | 'F' | 'K', to: 'C' | 'F' | 'K') =>
      X.toNumber(solveUnits({ kind: 'temperature', from: { value, unit: from }, to, band: 'lab' }));
    expect(temp('100', 'C', 'F')).toBeCloseTo(212, 12);
    expect(temp('-40', 'F', 'C')).toBeCloseTo(-40, 12);
    expect(temp('0', 'C', 'K')).toBeCloseTo(273.15, 12);
    // 2.675 is not a binary fraction: exact rounding gives 2.68 where (2.675).toFixed(2) gives 2.67.
    expect(X.formatScaled(X.round(X.dec('2.675'), 2).scaled, 2)).toBe('2.68');
    expect(X.round(X.dec('2.675'), 2).tie).toBe(true);
    expect(X.formatScaled(X.round(X.dec('-0.004'), 2).scaled, 2)).toBe('0.00');
  });

  it('states exactly the definitions a conversion needs', () => {
    expect(hintsFor('ft', 'in')).toEqual(['1 ft = 12 in']);
    expect(hintsFor('mi', 'km')).toEqual(['1 mi = 5280 ft', '1 ft = 12 in', '1 in = 2.54 cm']);
    expect(hintsFor('km', 'm')).toEqual([]);
    expect(hintsFor('mph', 'kmh')).toEqual(['1 mi = 5280 ft', '1 ft = 12 in', '1 in = 2.54 cm']);
    // Every conversion between US customary and metric units comes with its definitions.
    let customary = 0;
    for (let i = 0; i < 200; i++) {
      const text = gen(`hint${i}`, 2).messages[0]!.content;
      if (/\b(inch|inches|feet|foot|miles?|pounds?|ounces?|US gallons?|US fl oz|in|ft|mi|lb|oz|gal)\b/.test(text) && /\b(meters?|centimeters?|kilometers?|kilograms?|grams?|liters?|milliliters?|m|cm|km|kg|g|L|mL)\b/.test(text)) {
        customary++;
        expect(text).toMatch(/\b1 [^=]+ = [\d.]+ /);
      }
    }
    expect(customary).toBeGreaterThan(50);
  });
});

describe('inference.units difficulty', () => {
  const kinds = (difficulty: number) => {
    const out = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const k = drawUnitInputs(new Rng(`k${difficulty}-${i}`), difficulty).kind;
      out.set(k, (out.get(k) ?? 0) + 1);
    }
    return out;
  };

  it('moves from single conversions to compound units, sums and multi-step problems', () => {
    expect([...kinds(1).keys()]).toEqual(['convert']);
    expect(kinds(2).has('temperature')).toBe(true);
    expect(kinds(4).get('total')).toBeGreaterThan(50);
    expect(kinds(4).has('travel')).toBe(false);
    const k5 = kinds(5);
    for (const k of ['travel', 'download', 'cost', 'fuel', 'total']) expect(k5.get(k)).toBeGreaterThan(10);
  });

  it('asks for more significant digits from difficulty 3', () => {
    const digits = (difficulty: number) => {
      let sum = 0;
      for (let i = 0; i < 200; i++) sum += gen(`sig${difficulty}-${i}`, difficulty).answer!.replace(/[-.]/g, '').replace(/^0+/, '').length;
      return sum / 200;
    };
    expect(digits(3)).toBeGreaterThan(digits(1));
  });
});

describe('inference.units config', () => {
  it('rejects a bad maxDecimals and honours maxDecimals = 0', () => {
    expect(() => units.validateConfig!({ difficulty: 2, maxDecimals: -1 })).toThrow(/maxDecimals/);
    expect(() => units.validateConfig!({ difficulty: 2, maxDecimals: 7 })).toThrow(/maxDecimals/);
    for (let i = 0; i < 200; i++) {
      const { answer } = composeUnitProblem(new Rng(`md${i}`), (i % 5) + 1, 0);
      // A halfway tie may force one decimal; everything else is whole.
      expect(answer.includes('.') ? answer.split('.')[1]!.length : 0).toBeLessThanOrEqual(1);
    }
  });
});

describe('inference.units items', () => {
  it('verify their own answer, with or without the unit, and reject every near miss', () => {
    for (let i = 0; i < 400; i++) {
      const d = gen(`v${i}`, (i % 5) + 1);
      const t = d.ground_truth;
      expect(verifyAnswer(t, d.answer!).pass).toBe(true);
      expect(verifyAnswer(t, `${d.answer} ${t.units![0]}`).pass).toBe(true);
      expect(verifyAnswer(t, `${d.answer} ${t.units![1]}`).pass).toBe(true);
      for (const m of units.nearMisses(d, new Rng(`nm${i}`))) {
        if (verifyAnswer(t, m).pass) throw new Error(`near miss '${m}' passes for '${d.answer}'`);
      }
    }
  });

  it('are reproducible and read as one problem with one instruction', () => {
    expect(gen('seed-a', 3)).toEqual(gen('seed-a', 3));
    for (let i = 0; i < 100; i++) {
      const text = gen(`t${i}`, (i % 5) + 1).messages[0]!.content;
      expect(text).toMatch(/[Rr]ound/);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });
});

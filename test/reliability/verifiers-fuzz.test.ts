/**
 * The reliability suite's fuzzing: every registered generator's verifier, and the purity gate, on random and
 * adversarial strings. No call may throw, and none may take longer than a bound proportional to its input (a
 * catastrophically backtracking regex would take seconds on the adversarial shapes below). The bound is generous so
 * that a loaded machine does not fail it; exponential behaviour exceeds it by orders of magnitude.
 */
import fc from 'fast-check';
import { GENERATORS } from '../../src/core/registry.js';
import { generatorId } from '../../src/core/generator.js';
import { ItemFactory } from '../../src/core/factory.js';
import { buildRunConfig } from '../../src/run/config.js';
import { verifyItem } from '../../src/verify/dispatch.js';
import { checkPurity } from '../../src/purity/index.js';
import type { Item } from '../../src/core/item.js';

/** Milliseconds a call may take for an input of n characters. */
const bound = (n: number) => 250 + n / 50;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** Shapes that break naive regexes: long runs, nesting, separators, mixed scripts, lone surrogates. */
const adversarial = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.tuple(fc.constantFrom('a', ' ', '*', '#', '\n', '.', ',', '"', '{', '[', '<', '-', '0', 'I ', 'é', '\ud800', '\u0000', '***\n'), fc.integer({ min: 1000, max: 30000 })).map(([s, n]) => s.repeat(n)),
  fc.tuple(fc.constantFrom('{"a":', '[', '<answer>', '\\boxed{', '((', '<<', '**'), fc.integer({ min: 100, max: 3000 })).map(([s, n]) => s.repeat(n) + 'x'),
  fc.array(fc.constantFrom('word', 'P.S.', '***', '\n\n', 'SECTION 1', '*hi*', '- item', 'I love', 'As an AI,', '12,345.6', 'yes', '<confidence>0.5</confidence>'), { maxLength: 300 }).map((a) => a.join(' ')),
);

const PROFILE = 'llama-3.1-8b-instruct';

describe.each(GENERATORS.map((g) => [generatorId(g), g] as const))('%s verifier under fuzzing', (id, def) => {
  const factory = new ItemFactory(buildRunConfig({ count: 3, seed: 'fuzz', family: [id], ...(def.profile ? { profile: PROFILE } : {}), emitWitness: true }));
  const items: Item[] = [0, 1, 2].map((i) => factory.make(i));

  it('never throws and stays within a linear time bound', () => {
    fc.assert(
      fc.property(fc.constantFrom(...items), adversarial, (item, response) => {
        const { value, ms } = timed(() => verifyItem(item, response));
        expect(typeof value.pass).toBe('boolean');
        expect(value.score).toBeGreaterThanOrEqual(0);
        expect(value.score).toBeLessThanOrEqual(1);
        if (ms > bound(response.length)) throw new Error(`${item.id}: ${ms.toFixed(0)} ms on ${response.length} characters (${JSON.stringify(response.slice(0, 40))}...)`);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('never throws on the witness with random damage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...items), fc.integer({ min: 0, max: 10000 }), fc.string({ maxLength: 20 }), (item, at, insert) => {
        const w = item.witness ?? '';
        const k = w.length ? at % w.length : 0;
        expect(() => verifyItem(item, w.slice(0, k) + insert + w.slice(k + 1))).not.toThrow();
      }),
      { numRuns: 60, seed: 12 },
    );
  });
});

describe('the purity gate under fuzzing', () => {
  it('never throws and stays within a linear time bound', () => {
    fc.assert(
      fc.property(adversarial, (text) => {
        const { value, ms } = timed(() => checkPurity(text));
        expect(Array.isArray(value)).toBe(true);
        if (ms > bound(text.length)) throw new Error(`${ms.toFixed(0)} ms on ${text.length} characters`);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});

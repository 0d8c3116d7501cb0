import { confidenceReward, parseProbability, splitConfidence, LOG_FLOOR } from '../../../src/families/confidence/verify.js';
import { verifyItem } from '../../../src/verify/dispatch.js';
import { ItemFactory } from '../../../src/core/factory.js';
import { buildRunConfig } from '../../../src/run/config.js';
import type { ConfidenceVerdict } from '../../../src/families/confidence/verify.js';

const answerItem = (scoring: 'brier' | 'log' = 'brier') => ({
  verifier: 'confidence' as const,
  ground_truth: { verifier: 'answer', ground_truth: { answer: '12', type: 'number' }, tag: 'confidence', scoring },
});

describe('confidence parsing', () => {
  it.each([
    ['0.85', 0.85],
    ['.5', 0.5],
    [' 1 ', 1],
    ['1.00', 1],
    ['0', 0],
    ['85%', 0.85],
    ['100 %', 1],
  ])('%j is %d', (text, value) => {
    expect(parseProbability(text)).toEqual({ value });
  });
  it.each(['1.5', '-0.1', '150%', 'high', '', '0.8 or 0.9'])('%j is not a probability', (text) => {
    expect(parseProbability(text)).toHaveProperty('error');
  });

  it('takes the last tag, and removes a tag on its own last line with its line break', () => {
    expect(splitConfidence('It is 12.\n<confidence>0.9</confidence>', 'confidence')).toEqual({ answer: 'It is 12.', stated: '0.9' });
    expect(splitConfidence('<confidence>0.2</confidence> 12 <confidence>0.7</confidence>\n', 'confidence')).toEqual({ answer: '<confidence>0.2</confidence> 12', stated: '0.7' });
    expect(splitConfidence('12 <confidence>0.7</confidence> (sure)', 'confidence')).toEqual({ answer: '12  (sure)', stated: '0.7' });
    expect(splitConfidence('12 <confidence>0.7', 'confidence')).toEqual({ answer: '12 <confidence>0.7', stated: null });
    expect(splitConfidence('12', 'confidence')).toEqual({ answer: '12', stated: null });
  });
});

describe('proper-scoring rewards (worked by hand)', () => {
  it('Brier: 1 - (c - y)^2', () => {
    expect(confidenceReward(0.8, true, 'brier')).toBeCloseTo(0.96, 12);
    expect(confidenceReward(0.8, false, 'brier')).toBeCloseTo(0.36, 12);
    expect(confidenceReward(1, false, 'brier')).toBe(0);
    expect(confidenceReward(0.5, true, 'brier')).toBe(0.75);
  });
  it('log: ln(p of what happened) from ln(0.001) to 0, mapped onto [0, 1]', () => {
    expect(confidenceReward(1, true, 'log')).toBe(1);
    expect(confidenceReward(0, true, 'log')).toBe(0); // floored at 0.001
    expect(confidenceReward(LOG_FLOOR, true, 'log')).toBeCloseTo(0, 12);
    // 1 + ln(0.5) / ln(1000) = 1 - 0.693147 / 6.907755 = 0.899657
    expect(confidenceReward(0.5, true, 'log')).toBeCloseTo(0.899657, 6);
    expect(confidenceReward(0.9, false, 'log')).toBeCloseTo(1 + Math.log(0.1) / Math.log(1000), 12); // = 2/3
    expect(confidenceReward(0.9, false, 'log')).toBeCloseTo(2 / 3, 12);
  });
});

describe('the confidence verifier', () => {
  it('judges the answer without its tag and scores the stated confidence against that verdict', () => {
    const right = verifyItem(answerItem(), '12\n<confidence>0.9</confidence>') as ConfidenceVerdict;
    expect([right.pass, right.confidence]).toEqual([true, 0.9]);
    expect(right.reward).toBeCloseTo(0.99, 12);
    expect(right.score).toBe(right.reward);
    expect(right.inner.pass).toBe(true);
    const wrong = verifyItem(answerItem(), '13\n<confidence>0.9</confidence>') as ConfidenceVerdict;
    expect(wrong.pass).toBe(false);
    expect(wrong.reward).toBeCloseTo(0.19, 12);
    const humble = verifyItem(answerItem('log'), '12\n<confidence>50%</confidence>') as ConfidenceVerdict;
    expect(humble.reward).toBeCloseTo(0.899657, 6);
  });

  it('makes a missing or malformed confidence a defined outcome: null, a failed check saying why, reward 0', () => {
    const missing = verifyItem(answerItem(), '12') as ConfidenceVerdict;
    expect([missing.pass, missing.confidence, missing.reward]).toEqual([true, null, 0]);
    expect(missing.checks.at(-1)).toEqual({ name: 'confidence', pass: false, detail: 'no <confidence>...</confidence> in the response' });
    const bad = verifyItem(answerItem(), '12\n<confidence>very</confidence>') as ConfidenceVerdict;
    expect([bad.confidence, bad.reward]).toEqual([null, 0]);
    expect(bad.checks.at(-1)!.detail).toMatch(/'very' is not a probability/);
    for (const r of ['', '\u0000', '<confidence>', '<confidence></confidence>', 'x'.repeat(100000)]) expect(() => verifyItem(answerItem(), r)).not.toThrow();
  });

  it('hands an instruction-following verdict the response without the tag line', () => {
    const item = {
      verifier: 'confidence' as const,
      ground_truth: { verifier: 'ifeval', ground_truth: { instruction_id_list: ['startend:end_checker'], kwargs: [{ end_phrase: 'Any other questions?' }] }, tag: 'confidence', scoring: 'brier' },
    };
    expect(verifyItem(item, 'Here it is. Any other questions?\n<confidence>0.6</confidence>').pass).toBe(true);
    expect(verifyItem(item, 'Here it is.\n<confidence>0.6</confidence>').pass).toBe(false);
  });
});

describe('confidence.wrap@1 items', () => {
  it('is left out of default runs and made when named; items carry no target, only a witness', () => {
    expect(Object.keys(buildRunConfig({ count: 10 }).mix).some((id) => id.startsWith('confidence.'))).toBe(false);
    const f = new ItemFactory(buildRunConfig({ count: 60, seed: 'conf', family: ['confidence'], profile: 'llama-3.1-8b-instruct', emitWitness: true }));
    const inner = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const item = f.make(i);
      expect(item.answer).toBeNull();
      expect(item.witness).toMatch(/\n<confidence>1<\/confidence>$/);
      expect(item.messages.at(-1)!.content).toMatch(/<confidence>/);
      const tag = item.meta.tags.find((t) => t.startsWith('inner:'))!;
      expect(tag).toMatch(/^inner:(inference|instruct|selffact)\./);
      inner.add(tag.split('.')[0]!);
    }
    expect([...inner].sort()).toEqual(['inner:inference', 'inner:instruct', 'inner:selffact']);
  });

  it('refuses a config naming a family it cannot wrap', () => {
    expect(() => buildRunConfig({ count: 1, family: ['confidence'], generatorConfig: { 'confidence.wrap@1': { families: ['confidence'] } } })).toThrow(/families must be a non-empty list/);
  });
});

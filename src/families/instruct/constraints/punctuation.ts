/** IFEval group `punctuation:`. No comma: the ASCII comma only (`，` and `、` are allowed, as in the reference). */
import { defineConstraint } from './types.js';

export const noComma = defineConstraint<Record<string, never>>({
  id: 'punctuation:no_comma',
  kwargs: [],
  sample: () => ({}),
  describe(_k, rng) {
    return rng.pick([
      'In your entire response, refrain from the use of any commas.',
      'Do not use any commas in your answer.',
      'Write the reply without a single comma.',
    ]);
  },
  witness: { phase: 'punctuation', apply: (response) => response.split(',').join('') },
  check(response) {
    const i = response.indexOf(',');
    return i < 0 ? { pass: true, detail: 'no comma' } : { pass: false, detail: `comma at offset ${i}` };
  },
});

export const punctuationConstraints = [noComma] as const;

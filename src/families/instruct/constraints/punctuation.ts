/** IFEval group `punctuation:`. No comma: the ASCII comma only (`，` and `、` are allowed, as in the reference). */
import { defineConstraint } from './types.js';

export const noComma = defineConstraint<Record<string, never>>({
  id: 'punctuation:no_comma',
  kwargs: [],
  check(response) {
    const i = response.indexOf(',');
    return i < 0 ? { pass: true, detail: 'no comma' } : { pass: false, detail: `comma at offset ${i}` };
  },
});

export const punctuationConstraints = [noComma] as const;

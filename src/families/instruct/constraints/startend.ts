/**
 * IFEval group `startend:`. End checker: the response, stripped of whitespace and then of double quotes at both ends,
 * lowercased, must end with the stripped, lowercased phrase. Quotation: the stripped response is at least two
 * characters long and starts and ends with `"`.
 */
import { pyLower, pyStrip, pyStripChars } from '../../../text/python.js';
import { defineConstraint, preview } from './types.js';

export const endChecker = defineConstraint<{ end_phrase: string }>({
  id: 'startend:end_checker',
  kwargs: [{ name: 'end_phrase', kind: { type: 'string' } }],
  check(response, { end_phrase }) {
    const value = pyLower(pyStripChars(pyStrip(response), '"'));
    const phrase = pyLower(pyStrip(end_phrase));
    const ok = value.endsWith(phrase);
    return { pass: ok, detail: ok ? `ends with ${preview(phrase)}` : `does not end with ${preview(phrase)}; ends with ${preview(value.slice(-phrase.length - 10))}` };
  },
});

export const quotation = defineConstraint<Record<string, never>>({
  id: 'startend:quotation',
  kwargs: [],
  check(response) {
    const v = pyStrip(response);
    const ok = v.length > 1 && v[0] === '"' && v[v.length - 1] === '"';
    return { pass: ok, detail: ok ? 'wrapped in double quotation marks' : 'not wrapped in double quotation marks' };
  },
});

export const startendConstraints = [endChecker, quotation] as const;

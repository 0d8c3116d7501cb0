/**
 * IFEval group `startend:`. End checker: the response, stripped of whitespace and then of double quotes at both ends,
 * lowercased, must end with the stripped, lowercased phrase. Quotation: the stripped response is at least two
 * characters long and starts and ends with `"`.
 */
import { pyLower, pyStrip, pyStripChars } from '../../../text/python.js';
import { defineConstraint, preview } from './types.js';
import { END_PHRASES } from '../data/filler.js';
import { caseLike } from '../witness-util.js';

export const endChecker = defineConstraint<{ end_phrase: string }>({
  id: 'startend:end_checker',
  kwargs: [{ name: 'end_phrase', kind: { type: 'string' } }],
  sample: (rng) => ({ end_phrase: rng.pick(END_PHRASES) }),
  describe({ end_phrase }, rng) {
    return rng.pick([
      `Finish your response with this exact phrase ${end_phrase} No other words should follow this phrase.`,
      `End your answer with the exact words "${end_phrase}" and nothing after them.`,
      `The last words of your reply must be: ${end_phrase}`,
    ]);
  },
  witness: {
    phase: 'final',
    apply(response, { end_phrase }) {
      const body = pyStrip(response);
      const phrase = caseLike(body, pyStrip(end_phrase));
      // Inside a closing quote: the reference strips double quotes before it compares the end.
      if (body.length > 1 && body.endsWith('"')) return `${body.slice(0, -1)}\n${phrase}"`;
      return `${body}\n${phrase}`;
    },
  },
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
  sample: () => ({}),
  describe(_k, rng) {
    return rng.pick([
      'Wrap your entire response with double quotation marks.',
      'Put the whole answer inside double quotes (").',
      'Your reply must start and end with a double quotation mark.',
    ]);
  },
  witness: { phase: 'wrap', apply: (response) => `"${pyStrip(response)}"` },
  check(response) {
    const v = pyStrip(response);
    const ok = v.length > 1 && v[0] === '"' && v[v.length - 1] === '"';
    return { pass: ok, detail: ok ? 'wrapped in double quotation marks' : 'not wrapped in double quotation marks' };
  },
});

export const startendConstraints = [endChecker, quotation] as const;

/**
 * IFEval group `combination:`. Two responses: the text split on `******` must leave exactly two non-blank parts that
 * differ once stripped, with blank parts allowed only first or last. Repeat prompt: the stripped, lowercased response
 * must start with the stripped, lowercased prompt (anything may follow, even directly).
 */
import { pyLower, pyStrip } from '../../../text/python.js';
import { defineConstraint, preview } from './types.js';
import { caseLike } from '../witness-util.js';

/** One small edit that makes the second of two responses differ from the first. */
const SWAPS: readonly (readonly [string, string])[] = [
  [' the ', ' this '],
  [' The ', ' This '],
  [' THE ', ' THIS '],
];

export const twoResponses = defineConstraint<Record<string, never>>({
  id: 'combination:two_responses',
  kwargs: [],
  sample: () => ({}),
  describe(_k, rng) {
    return rng.pick([
      'Give two different responses. Responses and only responses should be separated by 6 asterisk symbols: ******.',
      'Write two distinct versions of the answer, separated by a line of six asterisks (******).',
      'Provide two alternative responses; put ****** between them and nowhere else.',
    ]);
  },
  witness: {
    phase: 'wrap',
    apply(response, _k, ctx) {
      const first = pyStrip(response);
      let second = first;
      for (const [a, b] of SWAPS) {
        if (second.includes(a)) {
          second = second.replace(a, b);
          break;
        }
      }
      if (second === first) second = `${first} ${ctx.sentences(1)[0]}`;
      return `${first}\n******\n${second}`;
    },
  },
  check(response) {
    const parts = response.split('******');
    const valid: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const stripped = pyStrip(parts[i]!);
      if (stripped) valid.push(stripped);
      else if (i !== 0 && i !== parts.length - 1) return { pass: false, detail: `part ${i + 1} between ****** separators is empty` };
    }
    if (valid.length !== 2) return { pass: false, detail: `found ${valid.length} response(s) separated by ******; required exactly 2` };
    if (valid[0] === valid[1]) return { pass: false, detail: 'the two responses are identical' };
    return { pass: true, detail: 'two different responses separated by ******' };
  },
});

export const repeatPrompt = defineConstraint<{ prompt_to_repeat: string }>({
  id: 'combination:repeat_prompt',
  kwargs: [{ name: 'prompt_to_repeat', kind: { type: 'string', nonEmpty: true }, note: 'the reference requires it' }],
  sample: (_rng, _d, topic) => ({ prompt_to_repeat: topic?.request || 'Write a short note about the schedule.' }),
  describe(_k, rng) {
    return rng.pick([
      'First repeat the request word for word without change, then give your answer (1. do not say any words or characters before repeating the request; 2. the request you need to repeat does not include this sentence)',
      'Before answering, copy the request above exactly as written (without this instruction), then give your answer.',
      'Begin your reply by restating the request verbatim (leave out this sentence), and only then respond.',
    ]);
  },
  witness: {
    phase: 'wrap',
    apply: (response, { prompt_to_repeat }) => `${caseLike(response, pyStrip(prompt_to_repeat))}\n${pyStrip(response)}`,
  },
  check(response, { prompt_to_repeat }) {
    const want = pyLower(pyStrip(prompt_to_repeat));
    const ok = pyLower(pyStrip(response)).startsWith(want);
    return { pass: ok, detail: ok ? 'the response starts with the request, repeated' : `the response does not start with the request ${preview(want)}` };
  },
});

export const combinationConstraints = [twoResponses, repeatPrompt] as const;

/**
 * IFEval group `combination:`. Two responses: the text split on `******` must leave exactly two non-blank parts that
 * differ once stripped, with blank parts allowed only first or last. Repeat prompt: the stripped, lowercased response
 * must start with the stripped, lowercased prompt (anything may follow, even directly).
 */
import { pyLower, pyStrip } from '../../../text/python.js';
import { defineConstraint, preview } from './types.js';

export const twoResponses = defineConstraint<Record<string, never>>({
  id: 'combination:two_responses',
  kwargs: [],
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
  check(response, { prompt_to_repeat }) {
    const want = pyLower(pyStrip(prompt_to_repeat));
    const ok = pyLower(pyStrip(response)).startsWith(want);
    return { pass: ok, detail: ok ? 'the response starts with the request, repeated' : `the response does not start with the request ${preview(want)}` };
  },
});

export const combinationConstraints = [twoResponses, repeatPrompt] as const;

/**
 * followInstructions remembers its last call (the generator checks a witness and the engine checks the same item
 * again). The memo must answer only an identical question: same response, same constraints, same kwargs values.
 */
import { followInstructions, parseIfevalTruth, verifyIfeval } from '../../../src/families/instruct/ifeval.js';

describe('the last-call memo of followInstructions', () => {
  const truth = (frequency: number) => ({
    instruction_id_list: ['keywords:frequency'],
    kwargs: [{ keyword: 'apple', frequency, relation: 'at least' }],
  });
  const text = 'An apple a day. Another apple.'; // "apple" twice (checked by hand)

  it('recomputes when the same kwargs object changes between calls', () => {
    const parsed = parseIfevalTruth(truth(2));
    expect(followInstructions(parsed, text)[0]!.strict).toBe(true);
    (parsed[0]!.kwargs as { frequency: number }).frequency = 3;
    expect(followInstructions(parsed, text)[0]!.strict).toBe(false);
  });

  it('recomputes for another response or other kwargs, and repeats the answer for the same ones', () => {
    expect(verifyIfeval(truth(2), text).pass).toBe(true);
    expect(verifyIfeval(truth(3), text).pass).toBe(false);
    expect(verifyIfeval(truth(3), `${text} One more apple.`).pass).toBe(true);
    expect(verifyIfeval(truth(3), `${text} One more apple.`).pass).toBe(true);
    expect(verifyIfeval(truth(3), text).pass).toBe(false);
  });

  it('hands out copies: changing a returned result does not change the next answer', () => {
    const parsed = parseIfevalTruth(truth(2));
    const first = followInstructions(parsed, text);
    first[0]!.strict = false;
    first[0]!.detail = 'changed';
    const again = followInstructions(parsed, text);
    expect(again[0]!.strict).toBe(true);
    expect(again[0]!.detail).not.toBe('changed');
  });
});

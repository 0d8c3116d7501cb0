import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../../src/core/paths.js';
import { ifevalFollow } from '../../../src/families/instruct/ifeval.js';

interface Golden {
  about: string;
  cases: { id: string; kwargs: Record<string, unknown>; response: string; strict: boolean; loose: boolean }[];
}
const golden = JSON.parse(
  fs.readFileSync(path.join(PACKAGE_ROOT, 'test', 'families', 'instruct', 'fixtures', 'reference-semantics-golden.json'), 'utf8'),
) as Golden;

// Verdicts computed outside this project (see the fixture's `about`): random responses built from the very markers
// each instruction reads, so that thresholds, empty parts and odd whitespace are all exercised.
describe('reference semantics on generated responses', () => {
  const ids = [...new Set(golden.cases.map((c) => c.id))];
  it.each(ids)('%s: strict and loose verdicts agree with the reference', (id) => {
    const bad = golden.cases
      .filter((c) => c.id === id)
      .map((c) => {
        const got = ifevalFollow({ instruction_id_list: [c.id], kwargs: [c.kwargs] }, c.response);
        return { kwargs: c.kwargs, response: c.response, want: [c.strict, c.loose], got: [got.strict[0], got.loose[0]] };
      })
      .filter((r) => r.want[0] !== r.got[0] || r.want[1] !== r.got[1]);
    expect(bad).toEqual([]);
  });
});

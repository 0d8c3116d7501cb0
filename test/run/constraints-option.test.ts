/**
 * `--constraints` (RunOptions.constraints) picks the constraint set of every generator that draws constraints: it
 * lands in the run config (and so in the fingerprint), a generator's own config wins over it, items follow it, and a
 * run without such a generator refuses it rather than ignoring it.
 */
import { UsageError } from '../../src/core/errors.js';
import { ItemFactory } from '../../src/core/factory.js';
import { buildRunConfig, fingerprint } from '../../src/run/config.js';

const ID = 'instruct.ifeval@1';

function idsOf(config: ReturnType<typeof buildRunConfig>, n = 120): string[] {
  const f = new ItemFactory(config);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(...(f.make(i).ground_truth as { instruction_id_list: string[] }).instruction_id_list);
  return ids;
}

test.each([
  ['ifeval', (id: string) => !id.startsWith('verigen:')],
  ['extended', (id: string) => id.startsWith('verigen:')],
] as const)('--constraints %s: in the run config, and every drawn constraint is from that set', (set, belongs) => {
  const config = buildRunConfig({ count: 120, family: ['instruct'], constraints: set });
  expect(config.generator_config[ID]?.constraints ?? 'ifeval').toBe(set);
  const ids = idsOf(config);
  expect(ids.length).toBeGreaterThan(120);
  expect(ids.filter((id) => !belongs(id))).toEqual([]);
});

test('--constraints all draws from both sets, and changes the fingerprint', () => {
  const all = buildRunConfig({ count: 120, family: ['instruct'], constraints: 'all' });
  const ids = idsOf(all);
  expect(ids.some((id) => id.startsWith('verigen:'))).toBe(true);
  expect(ids.some((id) => !id.startsWith('verigen:'))).toBe(true);
  expect(fingerprint(all)).not.toBe(fingerprint(buildRunConfig({ count: 120, family: ['instruct'] })));
});

test("a generator's own config wins over --constraints", () => {
  const config = buildRunConfig({ count: 10, family: ['instruct'], constraints: 'all', generatorConfig: { [ID]: { constraints: 'extended' } } });
  expect(config.generator_config[ID]?.constraints).toBe('extended');
});

test('a run without a generator that draws constraints refuses --constraints; a bad set is refused', () => {
  expect(() => buildRunConfig({ count: 10, family: ['inference'], constraints: 'all' })).toThrow(UsageError);
  expect(() => buildRunConfig({ count: 10, family: ['instruct'], constraints: 'some' })).toThrow(/constraints must be one of ifeval, extended, all/);
});

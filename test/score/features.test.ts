/**
 * The feature extractor against its reference (test/score/features-reference.ts, the first implementation of feature
 * version 1): the same bucket indices and values in the same order, on real items of every family and on junk.
 * Identical features mean bit-identical predictions, so a model fit before the extractor changed still applies.
 */
import { FeatureExtractor } from '../../src/score/features.js';
import { readJsonLines, sourceFiles } from '../../src/shards/reader.js';
import { tmpDir, verigen } from '../helpers/cli.js';
import { ReferenceExtractor } from './features-reference.js';

function features(fx: { extract(item: object): number; idx: Int32Array; val: Float32Array }, item: object): { idx: number[]; val: number[] } {
  const n = fx.extract(item);
  return { idx: Array.from(fx.idx.subarray(0, n)), val: Array.from(fx.val.subarray(0, n)) };
}

/** A small seeded generator for the junk below (xorshift32; the test must not depend on Math.random). */
function junkMaker(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
  // Letters (ASCII both cases, Latin-1, Greek, CJK), digit runs, punctuation, spaces, tabs, CR, LF, a lone surrogate.
  const pieces = ['word', 'Word', 'WORD', 'café', 'Ωμέγα', '漢字', '7', '42', '1234567890123456789012345678901', ' ', '  ', '\t', '\r\n', '\n', '.', ',', '|', '-', '```', '\ud800', '\u0000', 'x'.repeat(70)];
  const text = () => Array.from({ length: int(40) }, () => pick(pieces)).join('');
  const scalar = (): unknown => pick([text(), int(100) - 50, int(21) - 10, 3.5, -0, 1e300, -1e-9, true, false, null, undefined, '', 'x'.repeat(40), [1, 2, 3], { a: 1 }]);
  const sparse = () => {
    const a: unknown[] = ['length_constraints:number_words'];
    a[2] = 'punctuation:no_comma';
    return a;
  };
  return (): Record<string, unknown> => ({
    family: pick(['instruct', 'inference', 7, null, undefined]),
    generator: pick(['inference.dates@1', 'instruct.ifeval@1', '', 3, undefined]),
    template: pick(['a/b.c', text(), undefined]),
    verifier: pick(['answer', 'ifeval', {}, undefined]),
    meta: pick([{ tags: [text(), 'tag', 5, null, 'y'.repeat(100)] }, { tags: 'no' }, null, 'meta', { tags: [] }, undefined]),
    ground_truth: pick([
      { answer: text(), type: 'number', tolerance: scalar(), units: ['a', 'b'], extra: scalar(), '7': scalar() },
      { instruction_id_list: ['change_case:english_lowercase', 9, 'detectable_format:title'], kwargs: [{ n: 3, relation: 'at least', x: null, big: 1e9, neg: -2.5 }, null, { s: text() }] },
      { instruction_id_list: sparse(), kwargs: [{ k: scalar() }] },
      { instruction_id_list: 'no', kwargs: 'no' },
      [1, 2],
      'gt',
      null,
    ]),
    answer: pick([text(), '42', ' -7 ', '3.25', '2024-02-29', 'YES', 'one two three four five', 'Paris', 12, null, undefined, 'z'.repeat(250)]),
    messages: pick([
      [{ role: 'user', content: text() }],
      [{ role: 'system', content: text() }, { role: 'user', content: text() }, { role: 'assistant', content: text() }],
      [null, 5, { role: 1, content: text() }, { content: 7 }, { role: 'user' }, {}],
      Array.from({ length: 20 }, () => ({ role: 'user', content: text() })),
      [],
      'messages',
      undefined,
    ]),
  });
}

describe('feature extractor', () => {
  it('gives the reference features on items of every family', async () => {
    const run = tmpDir();
    expect(verigen(['generate', '--count', '300', '--seed', '11', '--shard-size', '300', '--out', run, '--quiet']).status).toBe(0);
    const fast = new FeatureExtractor();
    const ref = new ReferenceExtractor(1 << 18);
    let n = 0;
    const families = new Set<unknown>();
    for await (const { value } of readJsonLines(sourceFiles(run).files)) {
      families.add(value.family);
      expect(features(fast, value)).toEqual(features(ref, value));
      n++;
    }
    expect(n).toBe(300);
    expect(families.size).toBeGreaterThanOrEqual(4); // the mix covers instruction kwargs, ground truths, several turns
  });

  it('gives the reference features on junk, with any bucket count, reusing one extractor', () => {
    const next = junkMaker(12345);
    for (const buckets of [2, 1 << 10, 1 << 18, 1 << 30]) {
      const fast = new FeatureExtractor(buckets);
      const ref = new ReferenceExtractor(buckets);
      for (let i = 0; i < 400; i++) {
        const item = next();
        expect(features(fast, item)).toEqual(features(ref, item));
      }
    }
  });

  it('grows its buffers for a huge prompt and still matches', () => {
    const item = { generator: 'g', messages: [{ role: 'user', content: 'a, '.repeat(5000) }, { role: 'user', content: '1 b '.repeat(3000) }] };
    const fast = new FeatureExtractor(1 << 12);
    const f = features(fast, item);
    expect(f).toEqual(features(new ReferenceExtractor(1 << 12), item));
    // By hand: 11 structural features (fam, gen, tmpl, ver, atype, alen, plen, nmsg, three crosses; no tags, ground
    // truth or answer digits), and 2 role tokens + 10,000 + 6,000 content tokens: a unigram each, a bigram for all but one.
    expect(f.idx.length).toBe(11 + 2 * 16002 - 1);
  });
});

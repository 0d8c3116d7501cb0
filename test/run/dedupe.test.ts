/** --dedupe keeps exactly the first item of each distinct conversation, the same way whatever the workers and shards. */
import { conversationText } from '../../src/core/item.js';
import { readManifestJson, runData, tmpDir, verigen } from '../helpers/cli.js';

// Static self-facts about one profile repeat by design: a small run is sure to hold duplicates.
const ARGS = ['generate', '--count', '500', '--seed', '8', '--family', 'selffact.static', '--profile', 'llama-3.1-8b-instruct', '--compress', 'none', '--quiet'];

describe('dedupe', () => {
  it('drops exactly the later repeats, deterministically', () => {
    const plain = tmpDir();
    expect(verigen([...ARGS, '--out', plain]).status).toBe(0);
    const all = runData(plain).trim().split('\n').map((l) => JSON.parse(l));
    const seen = new Set<string>();
    const firsts = all.filter((it) => {
      const key = conversationText(it);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const duplicates = all.length - firsts.length;
    expect(duplicates).toBeGreaterThan(10); // otherwise this test would prove nothing
    const stats = readManifestJson(plain).stats;
    expect(stats.duplicate_prompts).toBe(duplicates);
    expect(stats.unique_prompts).toBe(firsts.length);

    const one = tmpDir();
    const two = tmpDir();
    expect(verigen([...ARGS, '--out', one, '--dedupe', '--workers', '1', '--shard-size', '500']).status).toBe(0);
    expect(verigen([...ARGS, '--out', two, '--dedupe', '--workers', '2', '--shard-size', '77']).status).toBe(0);
    const kept = runData(one);
    expect(kept).toBe(firsts.map((it) => JSON.stringify(it) + '\n').join(''));
    expect(runData(two)).toBe(kept);
    const s1 = readManifestJson(one).stats;
    expect(s1).toMatchObject({ items: firsts.length, unique_prompts: firsts.length, duplicate_prompts: 0, dropped_duplicates: duplicates, unique_prompt_ratio: 1 });
    expect(readManifestJson(two).stats).toEqual(s1);
  });

  it('cannot be combined with a process split', () => {
    const r = verigen([...ARGS, '--out', tmpDir(), '--dedupe', '--num-shards', '2', '--shard-index', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--dedupe needs the whole run in one process/);
  });
});

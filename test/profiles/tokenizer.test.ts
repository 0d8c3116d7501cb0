/**
 * Token counts with a real tokenizer.json through @huggingface/tokenizers, on the tiny BPE tokenizer the test
 * writes. Each count was worked by hand from the merge ranks (see tiny-tokenizer.ts):
 *   "low"    l o w → (l o) lo w → (lo w) low                                  → 1 token
 *   "lower"  l o w e r → lo w e r → low e r → low er → (low er) lower         → 1 token
 *   "newest" n e w e s t → ne w e s t → new e s t → new es t → new est        → 2 tokens
 *   "wit"    no pair of w, i, t has a merge                                    → 3 tokens
 *   "!"      one pre-token, in the vocabulary                                  → 1 token
 * The post-processor would add "<s>"; counts leave special tokens out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTokenizer, tokenCounterFor } from '../../src/profiles/tokenizer.js';
import { writeTinyTokenizer } from './tiny-tokenizer.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verigen-tok-'));
const file = writeTinyTokenizer(dir);

describe('token counts', () => {
  const tok = loadTokenizer(file);

  it.each<[string, number]>([
    ['low', 1],
    ['lower', 1],
    ['newest', 2],
    ['wit', 3],
    ['!', 1],
    ['low lower newest!', 5],
    ['lower  lower\nlow', 3],
    ['', 0],
  ])('%j has %i tokens', (text, n) => {
    expect(tok.count(text)).toBe(n);
  });

  it('splits as the merges say', () => {
    expect(tok.tokens('newest lower')).toEqual(['new', 'est', 'lower']);
  });

  it('loads a file once per process', () => {
    expect(loadTokenizer(file)).toBe(tok);
  });

  it('gives no counter for a profile without a tokenizer file', () => {
    expect(tokenCounterFor(null)).toBeNull();
    expect(tokenCounterFor({ name: 'x', identity: {} })).toBeNull();
    expect(tokenCounterFor({ name: 'x', identity: {}, tokenizer: { file } })).toBe(tok);
  });

  it('names the file when it is missing or not a tokenizer', () => {
    expect(() => loadTokenizer(path.join(dir, 'nope.json'))).toThrow(/tokenizer file .*nope\.json cannot be read: ENOENT/);
    const junk = path.join(dir, 'junk.json');
    fs.writeFileSync(junk, '{"hello": 1}');
    expect(() => loadTokenizer(junk)).toThrow(/junk\.json is not a Hugging Face tokenizer\.json/);
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"model": ');
    expect(() => loadTokenizer(broken)).toThrow(/broken\.json is not valid JSON/);
  });
});

/**
 * A tiny BPE tokenizer.json written by the tests (no model's tokenizer is shipped: their licenses and sizes do not
 * fit a test fixture). Eight merges over a dozen characters, with a whitespace pre-tokenizer and a BOS
 * post-processor, so that counts can be worked out by hand.
 */
import fs from 'node:fs';
import path from 'node:path';

const CHARS = ['l', 'o', 'w', 'e', 'r', 'n', 's', 't', 'i', 'd', 'h', '!'];
/** In rank order: the BPE model applies the lowest-ranked pair present first. */
export const MERGES = ['l o', 'lo w', 'e r', 'low er', 'n e', 'ne w', 'e s', 'es t'];

export function tinyTokenizerJson(): Record<string, unknown> {
  const vocab: Record<string, number> = { '<s>': 0, '<unk>': 1 };
  for (const c of CHARS) vocab[c] = Object.keys(vocab).length;
  for (const m of MERGES) vocab[m.replace(' ', '')] = Object.keys(vocab).length;
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: 0, content: '<s>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: null,
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }],
      special_tokens: { '<s>': { id: '<s>', ids: [0], tokens: ['<s>'] } },
    },
    decoder: null,
    model: { type: 'BPE', dropout: null, unk_token: '<unk>', continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, vocab, merges: MERGES },
  };
}

/** Writes the tokenizer into `dir` and returns its path. */
export function writeTinyTokenizer(dir: string): string {
  const file = path.join(dir, 'tokenizer.json');
  fs.writeFileSync(file, JSON.stringify(tinyTokenizerJson()));
  return file;
}

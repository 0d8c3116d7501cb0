/**
 * Token counts with a profile's real tokenizer, read from a local Hugging Face tokenizer.json by
 * @huggingface/tokenizers (pure JavaScript, no network, no native code). A tokenizer_config.json beside the file is
 * passed along when present. One tokenizer per file per process: loading a 128k-entry vocabulary takes seconds.
 *
 * A count is the number of tokens of the text itself, without the special tokens (BOS, chat markers) a post-processor
 * would add; prompts that ask for token counts say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import type { Profile } from './types.js';

export interface TokenCounter {
  /** Absolute path of the tokenizer.json. */
  readonly file: string;
  count(text: string): number;
  /** The tokens as strings (for tests and for explaining a count). */
  tokens(text: string): string[];
}

const cache = new Map<string, TokenCounter>();

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${what} ${file} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what} ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Loads (once per process) the tokenizer at `file`; throws an Error naming the file when it is missing or malformed. */
export function loadTokenizer(file: string): TokenCounter {
  const abs = path.resolve(file);
  const hit = cache.get(abs);
  if (hit) return hit;
  const json = readJson(abs, 'tokenizer file');
  if (json === null || typeof json !== 'object' || !('model' in json)) {
    throw new Error(`tokenizer file ${abs} is not a Hugging Face tokenizer.json (no "model" field)`);
  }
  const configFile = path.join(path.dirname(abs), 'tokenizer_config.json');
  const config = fs.existsSync(configFile) ? readJson(configFile, 'tokenizer config') : {};
  let tok: Tokenizer;
  try {
    tok = new Tokenizer(json as object, (config ?? {}) as object);
  } catch (e) {
    throw new Error(`tokenizer file ${abs} could not be loaded: ${(e as Error).message}`);
  }
  const counter: TokenCounter = {
    file: abs,
    count: (text) => (text === '' ? 0 : tok.tokenize(text, { add_special_tokens: false }).length),
    tokens: (text) => (text === '' ? [] : tok.tokenize(text, { add_special_tokens: false })),
  };
  cache.set(abs, counter);
  return counter;
}

/** The profile's token counter, or null when the profile names no tokenizer file (then no token questions). */
export function tokenCounterFor(profile: Profile | null | undefined): TokenCounter | null {
  const file = profile?.tokenizer?.file;
  return file === undefined ? null : loadTokenizer(file);
}

/**
 * A profile from a Hugging Face config.json (and optionally its tokenizer.json). Only what the files say goes in,
 * each fact sourced to the file and key it came from; everything else stays absent (no parameter count, no
 * developer, no knowledge cutoff, no deployment: a config does not say them).
 *
 * Keys read (llama, qwen2, mistral, gemma2, olmo2, mixtral, qwen2_moe, olmoe and the like): num_hidden_layers,
 * hidden_size, num_attention_heads, num_key_value_heads, head_dim, intermediate_size, vocab_size, rope_theta (or
 * rope_parameters.rope_theta), max_position_embeddings, num_local_experts / num_experts / n_routed_experts,
 * num_experts_per_tok, tie_word_embeddings, sliding_window (unless use_sliding_window is false). Multimodal configs
 * are read from their text_config.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Fact, Profile } from './types.js';
import { ProfileError, validateProfile } from './validate.js';

export interface FromHfOptions {
  /** Shown in errors and in every fact's source; defaults to "config.json". */
  configFile?: string;
  tokenizerFile?: string;
  /** The profile id; defaults to a slug of `_name_or_path`, else of the config's folder name. */
  name?: string;
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function slug(s: string): string {
  const last = s.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  return last.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 100);
}

/** Reads a positive integer key; a present key of the wrong type is an error naming file and key. */
function intKey(cfg: Json, key: string, file: string, prefix: string): number | undefined {
  const v = cfg[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new ProfileError(file, `${prefix}${key}`, `must be a positive integer, got ${JSON.stringify(v)}`);
  }
  return v;
}

function numKey(cfg: Json, key: string, file: string, prefix: string): number | undefined {
  const v = cfg[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new ProfileError(file, `${prefix}${key}`, `must be a positive number, got ${JSON.stringify(v)}`);
  }
  return v;
}

const MODEL_KINDS: Readonly<Record<string, string>> = { BPE: 'BPE', Unigram: 'Unigram', WordPiece: 'WordPiece', WordLevel: 'WordLevel' };

/** Whether a tokenizer.json component (or a Sequence of them) contains a component of `type`. */
function hasComponent(node: unknown, type: string): boolean {
  if (!isObject(node)) return false;
  if (node.type === type) return true;
  for (const key of ['pretokenizers', 'decoders', 'normalizers', 'processors']) {
    const list = node[key];
    if (Array.isArray(list) && list.some((n) => hasComponent(n, type))) return true;
  }
  return false;
}

function tokenizerFacts(tok: unknown, cfg: Json, file: string, configFile: string): NonNullable<Profile['tokenizer']> {
  if (!isObject(tok) || !isObject(tok.model)) throw new ProfileError(file, 'model', 'is missing: not a Hugging Face tokenizer.json');
  const out: NonNullable<Profile['tokenizer']> = { file };
  const modelType = tok.model.type;
  if (typeof modelType === 'string' && MODEL_KINDS[modelType]) {
    const byteLevel = hasComponent(tok.pre_tokenizer, 'ByteLevel') || hasComponent(tok.decoder, 'ByteLevel');
    const kind = byteLevel && modelType === 'BPE' ? 'byte-level BPE' : MODEL_KINDS[modelType]!;
    out.kind = { value: kind, source: `${file}: model.type${byteLevel ? ' and the ByteLevel pre-tokenizer/decoder' : ''}` };
  }
  // Special tokens by role, from the config's token ids looked up among the tokenizer's added tokens.
  const added = Array.isArray(tok.added_tokens) ? tok.added_tokens.filter(isObject) : [];
  const byId = new Map<number, string>();
  for (const t of added) if (typeof t.id === 'number' && typeof t.content === 'string') byId.set(t.id, t.content);
  const special: Record<string, string> = {};
  for (const role of ['bos', 'eos', 'pad'] as const) {
    const raw = cfg[`${role}_token_id`];
    const id = Array.isArray(raw) ? raw[0] : raw;
    if (typeof id === 'number' && byId.has(id)) special[role] = byId.get(id)!;
  }
  if (Object.keys(special).length > 0) {
    out.special_tokens = { value: special, source: `${configFile}: bos/eos/pad_token_id, looked up in ${file}: added_tokens` };
  }
  return out;
}

/**
 * Builds a profile from parsed config.json (and tokenizer.json) contents. Throws a ProfileError naming the file and
 * key when a value has the wrong type or the facts contradict each other.
 */
export function profileFromHfConfig(configJson: unknown, tokenizerJson?: unknown, options: FromHfOptions = {}): Profile {
  const file = options.configFile ?? 'config.json';
  if (!isObject(configJson)) throw new ProfileError(file, '(root)', 'must be a JSON object');
  let cfg = configJson;
  let prefix = '';
  if (cfg.num_hidden_layers === undefined && isObject(cfg.text_config)) {
    cfg = cfg.text_config;
    prefix = 'text_config.';
  }
  const src = (key: string) => `${file}: ${prefix}${key}`;
  const fact = <T>(value: T | undefined, key: string): Fact<T> | undefined => (value === undefined ? undefined : { value, source: src(key) });

  const nameSource = typeof configJson._name_or_path === 'string' && configJson._name_or_path !== '' ? configJson._name_or_path : undefined;
  const name = options.name ?? slug(nameSource ?? path.basename(path.dirname(path.resolve(file))));
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
    throw new ProfileError(file, '_name_or_path', `gives no usable profile name (${JSON.stringify(name)}); pass a name`);
  }

  const arch: NonNullable<Profile['architecture']> = {};
  const put = <K extends keyof typeof arch>(k: K, f: (typeof arch)[K] | undefined) => {
    if (f !== undefined) arch[k] = f;
  };
  put('layers', fact(intKey(cfg, 'num_hidden_layers', file, prefix), 'num_hidden_layers'));
  put('hidden_size', fact(intKey(cfg, 'hidden_size', file, prefix), 'hidden_size'));
  put('attention_heads', fact(intKey(cfg, 'num_attention_heads', file, prefix), 'num_attention_heads'));
  put('kv_heads', fact(intKey(cfg, 'num_key_value_heads', file, prefix), 'num_key_value_heads'));
  put('head_dim', fact(intKey(cfg, 'head_dim', file, prefix), 'head_dim'));
  put('ffn_size', fact(intKey(cfg, 'intermediate_size', file, prefix), 'intermediate_size'));
  put('context_length', fact(intKey(cfg, 'max_position_embeddings', file, prefix), 'max_position_embeddings'));
  let theta = numKey(cfg, 'rope_theta', file, prefix);
  let thetaKey = 'rope_theta';
  if (theta === undefined && isObject(cfg.rope_parameters)) {
    theta = numKey(cfg.rope_parameters, 'rope_theta', file, `${prefix}rope_parameters.`);
    thetaKey = 'rope_parameters.rope_theta';
  }
  if (theta !== undefined) {
    // A RoPE base in the config is what says the model uses rotary position embeddings.
    arch.positional_encoding = { value: 'RoPE', source: src(thetaKey) };
    arch.rope_theta = { value: theta, source: src(thetaKey) };
  }
  for (const key of ['num_local_experts', 'num_experts', 'n_routed_experts']) {
    const n = intKey(cfg, key, file, prefix);
    if (n !== undefined) {
      arch.experts = { value: n, source: src(key) };
      break;
    }
  }
  put('experts_per_token', fact(intKey(cfg, 'num_experts_per_tok', file, prefix), 'num_experts_per_tok'));
  if (typeof cfg.tie_word_embeddings === 'boolean') arch.tied_embeddings = { value: cfg.tie_word_embeddings, source: src('tie_word_embeddings') };
  if (cfg.use_sliding_window !== false) put('sliding_window', fact(intKey(cfg, 'sliding_window', file, prefix), 'sliding_window'));

  const profile: Profile = { name, identity: {} };
  if (nameSource !== undefined) profile.identity.display_name = { value: nameSource, source: `${file}: _name_or_path` };
  if (Object.keys(arch).length > 0) profile.architecture = arch;
  let tokenizer: NonNullable<Profile['tokenizer']> | undefined;
  if (tokenizerJson !== undefined) tokenizer = tokenizerFacts(tokenizerJson, cfg, options.tokenizerFile ?? 'tokenizer.json', file);
  const vocab = intKey(cfg, 'vocab_size', file, prefix);
  if (vocab !== undefined) {
    tokenizer ??= {};
    tokenizer.vocab_size = { value: vocab, source: src('vocab_size'), note: 'rows of the embedding matrix' };
  }
  if (tokenizer !== undefined) profile.tokenizer = tokenizer;
  return validateProfile(profile, file);
}

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ProfileError(file, '(file)', `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ProfileError(file, '(file)', `is not valid JSON: ${(e as Error).message}`);
  }
}

/** The file-reading form the CLI calls: `verigen profile from-hf CONFIG.json [--tokenizer tokenizer.json]`. */
export function profileFromHfFiles(configFile: string, tokenizerFile?: string, name?: string): Profile {
  const config = readJsonFile(configFile);
  const tokenizer = tokenizerFile === undefined ? undefined : readJsonFile(tokenizerFile);
  return profileFromHfConfig(config, tokenizer, { configFile, tokenizerFile, name });
}

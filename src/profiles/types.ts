/**
 * A model profile: the facts about one target model, each with where it came from. It is the only source of
 * self-fact answers (DESIGN.md principle 4), so a fact that no source gives stays absent: a generator never asks
 * about it. `schemas/profile.schema.json` is the source of truth for the file format; these types mirror it.
 */

/** One fact: its value and the place it was read from (a URL, or "config.json of <repo>@<revision or date>"). */
export interface Fact<T> {
  value: T;
  source: string;
  /** Why the value is what it is when the source needs reading with care (e.g. a config default vs. the card). */
  note?: string;
}

/** Names a model answers to, from the broadest to the most specific. */
export interface Aliases {
  /** "Llama", "Qwen". */
  family?: string[];
  /** "Llama 3.1", "Qwen2.5". */
  class?: string[];
  /** "Llama-3.1-8B-Instruct", "Meta-Llama-3.1-8B-Instruct". */
  version?: string[];
}

export interface Identity {
  display_name?: Fact<string>;
  aliases?: Fact<Aliases>;
  developer?: Fact<string>;
  /** ISO date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
  release_date?: Fact<string>;
  license?: Fact<string>;
  open_weights?: Fact<boolean>;
}

export interface Architecture {
  total_parameters?: Fact<number>;
  /** Parameters used per token (mixture-of-experts models); at most total_parameters. */
  active_parameters?: Fact<number>;
  layers?: Fact<number>;
  hidden_size?: Fact<number>;
  attention_heads?: Fact<number>;
  kv_heads?: Fact<number>;
  head_dim?: Fact<number>;
  ffn_size?: Fact<number>;
  /** "RoPE", "ALiBi", "learned absolute", ... */
  positional_encoding?: Fact<string>;
  rope_theta?: Fact<number>;
  /** Maximum sequence length in tokens. */
  context_length?: Fact<number>;
  /** Experts per mixture-of-experts layer, and how many of them each token is routed to. */
  experts?: Fact<number>;
  experts_per_token?: Fact<number>;
  tied_embeddings?: Fact<boolean>;
  sliding_window?: Fact<number>;
}

export interface TokenizerInfo {
  /** "byte-level BPE", "SentencePiece BPE", "WordPiece", ... */
  kind?: Fact<string>;
  vocab_size?: Fact<number>;
  /** Role → token text: {"bos": "<|begin_of_text|>", "eos": "<|eot_id|>"}. */
  special_tokens?: Fact<Record<string, string>>;
  /** The name of the chat format ("llama3", "chatml", ...). */
  chat_template?: Fact<string>;
  /** A local Hugging Face tokenizer.json, relative to the profile file (resolved to an absolute path on load). */
  file?: string;
}

export interface Modalities {
  input: string[];
  output: string[];
}

export interface Training {
  /** ISO date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
  knowledge_cutoff?: Fact<string>;
  /** In order: "pretraining", "supervised fine-tuning", "DPO", ... */
  stages?: Fact<string[]>;
  modalities?: Fact<Modalities>;
  /** Pretraining tokens. */
  training_tokens?: Fact<number>;
}

/**
 * How the model is run. For a raw open-weights model these are whatever the profile's author sets for the
 * deployment the data is meant for, so they are always explicit facts with the author as their source.
 */
export interface Deployment {
  /** Tool names available in the deployment; [] for none. */
  tools?: Fact<string[]>;
  /** Whether anything persists between conversations. */
  memory?: Fact<boolean>;
  browsing?: Fact<boolean>;
}

export interface Profile {
  /** The profile's id: `[a-z0-9][a-z0-9._-]*`, the file name without `.json` for shipped profiles. */
  name: string;
  description?: string;
  identity: Identity;
  architecture?: Architecture;
  tokenizer?: TokenizerInfo;
  training?: Training;
  deployment?: Deployment;
}

/** The section names, in file order (used by error messages and by the facts catalogue). */
export const PROFILE_SECTIONS = ['identity', 'architecture', 'tokenizer', 'training', 'deployment'] as const;

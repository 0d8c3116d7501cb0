/**
 * The catalogue of static self-facts: where each fact lives in a profile, how it is asked (several phrasings), how
 * the answer is said (a sentence with one slot), its tolerance, and the wrong values that make distractors. Data
 * apart from logic: static.ts only draws from here. `{v}` in a sentence is the value; `{n}` in a threshold
 * question is the threshold.
 */
import type { Profile } from '../../profiles/types.js';

interface SpecBase {
  /** The profile field asked about ("architecture.layers"), or a derived fact ("derived.gqa_group"). */
  id: string;
  /** Asked from this difficulty on. */
  minDifficulty: number;
  questions: readonly string[];
}

export interface CountSpec extends SpecBase {
  kind: 'count';
  get(p: Profile): number | undefined;
  /** The answer sentence; {v} is the value as written. */
  say: string;
  /** Relative tolerance (parameter and token counts, context lengths); exact otherwise. */
  rel?: number;
  /** Large counts said in billions/trillions; thresholds and distractors are drawn in those units. */
  scale?: 'params' | 'tokens';
  /** Distractors and thresholds round to this step (64 for widths). */
  step?: number;
  more: string;
  fewer: string;
  /** A unit conversion asked from difficulty 4: the question and the divisor ("in millions" → 1e6). */
  inUnits?: { question: string; divisor: number; say: string };
}

export interface TextSpec extends SpecBase {
  kind: 'text';
  get(p: Profile): string | undefined;
  say: string;
  /** Other spellings of a value that are the same answer, keyed by the folded value. */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Wrong values, for rejection and for multiple-choice distractors. */
  pool: readonly string[];
  /** Extra accepted names computed from the profile (aliases for a model name). */
  alsoAccept?(p: Profile): string[];
}

export interface BoolSpec extends SpecBase {
  kind: 'bool';
  get(p: Profile): boolean | undefined;
  yes: string;
  no: string;
}

export interface DateSpec extends SpecBase {
  kind: 'date';
  get(p: Profile): string | undefined;
  /** {v} is the date with its preposition when `preposition` is set ("on July 23, 2024", "in November 2024"). */
  say: string;
  preposition?: boolean;
}

export interface ListSpec extends SpecBase {
  kind: 'list';
  get(p: Profile): string[] | undefined;
  say: string;
  none: string;
  pool: readonly string[];
}

export type FactSpec = CountSpec | TextSpec | BoolSpec | DateSpec | ListSpec;

const arch = (p: Profile) => p.architecture ?? {};

export const MODEL_NAMES: readonly string[] = [
  'GPT-4', 'GPT-3.5', 'Claude', 'Gemini', 'Llama', 'Qwen', 'Mistral', 'Mixtral', 'Gemma', 'OLMo', 'SmolLM', 'Phi',
  'Falcon', 'DeepSeek', 'Command R', 'Yi', 'Granite',
];

export const DEVELOPERS: readonly string[] = [
  'OpenAI', 'Anthropic', 'Google', 'Meta', 'Mistral AI', 'Alibaba Cloud', 'Microsoft', 'Allen Institute for AI',
  'Hugging Face', 'DeepSeek', 'Cohere', 'IBM', 'NVIDIA', 'Technology Innovation Institute',
];

export const LICENSES: readonly string[] = [
  'Apache 2.0', 'MIT', 'Llama 3.1 Community License', 'Llama 2 Community License', 'Gemma Terms of Use',
  'CC BY-NC 4.0', 'GPL-3.0', 'OpenRAIL-M',
];

export const TOOL_POOL: readonly string[] = [
  'web_search', 'code_interpreter', 'image_generation', 'calculator', 'file_reader', 'send_email', 'calendar',
];

export const FACTS: readonly FactSpec[] = [
  {
    kind: 'count', id: 'architecture.layers', minDifficulty: 1, get: (p) => arch(p).layers?.value,
    questions: [
      'How many layers do you have?',
      'How many transformer layers does your network contain?',
      'What is your layer count?',
      'How many decoder blocks are stacked in your architecture?',
      'How deep is your network, counted in transformer layers?',
    ],
    say: 'I have {v} transformer layers.', more: 'Do you have more than {n} layers?', fewer: 'Do you have fewer than {n} layers?',
  },
  {
    kind: 'count', id: 'architecture.total_parameters', minDifficulty: 1, get: (p) => arch(p).total_parameters?.value,
    questions: [
      'How many parameters do you have?',
      'What is your total parameter count?',
      'How large are you, in number of parameters?',
      'How many weights (parameters) does your model contain in total?',
    ],
    say: 'I have {v} parameters.', rel: 0.1, scale: 'params',
    more: 'Do you have more than {n} parameters?', fewer: 'Do you have fewer than {n} parameters?',
    inUnits: { question: 'How many parameters do you have, in millions?', divisor: 1e6, say: 'I have about {v} million parameters.' },
  },
  {
    kind: 'count', id: 'architecture.active_parameters', minDifficulty: 2, get: (p) => arch(p).active_parameters?.value,
    questions: ['How many parameters are active for each token you process?', 'What is your active parameter count per token?'],
    say: '{v} parameters are active per token.', rel: 0.1, scale: 'params',
    more: 'Are more than {n} of your parameters active per token?', fewer: 'Are fewer than {n} of your parameters active per token?',
  },
  {
    kind: 'count', id: 'architecture.context_length', minDifficulty: 1, get: (p) => arch(p).context_length?.value,
    questions: [
      'What is your maximum context length in tokens?',
      'How many tokens fit in your context window?',
      'How long is your context window, in tokens?',
      'What is the largest number of positions you were configured for?',
    ],
    say: 'My context window is {v} tokens.', rel: 0.03, step: 1024,
    more: 'Is your context window longer than {n} tokens?', fewer: 'Is your context window shorter than {n} tokens?',
  },
  {
    kind: 'count', id: 'architecture.hidden_size', minDifficulty: 2, get: (p) => arch(p).hidden_size?.value,
    questions: ['What is your hidden size?', 'What is the dimension of your residual stream?', 'How wide is your model (hidden dimension)?', 'What is your embedding dimension?'],
    say: 'My hidden size is {v}.', step: 128,
    more: 'Is your hidden size larger than {n}?', fewer: 'Is your hidden size smaller than {n}?',
  },
  {
    kind: 'count', id: 'architecture.attention_heads', minDifficulty: 2, get: (p) => arch(p).attention_heads?.value,
    questions: ['How many attention heads does each of your layers have?', 'How many query heads are in each attention layer?', 'What is your number of attention heads per layer?'],
    say: 'Each layer has {v} attention heads.',
    more: 'Do your layers have more than {n} attention heads each?', fewer: 'Do your layers have fewer than {n} attention heads each?',
  },
  {
    kind: 'count', id: 'architecture.kv_heads', minDifficulty: 3, get: (p) => arch(p).kv_heads?.value,
    questions: ['How many key-value heads does each of your attention layers have?', 'How many KV heads do you use?', 'With grouped-query attention, how many key/value heads are in each layer?'],
    say: 'Each layer has {v} key-value heads.',
    more: 'Do you have more than {n} key-value heads per layer?', fewer: 'Do you have fewer than {n} key-value heads per layer?',
  },
  {
    kind: 'count', id: 'architecture.head_dim', minDifficulty: 3, get: (p) => arch(p).head_dim?.value,
    questions: ['What is the dimension of each of your attention heads?', 'What is your head dimension?', 'How many dimensions does a single attention head have?'],
    say: 'Each attention head has {v} dimensions.', step: 16,
    more: 'Is your attention head dimension larger than {n}?', fewer: 'Is your attention head dimension smaller than {n}?',
  },
  {
    kind: 'count', id: 'architecture.ffn_size', minDifficulty: 3, get: (p) => arch(p).ffn_size?.value,
    questions: ['What is the intermediate size of your feed-forward layers?', 'How wide are your MLP (feed-forward) blocks?', 'What is your FFN hidden dimension?'],
    say: 'My feed-forward layers have an intermediate size of {v}.', step: 256,
    more: 'Is your feed-forward intermediate size larger than {n}?', fewer: 'Is your feed-forward intermediate size smaller than {n}?',
  },
  {
    kind: 'count', id: 'architecture.rope_theta', minDifficulty: 3, get: (p) => arch(p).rope_theta?.value,
    questions: ['What is the base frequency (theta) of your rotary position embeddings?', 'What RoPE theta were you configured with?', 'What is your rope_theta value?'],
    say: 'My RoPE base (theta) is {v}.', step: 10000,
    more: 'Is your RoPE theta larger than {n}?', fewer: 'Is your RoPE theta smaller than {n}?',
  },
  {
    kind: 'count', id: 'architecture.experts', minDifficulty: 2, get: (p) => arch(p).experts?.value,
    questions: ['How many experts does each of your mixture-of-experts layers have?', 'How many experts are in each MoE layer?'],
    say: 'Each mixture-of-experts layer has {v} experts.',
    more: 'Do your MoE layers have more than {n} experts?', fewer: 'Do your MoE layers have fewer than {n} experts?',
  },
  {
    kind: 'count', id: 'architecture.experts_per_token', minDifficulty: 3, get: (p) => arch(p).experts_per_token?.value,
    questions: ['How many experts is each token routed to?', 'How many experts are active per token in your MoE layers?'],
    say: 'Each token is routed to {v} experts.',
    more: 'Is each token routed to more than {n} experts?', fewer: 'Is each token routed to fewer than {n} experts?',
  },
  {
    kind: 'count', id: 'architecture.sliding_window', minDifficulty: 3, get: (p) => arch(p).sliding_window?.value,
    questions: ['How many tokens does your sliding attention window span?', 'What is the size of your local (sliding-window) attention?'],
    say: 'My sliding attention window spans {v} tokens.', step: 512,
    more: 'Is your sliding attention window longer than {n} tokens?', fewer: 'Is your sliding attention window shorter than {n} tokens?',
  },
  {
    kind: 'count', id: 'tokenizer.vocab_size', minDifficulty: 2, get: (p) => p.tokenizer?.vocab_size?.value,
    questions: ['How many entries does your vocabulary have?', 'What is your vocabulary size?', 'How many distinct tokens can you embed?', 'How large is your token vocabulary?'],
    say: 'My vocabulary has {v} entries.', step: 1000,
    more: 'Does your vocabulary have more than {n} entries?', fewer: 'Does your vocabulary have fewer than {n} entries?',
  },
  {
    kind: 'count', id: 'training.training_tokens', minDifficulty: 3, get: (p) => p.training?.training_tokens?.value,
    questions: ['How many tokens were you pretrained on?', 'How large was your pretraining corpus, in tokens?', 'About how many tokens of data went into your pretraining?'],
    say: 'I was pretrained on about {v} tokens.', rel: 0.1, scale: 'tokens',
    more: 'Were you pretrained on more than {n} tokens?', fewer: 'Were you pretrained on fewer than {n} tokens?',
  },
  {
    kind: 'count', id: 'derived.gqa_group', minDifficulty: 5,
    get: (p) => {
      const h = arch(p).attention_heads?.value;
      const kv = arch(p).kv_heads?.value;
      return h !== undefined && kv !== undefined ? h / kv : undefined;
    },
    questions: ['How many query heads share each key-value head in your attention layers?', 'What is your grouped-query attention group size (query heads per KV head)?'],
    say: '{v} query heads share each key-value head.',
    more: 'Do more than {n} query heads share each of your key-value heads?', fewer: 'Do fewer than {n} query heads share each of your key-value heads?',
  },
  {
    kind: 'count', id: 'derived.total_heads', minDifficulty: 5,
    get: (p) => {
      const h = arch(p).attention_heads?.value;
      const l = arch(p).layers?.value;
      return h !== undefined && l !== undefined ? h * l : undefined;
    },
    questions: ['How many attention heads do you have in total, across all layers?', 'Summed over every layer, how many attention heads do you have?'],
    say: 'I have {v} attention heads across all layers.',
    more: 'Do you have more than {n} attention heads across all layers?', fewer: 'Do you have fewer than {n} attention heads across all layers?',
  },
  {
    kind: 'count', id: 'derived.head_dim', minDifficulty: 4,
    get: (p) => {
      const a = arch(p);
      // Only when the profile gives no head size of its own: consistency checks make the division exact.
      return a.head_dim === undefined && a.hidden_size !== undefined && a.attention_heads !== undefined ? a.hidden_size.value / a.attention_heads.value : undefined;
    },
    questions: ['Your hidden size is split evenly across your attention heads: how many dimensions does each head get?', 'What is your per-head dimension (hidden size divided by the number of heads)?'],
    say: 'Each attention head has {v} dimensions.', step: 16,
    more: 'Is your per-head dimension larger than {n}?', fewer: 'Is your per-head dimension smaller than {n}?',
  },
  {
    kind: 'text', id: 'identity.display_name', minDifficulty: 1, get: (p) => p.identity.display_name?.value,
    questions: ['Which model are you, exactly?', 'What is your model name?', 'Which model and version are you?', 'Name the model you are.'],
    say: 'I am {v}.', pool: MODEL_NAMES,
    alsoAccept: (p) => [...(p.identity.aliases?.value.version ?? [])],
  },
  {
    kind: 'text', id: 'identity.aliases.family', minDifficulty: 1, get: (p) => p.identity.aliases?.value.family?.[0],
    questions: ['Which model family do you belong to?', 'What family of language models are you part of?', 'Which model series are you from?'],
    say: 'I belong to the {v} family.', pool: MODEL_NAMES,
    alsoAccept: (p) => [...(p.identity.aliases?.value.family ?? []), ...(p.identity.aliases?.value.class ?? []), ...(p.identity.aliases?.value.version ?? [])],
  },
  {
    kind: 'text', id: 'identity.developer', minDifficulty: 1, get: (p) => p.identity.developer?.value,
    questions: ['Who developed you?', 'Which organization built you?', 'Who created and released you?', 'Which company or lab trained you?'],
    say: 'I was developed by {v}.', pool: DEVELOPERS,
    synonyms: {
      meta: ['Meta AI', 'Meta Platforms', 'Facebook'],
      'alibaba cloud': ['Alibaba', 'Qwen team', 'Alibaba Group'],
      'allen institute for ai': ['Ai2', 'AllenAI', 'Allen AI', 'Allen Institute for Artificial Intelligence'],
      google: ['Google DeepMind', 'DeepMind'],
      'mistral ai': ['Mistral'],
      'hugging face': ['HuggingFace', 'HuggingFaceTB'],
    },
  },
  {
    kind: 'text', id: 'identity.license', minDifficulty: 2, get: (p) => p.identity.license?.value,
    questions: ['Under which license were your weights released?', 'What license covers your model weights?', 'What are the license terms of your weights?'],
    say: 'My weights are released under the {v}.', pool: LICENSES,
    synonyms: {
      'apache 2 0': ['Apache License 2.0', 'Apache-2.0', 'Apache License, Version 2.0', 'Apache'],
      'llama 3 1 community license': ['Llama 3.1 Community License Agreement', 'Llama 3.1 license'],
      'gemma terms of use': ['Gemma license', 'Gemma terms'],
    },
  },
  {
    kind: 'text', id: 'architecture.positional_encoding', minDifficulty: 3, get: (p) => arch(p).positional_encoding?.value,
    questions: ['What kind of positional encoding do you use?', 'How is token position encoded in your architecture?', 'Which position embedding scheme do your attention layers use?'],
    say: 'I use {v} for positions.', pool: ['ALiBi', 'learned absolute position embeddings', 'sinusoidal position encodings', 'NoPE'],
    synonyms: { rope: ['rotary position embeddings', 'rotary positional embeddings', 'rotary embeddings', 'rotary position embedding', 'rotary positional encoding'] },
  },
  {
    kind: 'text', id: 'tokenizer.kind', minDifficulty: 3, get: (p) => p.tokenizer?.kind?.value,
    questions: ['What kind of tokenizer do you use?', 'Which tokenization algorithm does your tokenizer implement?', 'What type of subword tokenizer do you have?'],
    say: 'My tokenizer is {v}.', pool: ['WordPiece', 'Unigram', 'character-level'],
    synonyms: { 'byte level bpe': ['BPE', 'byte pair encoding', 'byte-pair encoding', 'byte-level byte-pair encoding'], sentencepiece: ['SentencePiece BPE'] },
  },
  {
    kind: 'text', id: 'tokenizer.chat_template', minDifficulty: 3, get: (p) => p.tokenizer?.chat_template?.value,
    questions: ['Which chat template format do you use?', 'What is the name of your chat format?'],
    say: 'I use the {v} chat format.', pool: ['ChatML', 'Alpaca', 'Vicuna', 'Llama 2 chat'],
  },
  {
    kind: 'bool', id: 'identity.open_weights', minDifficulty: 1, get: (p) => p.identity.open_weights?.value,
    questions: ['Are your weights openly available for download?', 'Can anyone download your model weights?', 'Are you an open-weights model?'],
    yes: 'Yes. My weights are openly available.', no: 'No. My weights are not openly available.',
  },
  {
    kind: 'bool', id: 'deployment.browsing', minDifficulty: 1, get: (p) => p.deployment?.browsing?.value,
    questions: ['Can you browse the web in this deployment?', 'Do you have live internet access here?', 'Are you able to open web pages in this deployment?'],
    yes: 'Yes. Web browsing is available in this deployment.', no: 'No. Web browsing is not available in this deployment.',
  },
  {
    kind: 'bool', id: 'deployment.memory', minDifficulty: 2, get: (p) => p.deployment?.memory?.value,
    questions: ['In this deployment, does anything from earlier conversations carry over into this one?', 'Is there persistent memory across conversations in this deployment?', 'Does this deployment store information between separate conversations?'],
    yes: 'Yes. This deployment keeps information between conversations.', no: 'No. Nothing persists between conversations in this deployment.',
  },
  {
    kind: 'bool', id: 'architecture.tied_embeddings', minDifficulty: 3, get: (p) => arch(p).tied_embeddings?.value,
    questions: ['Are your input embedding and output projection weights tied?', 'Do you share weights between your token embeddings and your output layer?'],
    yes: 'Yes. My input and output embeddings are tied.', no: 'No. My input and output embeddings are separate.',
  },
  {
    kind: 'bool', id: 'training.modalities.image_input', minDifficulty: 2, get: (p) => p.training?.modalities?.value.input.includes('image'),
    questions: ['Can you take images as input?', 'Do you accept image inputs?', 'Were you built to read images directly?'],
    yes: 'Yes. I accept images as input.', no: 'No. I take text input only.',
  },
  {
    kind: 'bool', id: 'training.modalities.audio_output', minDifficulty: 3, get: (p) => p.training?.modalities?.value.output.includes('audio'),
    questions: ['Can you produce audio output?', 'Do you generate speech or audio directly?'],
    yes: 'Yes. I can produce audio output.', no: 'No. I do not produce audio output.',
  },
  {
    kind: 'date', id: 'training.knowledge_cutoff', minDifficulty: 2, get: (p) => p.training?.knowledge_cutoff?.value,
    questions: ['What is your knowledge cutoff?', 'Up to when does your training data go?', 'What is the cutoff date of your training knowledge?'],
    say: 'My knowledge cutoff is {v}.',
  },
  {
    kind: 'date', id: 'identity.release_date', minDifficulty: 2, get: (p) => p.identity.release_date?.value,
    questions: ['When were you released?', 'What is your release date?', 'When was this model made public?'],
    say: 'I was released {v}.', preposition: true,
  },
  {
    kind: 'list', id: 'deployment.tools', minDifficulty: 2, get: (p) => p.deployment?.tools?.value,
    questions: ['Which tools do you have access to in this deployment?', 'What tools are available to you here? Name them.', 'List the tools you can call in this deployment.'],
    say: 'I can use these tools in this deployment: {v}.', none: 'No tools are available to me in this deployment.', pool: TOOL_POOL,
  },
];

/**
 * The reference model's shape: a causal byte-level transformer. The vocabulary is the 256 byte values plus three
 * special tokens; everything else (layers, widths, heads, context) is in `config.json` beside the weights.
 */
import { UsageError } from '../../core/errors.js';

/** Token ids 0-255 are bytes; these follow them. */
export const BOS = 256;
/** Ends the prompt: the model answers after it. */
export const SEP = 257;
/** Ends the answer. */
export const EOS = 258;
export const VOCAB_SIZE = 259;

export const CONFIG_FORMAT = 'verigen-ref@1';

export interface ModelConfig {
  format: typeof CONFIG_FORMAT;
  vocab_size: number;
  context: number;
  layers: number;
  d_model: number;
  heads: number;
  d_ff: number;
  /** The output head is the transposed token embedding (no separate head matrix). */
  tied_head: boolean;
}

/** Seconds-sized: what the tests train. */
export const TINY_CONFIG: ModelConfig = { format: CONFIG_FORMAT, vocab_size: VOCAB_SIZE, context: 64, layers: 2, d_model: 32, heads: 2, d_ff: 64, tied_head: false };

/**
 * The shipped default (generated/models/verigen-ref): sized to train in about 25 minutes on one shared wasm core.
 * Two layers are the fewest that can copy from the context (an induction head needs two); 320 bytes keep most
 * prompts of the runtime self-facts whole.
 */
export const DEFAULT_CONFIG: ModelConfig = { format: CONFIG_FORMAT, vocab_size: VOCAB_SIZE, context: 320, layers: 2, d_model: 128, heads: 4, d_ff: 384, tied_head: true };

export interface ParamSpec {
  name: string;
  shape: number[];
  /** How it starts: normal with this standard deviation, or constant. */
  init: { kind: 'normal'; std: number } | { kind: 'const'; value: number };
}

/** Every parameter in a fixed order: the order of the weights file. */
export function paramSpecs(c: ModelConfig): ParamSpec[] {
  const std = 0.02;
  // GPT-2's scaling of the projections that write into the residual stream keeps its variance flat with depth.
  const resid = std / Math.sqrt(2 * c.layers);
  const normal = (s: number) => ({ kind: 'normal' as const, std: s });
  const ones = { kind: 'const' as const, value: 1 };
  const zeros = { kind: 'const' as const, value: 0 };
  const d = c.d_model;
  const out: ParamSpec[] = [
    { name: 'tok_emb', shape: [c.vocab_size, d], init: normal(std) },
    { name: 'pos_emb', shape: [c.context, d], init: normal(std) },
  ];
  for (let l = 0; l < c.layers; l++) {
    const p = `h${l}.`;
    out.push(
      { name: `${p}ln1.g`, shape: [d], init: ones },
      { name: `${p}ln1.b`, shape: [d], init: zeros },
      { name: `${p}attn.wq`, shape: [d, d], init: normal(std) },
      { name: `${p}attn.wk`, shape: [d, d], init: normal(std) },
      { name: `${p}attn.wv`, shape: [d, d], init: normal(std) },
      { name: `${p}attn.bq`, shape: [d], init: zeros },
      { name: `${p}attn.bk`, shape: [d], init: zeros },
      { name: `${p}attn.bv`, shape: [d], init: zeros },
      { name: `${p}attn.wo`, shape: [d, d], init: normal(resid) },
      { name: `${p}attn.bo`, shape: [d], init: zeros },
      { name: `${p}ln2.g`, shape: [d], init: ones },
      { name: `${p}ln2.b`, shape: [d], init: zeros },
      { name: `${p}mlp.w1`, shape: [d, c.d_ff], init: normal(std) },
      { name: `${p}mlp.b1`, shape: [c.d_ff], init: zeros },
      { name: `${p}mlp.w2`, shape: [c.d_ff, d], init: normal(resid) },
      { name: `${p}mlp.b2`, shape: [d], init: zeros },
    );
  }
  out.push({ name: 'ln_f.g', shape: [d], init: ones }, { name: 'ln_f.b', shape: [d], init: zeros });
  if (!c.tied_head) out.push({ name: 'head.w', shape: [d, c.vocab_size], init: normal(std) });
  out.push({ name: 'head.b', shape: [c.vocab_size], init: zeros });
  return out;
}

/** The exact number of trainable numbers. */
export function parameterCount(c: ModelConfig): number {
  let n = 0;
  for (const s of paramSpecs(c)) n += s.shape.reduce((a, b) => a * b, 1);
  return n;
}

const INT_FIELDS = ['context', 'layers', 'd_model', 'heads', 'd_ff'] as const;

/** Checks a parsed config.json; `file` names it in errors. */
export function validateConfig(data: unknown, file: string): ModelConfig {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`${file}: expected a JSON object`);
  const o = data as Record<string, unknown>;
  if (o.format !== CONFIG_FORMAT) throw new UsageError(`${file}: format: expected '${CONFIG_FORMAT}', got ${JSON.stringify(o.format)}`);
  if (o.vocab_size !== VOCAB_SIZE) throw new UsageError(`${file}: vocab_size: expected ${VOCAB_SIZE} (256 bytes + BOS, SEP, EOS), got ${JSON.stringify(o.vocab_size)}`);
  for (const k of INT_FIELDS) {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1 << 16) throw new UsageError(`${file}: ${k}: expected a positive integer, got ${JSON.stringify(v)}`);
  }
  if (typeof o.tied_head !== 'boolean') throw new UsageError(`${file}: tied_head: expected true or false, got ${JSON.stringify(o.tied_head)}`);
  if ((o.d_model as number) % (o.heads as number) !== 0) throw new UsageError(`${file}: d_model (${o.d_model}) must be a multiple of heads (${o.heads})`);
  if ((o.context as number) < 8) throw new UsageError(`${file}: context: at least 8 bytes, got ${o.context}`);
  const known = new Set<string>(['format', 'vocab_size', 'tied_head', ...INT_FIELDS]);
  for (const k of Object.keys(o)) if (!known.has(k)) throw new UsageError(`${file}: unknown field '${k}'`);
  return { format: CONFIG_FORMAT, vocab_size: VOCAB_SIZE, context: o.context as number, layers: o.layers as number, d_model: o.d_model as number, heads: o.heads as number, d_ff: o.d_ff as number, tied_head: o.tied_head as boolean };
}

/** `tiny`, `default`, or a path to a config JSON. */
export function resolveModelConfig(nameOrFile: string, readFile: (file: string) => string): ModelConfig {
  if (nameOrFile === 'tiny') return TINY_CONFIG;
  if (nameOrFile === 'default') return DEFAULT_CONFIG;
  let text: string;
  try {
    text = readFile(nameOrFile);
  } catch (e) {
    throw new UsageError(`--config ${nameOrFile}: cannot read (give tiny, default, or a config JSON file): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${nameOrFile}: not valid JSON: ${(e as Error).message}`);
  }
  return validateConfig(data, nameOrFile);
}

/** `--responses SOURCE`: `embedded[:DIR]`, an `http(s)://` completions endpoint, or a JSONL file. */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { embeddedSource, loadEmbedded, type ReferenceModel } from './embedded.js';
import { httpSource } from './http.js';
import { jsonlSource } from './jsonl.js';
import type { ResponseSource } from './types.js';

export type { LabelItem, ResponseSource } from './types.js';

export interface SourceOptions {
  k: number;
  /** The `model` of the labels; an endpoint needs it (it is sent as the request's `model`). */
  model?: string;
  temperature: number;
  /** Embedded: new bytes per response; endpoint: max_tokens. */
  maxNew: number;
  seed: string;
  concurrency: number;
  retries: number;
  retryBaseMs?: number;
  apiKey?: string;
  /** Tests: a model object instead of loading the embedded one. */
  embedded?: ReferenceModel;
}

export type SourceKind = 'embedded' | 'http' | 'jsonl';

export function sourceKind(spec: string): SourceKind {
  if (spec === 'embedded' || spec.startsWith('embedded:')) return 'embedded';
  if (/^https?:\/\//i.test(spec)) return 'http';
  return 'jsonl';
}

export async function openSource(spec: string, o: SourceOptions): Promise<ResponseSource> {
  switch (sourceKind(spec)) {
    case 'embedded': {
      const dir = spec.startsWith('embedded:') ? spec.slice('embedded:'.length) : undefined;
      const model = o.embedded ?? (await loadEmbedded(dir === '' ? undefined : dir));
      return embeddedSource(model, { temperature: o.temperature, maxNewBytes: o.maxNew, seed: o.seed, ...(o.model ? { model: o.model } : {}) });
    }
    case 'http':
      if (!o.model) throw new UsageError(`--responses ${spec}: an endpoint needs --model NAME (sent as the request's model and recorded in the labels)`);
      return httpSource({ url: spec, model: o.model, temperature: o.temperature, maxTokens: o.maxNew, concurrency: o.concurrency, retries: o.retries, ...(o.retryBaseMs !== undefined ? { retryBaseMs: o.retryBaseMs } : {}), ...(o.apiKey ? { apiKey: o.apiKey } : {}) });
    case 'jsonl':
      if (!fs.existsSync(spec)) throw new UsageError(`--responses ${spec}: no such file (SOURCE is embedded[:DIR], an http(s):// URL, or a JSONL file)`);
      return jsonlSource(spec, o.k, o.model ?? path.basename(spec).replace(/\.jsonl(\.gz)?$/, ''));
  }
}

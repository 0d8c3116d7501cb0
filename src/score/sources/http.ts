/**
 * Responses from an OpenAI-compatible completions endpoint: one POST {model, prompt, n: k, temperature, max_tokens}
 * per item, at most `concurrency` in flight, retried with exponential backoff on 429, 5xx and network errors (a
 * Retry-After header is honoured). Results come back in item order whatever order the requests finish in.
 */
import { UsageError } from '../../core/errors.js';
import { conversationText } from '../../core/item.js';
import type { LabelItem, ResponseSource } from './types.js';

export interface HttpSourceOptions {
  url: string;
  model: string;
  temperature: number;
  maxTokens: number;
  concurrency: number;
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff; each retry doubles it (capped at 30 s). */
  retryBaseMs?: number;
  /** Per request. */
  timeoutMs?: number;
  /** Sent as `Authorization: Bearer ...` when set. */
  apiKey?: string;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** `http://host:port` alone means the usual `/v1/completions` path; any other path is used as given. */
export function completionsUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`--responses ${raw}: not a valid URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`--responses ${raw}: only http and https endpoints are supported`);
  if (u.pathname === '/' || u.pathname === '') u.pathname = '/v1/completions';
  return u.toString();
}

function networkCause(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed: unknown = null;
  const lane = async () => {
    while (failed === null && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failed !== null) throw failed;
  return out;
}

export function httpSource(opts: HttpSourceOptions): ResponseSource {
  const url = completionsUrl(opts.url);
  const base = opts.retryBaseMs ?? 500;
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;

  async function complete(it: LabelItem, k: number): Promise<string[]> {
    const body = JSON.stringify({ model: opts.model, prompt: conversationText(it.item), n: k, temperature: opts.temperature, max_tokens: opts.maxTokens });
    let problem = '';
    let waitMs = 0;
    for (let attempt = 0; attempt <= opts.retries; attempt++) {
      if (attempt > 0) await sleep(waitMs);
      waitMs = Math.min(base * 2 ** attempt, 30_000);
      let res: Response;
      try {
        res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (e) {
        problem = networkCause(e);
        continue;
      }
      if (res.status === 429 || res.status >= 500) {
        const header = res.headers.get('retry-after');
        if (header !== null && Number.isFinite(Number(header)) && Number(header) >= 0) waitMs = Math.min(Number(header), 60) * 1000;
        await res.body?.cancel();
        problem = res.status === 429 ? 'HTTP 429: rate limited' : `HTTP ${res.status}`;
        continue;
      }
      const text = await res.text();
      if (!res.ok) throw new UsageError(`${url}: HTTP ${res.status} for item ${it.item.id}: ${text.slice(0, 300).replace(/\s+/g, ' ')}`);
      return parseChoices(text, k, `${url}: item ${it.item.id}`);
    }
    throw new UsageError(
      `${url}: unreachable or failing after ${opts.retries + 1} attempt(s) (${problem}) for item ${it.item.id}; ` +
        'labels written so far are kept: rerun the same command to resume',
    );
  }

  return {
    model: opts.model,
    batchSize: Math.max(1, opts.concurrency) * 4,
    has: () => true,
    respond: (items, k) => mapLimit(items, opts.concurrency, (it) => complete(it, k)),
  };
}

/** The completions of an OpenAI-style response body, ordered by `index`; exactly k of them. */
export function parseChoices(text: string, k: number, where: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${where}: the response is not JSON: ${text.slice(0, 200)}`);
  }
  const choices = (data as { choices?: unknown })?.choices;
  if (!Array.isArray(choices)) throw new UsageError(`${where}: choices: missing or not an array`);
  if (choices.length !== k) throw new UsageError(`${where}: choices: ${choices.length} completion(s), expected n = --k ${k}`);
  const out: { index: number; text: string }[] = [];
  choices.forEach((c, i) => {
    const t = (c as { text?: unknown })?.text;
    if (typeof t !== 'string') throw new UsageError(`${where}: choices[${i}].text: missing or not a string`);
    const index = (c as { index?: unknown }).index;
    out.push({ index: typeof index === 'number' ? index : i, text: t });
  });
  return out.sort((a, b) => a.index - b.index).map((c) => c.text);
}

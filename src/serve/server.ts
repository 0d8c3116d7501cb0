/**
 * `verigen serve`: the verifiers as an HTTP reward service for RL trainers in other languages (a TRL reward function,
 * a verl custom reward). Bound to 127.0.0.1 unless told otherwise: it runs no code from requests, but it is still
 * not meant to face a network.
 *
 *   POST /verify   body: [{item, response} | {verifier, ground_truth, response}, ...]  or  {"batch": [...]}
 *                  query: checks=failed (default) | all | none
 *                  200 {results: [{id?, pass, score, reward, checks?}], passed, count}
 *                  400 bad JSON or a bad entry (named: "batch[3].ground_truth.answer: must be string")
 *                  413 body over --max-body-mb, or more entries than --max-batch
 *   GET  /health   200 {ok, version, verifiers}
 */
import http from 'node:http';
import { VERSION } from '../version.js';
import { VERIFIERS } from '../verify/dispatch.js';
import { BatchError, parseBatch, verifyBatch, type ChecksDetail } from './batch.js';

export interface ServeOptions {
  port: number;
  host?: string;
  maxBodyBytes?: number;
  maxBatch?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_BATCH = 10_000;

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads the body up to `limit` bytes; past it, answers 413 and stops reading. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createVerifyServer(opts: Omit<ServeOptions, 'port' | 'host'> = {}): http.Server {
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxBatch = opts.maxBatch ?? DEFAULT_MAX_BATCH;
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      if (req.method !== 'GET') return send(res, 405, { error: 'use GET /health' });
      return send(res, 200, { ok: true, version: VERSION, verifiers: Object.keys(VERIFIERS), max_batch: maxBatch, max_body_bytes: maxBody });
    }
    if (url.pathname !== '/verify') return send(res, 404, { error: `no route ${url.pathname}: POST /verify or GET /health` });
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST /verify' });
    const detail = (url.searchParams.get('checks') ?? 'failed') as ChecksDetail;
    if (!['none', 'failed', 'all'].includes(detail)) return send(res, 400, { error: `checks must be none, failed or all, got '${detail}'` });
    readBody(req, maxBody).then(
      (buf) => {
        if (buf === null) return send(res, 413, { error: `the body is over ${maxBody} bytes (--max-body-mb)` });
        let body: unknown;
        try {
          body = JSON.parse(buf.toString('utf8'));
        } catch (e) {
          return send(res, 400, { error: `the body is not JSON: ${(e as Error).message}` });
        }
        try {
          const results = verifyBatch(parseBatch(body, maxBatch), detail);
          send(res, 200, { results, passed: results.filter((r) => r.pass).length, count: results.length });
        } catch (e) {
          if (e instanceof BatchError) return send(res, e.status, { error: e.message });
          send(res, 500, { error: `internal error: ${(e as Error).message}` });
        }
      },
      (e: Error) => send(res, 400, { error: `could not read the body: ${e.message}` }),
    );
  });
}

/** Starts the server and resolves once it listens, with the address it took (port 0 picks a free one). */
export async function serve(opts: ServeOptions): Promise<{ server: http.Server; url: string }> {
  const server = createVerifyServer(opts);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const addr = server.address() as { port: number };
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}` };
}

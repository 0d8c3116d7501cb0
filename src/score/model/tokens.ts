/**
 * Byte-level encoding of (prompt, answer) pairs: `BOS prompt-bytes SEP answer-bytes EOS`, UTF-8. A prompt longer than
 * the room left keeps its LAST bytes (the question usually ends a prompt; what is cut is the start of the context).
 */
import { BOS, EOS, SEP } from './config.js';

const encoder = new TextEncoder();
// Not fatal: a sampled byte sequence that is not valid UTF-8 decodes with U+FFFD, never throws.
const decoder = new TextDecoder('utf-8', { fatal: false });

export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

export function decodeBytes(bytes: readonly number[] | Uint8Array): string {
  return decoder.decode(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
}

/** The most answer bytes an example keeps: half the context, so that a long witness never pushes the prompt out. */
export function answerRoom(context: number): number {
  return Math.floor(context / 2);
}

/** `BOS + last prompt bytes + SEP`, at most `room` tokens (room >= 2). */
export function encodePrompt(prompt: string, room: number): number[] {
  const bytes = utf8(prompt);
  const keep = Math.max(0, Math.min(bytes.length, room - 2));
  const out = new Array<number>(keep + 2);
  out[0] = BOS;
  for (let i = 0; i < keep; i++) out[i + 1] = bytes[bytes.length - keep + i]!;
  out[keep + 1] = SEP;
  return out;
}

export interface Example {
  /** The full token sequence, at most `context` long. */
  tokens: number[];
  /** Index of the first answer token (just after SEP); positions from start-1 on predict the answer and EOS. */
  answerStart: number;
}

/**
 * One training sequence. The answer keeps at most `answerRoom(context)` bytes (EOS only when it is whole), and the
 * prompt its last bytes that fit in what is left.
 */
export function encodeExample(prompt: string, answer: string, context: number): Example {
  const a = utf8(answer);
  const whole = a.length + 1 <= answerRoom(context);
  const answerTokens = whole ? [...a, EOS] : Array.from(a.subarray(0, answerRoom(context)));
  const head = encodePrompt(prompt, context - answerTokens.length);
  return { tokens: head.concat(answerTokens), answerStart: head.length };
}

/** What every command shares: the error boundary (message + documented exit code, no stack for expected errors). */
import { GenerationError, ShardTaskError, VerigenError } from '../core/errors.js';

export interface GlobalArgs {
  json?: boolean;
  quiet?: boolean;
}

function explain(e: unknown): { message: string; code: number; stack?: string } {
  if (e instanceof VerigenError) return { message: e.message, code: e.exitCode };
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOSPC' || /ENOSPC/.test(err?.message ?? '')) return { message: `the disk is full: ${err.message}. Completed shards are kept; free space and rerun the same command to resume.`, code: 1 };
  if (err?.code === 'EACCES' || err?.code === 'EROFS') return { message: `cannot write: ${err.message}`, code: 2 };
  if (e instanceof GenerationError || (e instanceof ShardTaskError && /^[a-z]+\.[a-z0-9_-]+@\d+\//.test(e.message))) {
    return { message: `generator bug: ${err.message}`, code: 1 };
  }
  return { message: `internal error: ${err?.message ?? String(e)}`, code: 1, stack: err?.stack };
}

/** Runs a command body; prints an error as one line (or a JSON object with --json) and sets the exit code. */
export async function runCommand(args: GlobalArgs, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    const { message, code, stack } = explain(e);
    if (args.json) process.stdout.write(JSON.stringify({ error: message, exit: code }) + '\n');
    process.stderr.write(`verigen: ${message}\n`);
    if (stack && process.env.VERIGEN_DEBUG) process.stderr.write(stack + '\n');
    process.exitCode = code;
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

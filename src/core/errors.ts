/**
 * Expected errors: they carry a message for people and the documented exit code, and the CLI prints them without
 * a stack trace. Exit 2: the input was unusable (usage). Exit 1: a check failed.
 */
export class VerigenError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'VerigenError';
  }
}

/** A usage error: bad flag, bad file, bad line. */
export class UsageError extends VerigenError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** A check that ran and failed (a verification, an audit, a purity finding). */
export class CheckFailed extends VerigenError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'CheckFailed';
  }
}

/** A generator bug found while making an item (its witness fails its verifier, a target fails the purity gate, ...). */
export class GenerationError extends Error {
  constructor(
    readonly itemId: string,
    message: string,
  ) {
    super(`${itemId}: ${message}`);
    this.name = 'GenerationError';
  }
}

/** A worker thread's failure, carried to the main thread as its message (and error code, where it had one). */
export class ShardTaskError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ShardTaskError';
  }
}

/** "file:line: field: problem", the one shape every bad-input message takes. */
export function where(file: string, line?: number, field?: string): string {
  let s = file;
  if (line !== undefined) s += `:${line}`;
  if (field !== undefined) s += `: ${field}`;
  return s;
}

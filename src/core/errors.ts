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

/** "file:line: field: problem", the one shape every bad-input message takes. */
export function where(file: string, line?: number, field?: string): string {
  let s = file;
  if (line !== undefined) s += `:${line}`;
  if (field !== undefined) s += `: ${field}`;
  return s;
}

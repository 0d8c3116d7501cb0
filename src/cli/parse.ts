/** Strict parsing of numeric flags: yargs turns "abc" into NaN and "1.5" into 1.5 silently. */
import { UsageError } from '../core/errors.js';

export function parseIndex(flag: string, raw: string): number {
  const s = String(raw).trim();
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new UsageError(`${flag} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return Number(s);
}

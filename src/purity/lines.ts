/** Line-oriented scanning for `verigen purity [FILE|-]`: plain lines or JSONL with a `text` field. */
import type { PurityFinding } from './types.js';

/** The verdict on one input line. */
export interface PurityLineResult {
  /** 1-based line number in the input. */
  line: number;
  /** The text that was checked: the line itself, or its JSON `text` field. Empty when `error` is set. */
  text: string;
  /** The line's `id` (JSONL input with a string or number `id`), for reports; absent for plain lines. */
  id?: string;
  /** Findings, spans relative to `text`. Empty when the line is clean, blank or unreadable. */
  findings: PurityFinding[];
  /** Set when a JSON line has no string `text` field: a message for people naming the field. */
  error?: string;
}

/**
 * Check one input line (see scanPurityLines for the rules of reading). Total: never throws.
 */
export function checkPurityLine(raw: string, lineNumber: number, check: (text: string) => PurityFinding[]): PurityLineResult {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const trimmed = line.trimStart();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    let parsed = true;
    try {
      value = JSON.parse(line);
    } catch {
      parsed = false;
    }
    if (parsed && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : undefined;
      const text = record.text;
      if (typeof text !== 'string') {
        const what = text === undefined ? 'has no "text" field' : `has a "text" field of type ${text === null ? 'null' : typeof text}, not a string`;
        return { line: lineNumber, text: '', ...(id !== undefined ? { id } : {}), findings: [], error: `line ${lineNumber}: JSON object ${what}` };
      }
      return { line: lineNumber, text, ...(id !== undefined ? { id } : {}), findings: check(text) };
    }
  }
  return { line: lineNumber, text: line, findings: check(line) };
}

/**
 * Check a stream of input lines, one result per line, in order, lazily (nothing is buffered, so a file of any size
 * streams in bounded memory).
 *
 * Contract, for the `verigen purity` command:
 * - A line whose first non-blank character is `{` and that parses as a JSON object is JSONL: its `text` field (a string)
 *   is checked, and its `id` (string or number) is carried into the result. A JSON object without a string `text` gives
 *   a result with `error` set (the command should report it and exit 2, a bad input, not a failed check).
 * - Any other line, including one that starts with `{` but is not valid JSON, is checked as plain text.
 * - A trailing carriage return is dropped (CRLF files). Blank lines yield a result with no findings.
 * - Spans (`start`, `end`) are UTF-16 offsets into the result's `text`; `match` is that slice.
 * - The command should exit 1 if any result has findings, else 0.
 */
export function* scanLines(lines: Iterable<string>, check: (text: string) => PurityFinding[]): Generator<PurityLineResult> {
  let n = 0;
  for (const raw of lines) {
    n++;
    yield checkPurityLine(typeof raw === 'string' ? raw : String(raw), n, check);
  }
}

/** scanLines over an async source (for example `readline.createInterface({ input })`). */
export async function* scanLinesAsync(lines: AsyncIterable<string>, check: (text: string) => PurityFinding[]): AsyncGenerator<PurityLineResult> {
  let n = 0;
  for await (const raw of lines) {
    n++;
    yield checkPurityLine(typeof raw === 'string' ? raw : String(raw), n, check);
  }
}

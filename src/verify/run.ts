/**
 * `verify`: join a response file to items (by id, IFEval key, or prompt text), verify each, stream one verdict line
 * per item, and summarize accuracy per family and generator.
 */
import fs from 'node:fs';
import { UsageError } from '../core/errors.js';
import { promptText, type Item } from '../core/item.js';
import { describeErrors, validator } from '../core/schema.js';
import { tempPath } from '../shards/atomic.js';
import { readJsonLines, sourceFiles } from '../shards/reader.js';
import { verifyItem } from './dispatch.js';
import { IfevalTruthError, parseIfevalTruth, type ParsedInstruction } from '../families/instruct/ifeval.js';
import { ifevalVerdictLine, IfevalScorer, type IfevalScores } from '../families/instruct/ifeval-report.js';
import type { Verdict } from './types.js';

export interface ResponseEntry {
  response: string;
  line: number;
  used: boolean;
  /** The line's other fields that the caller asked to keep (a stated confidence, token log-probabilities). */
  fields?: Record<string, unknown>;
}

export interface ResponseIndex {
  byId: Map<string, ResponseEntry>;
  byPrompt: Map<string, ResponseEntry>;
  file: string;
}

export async function loadResponses(file: string, keepFields: readonly string[] = []): Promise<ResponseIndex> {
  const validate = validator('response');
  const index: ResponseIndex = { byId: new Map(), byPrompt: new Map(), file };
  for await (const { value, line } of readJsonLines([file])) {
    if (!validate(value)) {
      const msg = describeErrors(validate.errors);
      throw new UsageError(`${file}:${line}: ${msg.startsWith('(root)') && !('response' in value) ? 'response: missing (every line needs a "response" string)' : msg}`);
    }
    const entry: ResponseEntry = { response: value.response as string, line, used: false };
    if (keepFields.length > 0) {
      const fields: Record<string, unknown> = {};
      for (const f of keepFields) if (value[f] !== undefined) fields[f] = value[f];
      entry.fields = fields;
    }
    const key = value.id !== undefined ? String(value.id) : value.key !== undefined ? String(value.key) : undefined;
    if (key !== undefined) {
      const prev = index.byId.get(key);
      if (prev) throw new UsageError(`${file}:${line}: id: '${key}' already answered on line ${prev.line}`);
      index.byId.set(key, entry);
    } else {
      index.byPrompt.set(value.prompt as string, entry);
    }
  }
  return index;
}

/** An item to verify: a verigen item, or an IFEval input row ({key, prompt, instruction_id_list, kwargs}). */
export interface Target {
  id: string;
  family: string;
  generator: string;
  prompt: string;
  verifier: string;
  ground_truth: unknown;
  /** The item's template id (verigen items only). */
  template?: string;
  /** IFEval input rows: their key, and their ground truth parsed (bad rows are refused before any verdict). */
  ifevalKey?: string | number;
  parsed?: ParsedInstruction[];
}

export function toTarget(row: Record<string, unknown>, file: string, line: number): Target {
  if (typeof row.verifier === 'string' && typeof row.id === 'string') {
    const item = row as unknown as Item;
    return { id: item.id, family: item.family, generator: item.generator, prompt: promptText(item), verifier: item.verifier, ground_truth: item.ground_truth, template: item.template };
  }
  if (Array.isArray(row.instruction_id_list) && row.key !== undefined) {
    if (typeof row.prompt !== 'string') throw new UsageError(`${file}:${line}: prompt: missing or not a string`);
    let parsed: ParsedInstruction[];
    try {
      parsed = parseIfevalTruth(row);
    } catch (e) {
      if (e instanceof IfevalTruthError) throw new UsageError(`${file}:${line}: key ${JSON.stringify(row.key)}: ${e.message}`);
      throw e;
    }
    return {
      ifevalKey: row.key as string | number,
      parsed,
      id: String(row.key),
      family: 'instruct',
      generator: 'ifeval',
      prompt: row.prompt,
      verifier: 'ifeval',
      ground_truth: { instruction_id_list: row.instruction_id_list, kwargs: row.kwargs },
    };
  }
  throw new UsageError(`${file}:${line}: neither a verigen item (id, verifier) nor an IFEval row (key, instruction_id_list)`);
}

export interface GroupScore {
  items: number;
  answered: number;
  passed: number;
  accuracy: number;
}

export interface VerifySummary {
  items: number;
  answered: number;
  missing: number;
  passed: number;
  accuracy: number;
  by_family: Record<string, GroupScore>;
  by_generator: Record<string, GroupScore>;
  /** IFEval's four scores and per-id accuracy over the items verified by the `ifeval` verifier, if any. */
  ifeval?: IfevalScores;
}

export interface VerifyOptions {
  items: string;
  responses: string;
  out?: string;
  /** Items without a response are left out of the scores instead of counted as failures. */
  skipMissing?: boolean;
  /** Fields of each response line to keep and hand to `onVerdict`. */
  keepFields?: readonly string[];
  /** Called for every verdict, in item order (eval builds its per-item records from it). */
  onVerdict?(target: Target, verdict: VerdictLine, response: ResponseEntry | undefined): void;
}

export interface VerdictLine extends Verdict {
  id: string;
  missing?: true;
}

function bump(groups: Record<string, GroupScore>, key: string, answered: boolean, passed: boolean): void {
  const g = (groups[key] ??= { items: 0, answered: 0, passed: 0, accuracy: 0 });
  g.items++;
  if (answered) g.answered++;
  if (passed) g.passed++;
}

export async function verifyRun(opts: VerifyOptions): Promise<VerifySummary> {
  const responses = await loadResponses(opts.responses, opts.keepFields);
  const { files } = sourceFiles(opts.items);
  const tmp = opts.out ? tempPath(opts.out) : null;
  const outFd = tmp ? fs.openSync(tmp, 'w') : null;
  const summary: VerifySummary = { items: 0, answered: 0, missing: 0, passed: 0, accuracy: 0, by_family: {}, by_generator: {} };
  const ifeval = new IfevalScorer();
  let ifevalItems = 0;
  let buffer: string[] = [];
  const flush = () => {
    if (outFd !== null && buffer.length > 0) fs.writeSync(outFd, buffer.join('\n') + '\n');
    buffer = [];
  };
  try {
    for await (const { value, file, line } of readJsonLines(files)) {
      const t = toTarget(value, file, line);
      const entry = responses.byId.get(t.id) ?? responses.byPrompt.get(t.prompt);
      if (!entry && opts.skipMissing) continue;
      if (entry) entry.used = true;
      let written: object;
      let verdict: VerdictLine;
      if (t.verifier === 'ifeval') {
        // IFEval rows get IFEval's verdict line; verigen instruct items the usual one, and both feed IFEval's scores.
        const row = { key: t.ifevalKey ?? t.id, instruction_id_list: t.ground_truth && (t.ground_truth as { instruction_id_list: unknown }).instruction_id_list, kwargs: (t.ground_truth as { kwargs?: unknown })?.kwargs };
        const il = ifevalVerdictLine(row, entry?.response, t.parsed);
        ifeval.add(il);
        ifevalItems++;
        verdict = entry
          ? { id: t.id, ...verifyItem({ verifier: 'ifeval', ground_truth: t.ground_truth as Item['ground_truth'] }, entry.response) }
          : { id: t.id, pass: false, score: 0, checks: [{ name: 'response', pass: false, detail: 'no response for this item' }], missing: true };
        written = t.ifevalKey !== undefined ? il : verdict;
      } else if (!entry) {
        verdict = { id: t.id, pass: false, score: 0, checks: [{ name: 'response', pass: false, detail: 'no response for this item' }], missing: true };
        written = verdict;
      } else {
        verdict = { id: t.id, ...verifyItem({ verifier: t.verifier as Item['verifier'], ground_truth: t.ground_truth as Item['ground_truth'] }, entry.response) };
        written = verdict;
      }
      if (!entry) {
        summary.missing++;
      } else {
        summary.answered++;
      }
      summary.items++;
      if (verdict.pass) summary.passed++;
      bump(summary.by_family, t.family, !verdict.missing, verdict.pass);
      bump(summary.by_generator, t.generator, !verdict.missing, verdict.pass);
      opts.onVerdict?.(t, verdict, entry);
      if (outFd !== null) {
        buffer.push(JSON.stringify(written));
        if (buffer.length >= 4096) flush();
      }
    }
    for (const [id, e] of responses.byId) {
      if (!e.used) throw new UsageError(`${responses.file}:${e.line}: id: '${id}' names no item in ${opts.items}`);
    }
    for (const [, e] of responses.byPrompt) {
      if (!e.used) throw new UsageError(`${responses.file}:${e.line}: prompt: matches no item's prompt in ${opts.items}`);
    }
    flush();
    if (outFd !== null) {
      fs.fsyncSync(outFd);
      fs.closeSync(outFd);
      fs.renameSync(tmp!, opts.out!);
    }
  } catch (e) {
    if (outFd !== null) {
      try {
        fs.closeSync(outFd);
      } catch {
        // closed already
      }
      fs.rmSync(tmp!, { force: true });
    }
    throw e;
  }
  const acc = (g: GroupScore) => (g.accuracy = g.items === 0 ? 0 : g.passed / g.items);
  summary.accuracy = summary.items === 0 ? 0 : summary.passed / summary.items;
  Object.values(summary.by_family).forEach(acc);
  Object.values(summary.by_generator).forEach(acc);
  if (ifevalItems > 0) summary.ifeval = ifeval.scores();
  return summary;
}

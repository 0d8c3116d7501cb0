/**
 * IFEval's report, for `verigen verify` on IFEval-format input: one verdict line per input row and the four scores
 * (prompt and instruction level, strict and loose) with the accuracy per instruction id and per group, as Google's
 * evaluation_lib.print_report computes them. A row without a response is kept, marked `missing`, and scored as not
 * followed (never dropped).
 */
import { followInstructions, IfevalTruthError, parseIfevalTruth, type ParsedInstruction } from './ifeval.js';

export interface IfevalVerdictLine {
  key: string | number;
  instruction_id_list: string[];
  strict: boolean[];
  loose: boolean[];
  follow_all_strict: boolean;
  follow_all_loose: boolean;
  missing?: true;
}

/**
 * The verdict line of one input row. `response` undefined means the response file lacks the row. Throws
 * IfevalTruthError (naming the field; prefix it with the file, line and key) when the row's ground truth is bad.
 */
export function ifevalVerdictLine(
  row: { key: string | number; instruction_id_list: unknown; kwargs?: unknown },
  response: string | undefined,
  parsed: ParsedInstruction[] = parseIfevalTruth(row),
): IfevalVerdictLine {
  const ids = parsed.map((p) => p.id);
  if (response === undefined) {
    const none = ids.map(() => false);
    return { key: row.key, instruction_id_list: ids, strict: none, loose: none.slice(), follow_all_strict: false, follow_all_loose: false, missing: true };
  }
  const results = followInstructions(parsed, response);
  const strict = results.map((r) => r.strict);
  const loose = results.map((r) => r.loose);
  return { key: row.key, instruction_id_list: ids, strict, loose, follow_all_strict: strict.every(Boolean), follow_all_loose: loose.every(Boolean) };
}

export interface Accuracy {
  count: number;
  strict: number;
  loose: number;
}

export interface IfevalScores {
  prompts: number;
  instructions: number;
  missing: number;
  prompt_strict: number;
  instruction_strict: number;
  prompt_loose: number;
  instruction_loose: number;
  /** Per instruction id (tier 1) and per group before the colon (tier 0): accuracy fractions. */
  by_id: Record<string, Accuracy>;
  by_group: Record<string, Accuracy>;
}

/** Accumulates verdict lines into IFEval's scores. */
export class IfevalScorer {
  private prompts = 0;
  private missing = 0;
  private promptStrict = 0;
  private promptLoose = 0;
  private instructions = 0;
  private instStrict = 0;
  private instLoose = 0;
  private readonly byId = new Map<string, { count: number; strict: number; loose: number }>();
  private readonly byGroup = new Map<string, { count: number; strict: number; loose: number }>();

  add(line: IfevalVerdictLine): void {
    this.prompts++;
    if (line.missing) this.missing++;
    if (line.follow_all_strict) this.promptStrict++;
    if (line.follow_all_loose) this.promptLoose++;
    line.instruction_id_list.forEach((id, k) => {
      this.instructions++;
      const s = line.strict[k] === true;
      const l = line.loose[k] === true;
      this.instStrict += +s;
      this.instLoose += +l;
      for (const [map, key] of [
        [this.byId, id],
        [this.byGroup, id.split(':')[0]!],
      ] as const) {
        const t = map.get(key) ?? { count: 0, strict: 0, loose: 0 };
        map.set(key, t);
        t.count++;
        t.strict += +s;
        t.loose += +l;
      }
    });
  }

  scores(): IfevalScores {
    const frac = (n: number, d: number) => (d === 0 ? 0 : n / d);
    const table = (m: Map<string, { count: number; strict: number; loose: number }>) => {
      const out: Record<string, Accuracy> = {};
      for (const key of [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        const t = m.get(key)!;
        out[key] = { count: t.count, strict: frac(t.strict, t.count), loose: frac(t.loose, t.count) };
      }
      return out;
    };
    return {
      prompts: this.prompts,
      instructions: this.instructions,
      missing: this.missing,
      prompt_strict: frac(this.promptStrict, this.prompts),
      instruction_strict: frac(this.instStrict, this.instructions),
      prompt_loose: frac(this.promptLoose, this.prompts),
      instruction_loose: frac(this.instLoose, this.instructions),
      by_id: table(this.byId),
      by_group: table(this.byGroup),
    };
  }
}

/** A plain-text report: the four scores, then the accuracy per group and per id (strict / loose, in percent). */
export function formatIfevalReport(s: IfevalScores): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const rows = (t: Record<string, Accuracy>) =>
    Object.entries(t).map(([k, a]) => `  ${k.padEnd(48)} ${String(a.count).padStart(5)}  ${pct(a.strict)}  ${pct(a.loose)}`);
  return [
    `IFEval: ${s.prompts} prompts, ${s.instructions} instructions${s.missing ? `, ${s.missing} prompt(s) without a response (scored as not followed)` : ''}`,
    `  prompt-level strict       ${pct(s.prompt_strict)}`,
    `  instruction-level strict  ${pct(s.instruction_strict)}`,
    `  prompt-level loose        ${pct(s.prompt_loose)}`,
    `  instruction-level loose   ${pct(s.instruction_loose)}`,
    `  ${'group'.padEnd(48)} ${'n'.padStart(5)}  strict   loose`,
    ...rows(s.by_group),
    `  ${'instruction id'.padEnd(48)} ${'n'.padStart(5)}  strict   loose`,
    ...rows(s.by_id),
  ].join('\n');
}

export { IfevalTruthError };

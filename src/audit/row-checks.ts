/**
 * The checks every stored row gets, run or items file: it parses and has its shape (schema), its targets are pure,
 * its stored answer or witness passes its own verifier, and its id and prompt go to the duplicate counters.
 */
import type { Item } from '../core/item.js';
import { hash64 } from '../core/hash.js';
import { checkPurity } from '../purity/index.js';
import type { Preset } from '../shards/presets.js';
import { promptHash } from '../shards/stats.js';
import { verifyItem } from '../verify/dispatch.js';
import { HashSpill } from './hash-spill.js';
import { clip, genericMutations, vacuityProblem } from './regen.js';
import { viewRow, type RowView } from './rows.js';
import { Tally } from './tally.js';

export class RowChecker {
  readonly schema: Tally;
  readonly purity = new Tally('purity', 'no target (answer, witness, assistant turn, response) holds a subjective or experiential claim');
  readonly verifier = new Tally('verifier', "the stored answer or witness passes the row's own verifier");
  readonly ids: HashSpill;
  readonly prompts: HashSpill;
  rows = 0;

  constructor(
    readonly preset: Preset | null,
    tmp: string,
    /** Items files: try generic wrong answers on every stored answer (runs use the generator's near misses instead). */
    readonly mutateStored: Tally | null,
  ) {
    this.schema = new Tally('schema', preset ? `every line is a JSON object in the '${preset}' preset's columns, ground truth valid for its verifier` : 'every line is a JSON object valid against schemas/item.schema.json');
    this.ids = new HashSpill(tmp, 'ids');
    this.prompts = new HashSpill(tmp, 'prompts');
  }

  /** A line that could not be parsed: a schema failure named by where it is. */
  unparsable(where: string, why: string): void {
    this.rows++;
    this.schema.fail(where, why);
  }

  /**
   * Checks one parsed row; `name` is what reports call it (its id, or file:line when it has none). Returns the view
   * for the run-only checks.
   */
  check(row: Record<string, unknown>, name: string): RowView {
    return this.checkView(row, viewRow(row, this.preset), name);
  }

  checkView(row: Record<string, unknown>, view: RowView, name: string): RowView {
    this.rows++;
    this.schema.record(name, view.shapeProblem);
    this.ids.add(hash64(view.id ?? `index ${view.index ?? name}`));
    if (view.prompt !== null) this.prompts.add(promptHash(view.prompt));
    for (const t of view.targets) {
      const f = checkPurity(t.text);
      this.purity.record(name, f.length > 0 ? `${t.field}: rule ${f[0]!.rule} on '${clip(f[0]!.match)}'` : null);
    }
    if (view.solution !== null && view.verifier !== null && view.groundTruth !== undefined) {
      const verdict = verifyItem({ verifier: view.verifier as Item['verifier'], ground_truth: view.groundTruth as Item['ground_truth'] }, view.solution);
      const failed = verdict.checks.filter((c) => !c.pass).map((c) => c.name);
      this.verifier.record(name, verdict.pass ? null : `the stored ${row.witness !== undefined || row.response !== undefined ? 'witness' : 'answer'} fails its own verifier (${failed.join(', ') || 'verdict fail'})`);
      if (this.mutateStored) this.mutateStored.record(name, vacuityProblem(view, genericMutations(view.solution), false));
    } else {
      this.verifier.counts.without_answer = (this.verifier.counts.without_answer ?? 0) + 1;
    }
    return view;
  }
}

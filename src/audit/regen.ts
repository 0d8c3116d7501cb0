/**
 * The checks that need the generator: a stored row regenerated from (seed, generator, index) and compared byte for
 * byte; the regenerated witness verified against the ground truth AS STORED; the generator's near misses (wrong
 * answers that look right) rejected by it, so that no stored verifier accepts everything.
 */
import type { Draft } from '../core/generator.js';
import { ItemFactory } from '../core/factory.js';
import type { Item } from '../core/item.js';
import { findGenerator } from '../core/registry.js';
import { Rng } from '../core/rng.js';
import { checkPurity } from '../purity/index.js';
import type { RunConfig } from '../run/config.js';
import { applyPreset } from '../shards/presets.js';
import { verifyItem } from '../verify/dispatch.js';
import type { RowView } from './rows.js';
import type { Tally } from './tally.js';

export interface RegenTallies {
  bytes: Tally;
  witness: Tally;
  nonVacuous: Tally;
  purity: Tally;
}

/** Texts that should not satisfy a real instruction: used when a generator offers no near miss, and for items files. */
export function genericMutations(solution: string): string[] {
  const out = ['', 'The quick brown fox jumps over the lazy dog.'];
  const reversed = Array.from(solution).reverse().join('');
  if (reversed !== solution) out.push(reversed);
  return out.filter((m) => m !== solution);
}

/** Why `view`'s verifier is vacuous given wrong responses `misses` (each should fail), or null. */
export function vacuityProblem(view: RowView, misses: readonly string[], strict: boolean): string | null {
  let rejected = 0;
  for (const m of misses) {
    if (!verifyItem({ verifier: view.verifier as Item['verifier'], ground_truth: view.groundTruth as Item['ground_truth'] }, m).pass) rejected++;
    else if (strict) return `near miss ${JSON.stringify(clip(m))} passes the stored verifier`;
  }
  if (misses.length > 0 && rejected === 0) return `the stored verifier accepts every wrong response tried (${misses.length}), e.g. ${JSON.stringify(clip(misses[0]!))}`;
  return null;
}

export function clip(s: string, n = 60): string {
  return s.length <= n ? s : `${s.slice(0, n)}…`;
}

/** The first top-level field whose JSON differs, for a readable byte-compare failure. */
function firstDifference(expected: string, stored: string): string {
  let a: Record<string, unknown>;
  let b: Record<string, unknown>;
  try {
    a = JSON.parse(expected) as Record<string, unknown>;
    b = JSON.parse(stored) as Record<string, unknown>;
  } catch {
    return 'the stored line is not the regenerated one';
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return `field '${k}' differs from the regenerated item`;
  }
  return 'same fields, different bytes (key order or spacing)';
}

export class Regenerator {
  private readonly factory: ItemFactory;

  /** Throws when the run cannot be regenerated here (a generator not registered, a profile changed). */
  constructor(private readonly config: RunConfig) {
    this.factory = new ItemFactory(config);
  }

  generatorAt(index: number): string {
    return this.factory.generatorAt(index);
  }

  /** Regenerates item `index` and checks the stored `line` (seen as `view`) against it. */
  check(index: number, line: string, view: RowView, id: string, t: RegenTallies): void {
    let item: Item;
    let draft: Draft<any>;
    try {
      ({ item, draft } = this.factory.build(index));
    } catch (e) {
      t.bytes.fail(id, `regeneration failed: ${(e as Error).message}`);
      return;
    }
    const preset = this.config.preset;
    const expected = JSON.stringify(preset ? applyPreset(preset, item) : item);
    t.bytes.record(id, expected === line ? null : firstDifference(expected, line));

    const witness = draft.witness ?? draft.answer;
    if (witness === null || witness === undefined) {
      t.witness.fail(id, 'the regenerated item has neither witness nor answer');
      return;
    }
    if (view.verifier === null || view.groundTruth === undefined) {
      t.witness.fail(id, 'the stored row has no readable verifier and ground truth');
      return;
    }
    const verdict = verifyItem({ verifier: view.verifier as Item['verifier'], ground_truth: view.groundTruth as Item['ground_truth'] }, witness);
    const failed = verdict.checks.filter((c) => !c.pass).map((c) => c.name);
    t.witness.record(id, verdict.pass ? null : `the regenerated witness fails the stored ground truth (${failed.join(', ') || 'verdict fail'})`);

    const def = findGenerator(item.generator);
    const misses = def ? def.nearMisses(draft, new Rng(`verigen-audit\u0000${item.id}`)) : [];
    const tried = misses.length > 0 ? misses : genericMutations(witness);
    t.nonVacuous.record(id, vacuityProblem(view, tried, misses.length > 0));
    if (misses.length === 0) t.nonVacuous.counts.generic_mutations = (t.nonVacuous.counts.generic_mutations ?? 0) + 1;

    // A witness that is not stored is still a target a pipeline may train on (--emit-witness would write it).
    if (item.witness === undefined && draft.witness !== undefined && draft.witness !== draft.answer) {
      const f = checkPurity(draft.witness);
      t.purity.record(id, f.length > 0 ? `regenerated witness: rule ${f[0]!.rule} on '${f[0]!.match}'` : null);
    }
  }
}
